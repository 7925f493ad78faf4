// Turns plans and other pages into what Pagefind indexes.
// A plan is cut into sections (a heading and its paragraphs, at most
// MAX_SECTION_WORDS, more in a large bundle: sectionWordsFor): each section is one Pagefind record, so a result's fragment
// costs a section, not a whole plan, and ten results fit on a first screen. Every
// block is preceded by an empty anchor, so a result links to its paragraphs
// (/van-ban/<planId>/#<blockId>).
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { shownText } from '../pipeline/plan-tree.ts';
import type { Block, Plan } from '../pipeline/types.ts';
import { wordCount } from '../pipeline/block-facts.ts';
import type { CitedDocumentPage } from '../pipeline/cited-documents.ts';
import { formatIsoDate } from '../contract/format.ts';
import { citedDocumentUrl, planUrl, SEARCH_FILTERS as FILTERS } from '../contract/addresses.ts';

/** A non-plan page to index: indicator pages, cited-document pages... */
export interface SearchPage {
  url: string;
  title: string;
  text: string;
  /** Shown under the title in results, e.g. "Chỉ tiêu" or "Văn bản được dẫn chiếu". */
  kind?: string;
  filters?: Record<string, string[]>;
}


/** A plan as the site has it: `displayTitle` (scripts/build/site-data.ts) is the title results show. */
export type IndexablePlan = Plan & { displayTitle?: string; province?: string };
/** What the answer table, the cards and the filters read of a plan: all but its text, outline and references (the search input's head holds it for every plan). */
export type PlanFacts = Omit<IndexablePlan, 'blocks' | 'outline' | 'references'>;

/** A plan's facts (PlanFacts), the plan's other fields left out. */
export function planFacts({ blocks: _blocks, outline: _outline, references: _references, ...facts }: IndexablePlan): PlanFacts {
  return facts;
}

const nfc = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** What a result shows and filters on, read from the plan's metadata (missing values are left out). */
export function planFields(plan: PlanFacts): { meta: Record<string, string>; filters: Record<string, string[]> } {
  const m = plan.metadata;
  const type = m.type.value ? nfc(m.type.value) : null;
  const number = m.number.value ? nfc(m.number.value) : null;
  const subject = m.subject.value ? nfc(m.subject.value) : null;
  const heading = [type, number ? `số ${number}` : null].filter(Boolean).join(' ');
  const title = plan.displayTitle ? nfc(plan.displayTitle) : [heading, subject].filter(Boolean).join(': ') || plan.id;
  const meta: Record<string, string> = { title };
  if (subject) meta.subject = subject;
  const put = (key: string, v: string | null | undefined) => {
    if (v) meta[key] = nfc(v);
  };
  put('locality', m.locality.value);
  put('level', m.level.value);
  put('type', type);
  put('number', number);
  put('date', m.date.value);
  put('issuer', m.issuer.value);
  const filters: Record<string, string[]> = {};
  if (meta.locality) filters[FILTERS.locality] = [meta.locality];
  if (meta.level) filters[FILTERS.level] = [meta.level];
  if (type) filters[FILTERS.type] = [type];
  return { meta, filters };
}

/** The heading each block sits under (a heading is its own section), used as the sub-result title. */
export function sectionTitles(blocks: Block[], maxLength = 90): string[] {
  let current = '';
  return blocks.map((b) => {
    if (b.kind === 'heading') current = nfc(b.text);
    const t = current || nfc(b.text);
    return t.length > maxLength ? `${t.slice(0, maxLength - 1).replace(/\s\S*$/, '')}…` : t;
  });
}

function filterTags(filters: Record<string, string[]>): string {
  return Object.entries(filters)
    .flatMap(([k, vs]) => vs.map((x) => toHtml(h('meta', { dataPagefindFilter: `${k}[content]`, content: nfc(x) }))))
    .join('');
}

/** A section grows until this many words; then the next block starts a new one. */
export const MAX_SECTION_WORDS = 150;
/**
 * A large bundle gets longer sections, up to this many words: Pagefind's metadata, which
 * every query of a bundle loads, costs ~7 bytes a record (a province of ~100 plans: 34 KB
 * with 150-word sections, ~21 KB with 300, for fragments ~0.7 KB larger).
 */
export const MAX_SECTION_WORDS_LARGE = 300;
/** Sections a bundle holds before its sections grow past MAX_SECTION_WORDS. */
export const BUNDLE_SECTIONS = 1500;

/** The longest section of a bundle of this many words: 150, growing to 300 past BUNDLE_SECTIONS sections. */
export function sectionWordsFor(bundleWords: number): number {
  return Math.min(MAX_SECTION_WORDS_LARGE, Math.max(MAX_SECTION_WORDS, Math.round(bundleWords / BUNDLE_SECTIONS)));
}
/** A heading starts a new section only once the current one has this many words. */
export const MIN_SECTION_WORDS = 30;

/**
 * The plan's blocks cut into sections: [first, end) block indexes, in order, covering every
 * block once. A heading starts a section once the current one holds `minWords`; a large
 * bundle's sections (maxWords above MAX_SECTION_WORDS) are cut by length only: at ~100 plans
 * a province's metadata falls from 20 to 14 KB (~10 bytes a record, measured at 500 plans
 * over 5 provinces), its fragments grow a little.
 */
export function sectionRanges(blocks: Block[], maxWords = MAX_SECTION_WORDS, minWords = maxWords > MAX_SECTION_WORDS ? maxWords : MIN_SECTION_WORDS): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  let words = 0;
  blocks.forEach((b, i) => {
    const n = wordCount(b.text);
    if (i > start && ((b.kind === 'heading' && words >= minWords) || words + n > maxWords)) {
      ranges.push([start, i]);
      [start, words] = [i, 0];
    }
    words += n;
  });
  if (blocks.length) ranges.push([start, blocks.length]);
  return ranges;
}

export interface SectionRecord {
  /** The plan URL with the section's first block as fragment (unique per record). */
  url: string;
  html: string;
}

/**
 * The HTML Pagefind indexes for each section of a plan. It is never served: it
 * carries only the text, the anchors and the filters, so the index does not depend
 * on the site's markup. No meta field: Pagefind 1.6 indexes meta values as words (a
 * plan's URL or title in every section would add its words to every record's
 * entries and fragment); the plan is the record's URL without its fragment
 * (`recordPage`), and titles, localities and dates come from the bundle's cards.
 */
export function sectionRecords(plan: IndexablePlan, extraFilters: Record<string, string[]> = {}, maxWords = MAX_SECTION_WORDS): SectionRecord[] {
  const { filters } = planFields(plan);
  const titles = sectionTitles(plan.blocks);
  const url = planUrl(plan.id);
  const paragraph = (id: string, title: string, text: string) => h('p', [h('a', { id, dataPagefindTitle: title }), nfc(text)]);
  const filterHtml = filterTags({ ...filters, ...extraFilters });
  return sectionRanges(plan.blocks, maxWords).map(([from, to]) => {
    // The text each block shows on the page (plan-tree.ts). A block restored from a scan is
    // indexed as restored, then as scanned (same anchor: the page shows the scan under the
    // paragraph), so the original stays searchable too.
    const body = plan.blocks
      .slice(from, to)
      .map((b, k) => {
        const title = titles[from + k]!;
        const shown = shownText(b);
        return toHtml([paragraph(b.id, title, shown.text), ...(shown.scan === undefined ? [] : [paragraph(b.id, `${title} · bản quét gốc`, shown.scan)])]);
      })
      .join('\n');
    const first = plan.blocks[from]!;
    return {
      url: `${url}#${encodeURIComponent(first.id)}`,
      html:
        `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body><main data-pagefind-body>` +
        filterHtml +
        `${body}</main></body></html>`,
    };
  });
}

/** A Pagefind custom record for a non-plan page. */
export function pageRecord(page: SearchPage) {
  const meta: Record<string, string> = { title: nfc(page.title) };
  if (page.kind) meta.kind = nfc(page.kind);
  const filters = Object.fromEntries(
    Object.entries(page.filters ?? {}).map(([k, vs]) => [k, [...new Set(vs.map(nfc))]]),
  );
  return { url: page.url, content: nfc(page.text), language: 'vi', meta, filters };
}

/** Cited-document pages (/van-ban-dan-chieu/<slug>/): found by their number, type and title. */
export function citedDocumentPages(documents: CitedDocumentPage[]): SearchPage[] {
  return documents.map((d) => ({
    url: citedDocumentUrl(d.slug),
    title: d.title,
    text: [d.title, d.type, d.number, d.date ? `ngày ${formatIsoDate(d.date)}` : null].filter(Boolean).join('. '),
    kind: 'Văn bản được dẫn chiếu',
  }));
}
