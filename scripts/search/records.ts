// Turns plans and other pages into what Pagefind indexes.
// A plan is ONE Pagefind page (so the index metadata stays small at thousands of
// plans); every block is preceded by an empty anchor, so Pagefind's sub-results
// give paragraph-level hits linking to /van-ban/<planId>/#<blockId>.
import type { Block, Plan } from '../pipeline/types.ts';
import type { CitedDocumentPage } from '../pipeline/corpus.ts';
import { formatIsoDate } from '../pipeline/dates.ts';

/** A non-plan page to index: indicator pages, cited-document pages... */
export interface SearchPage {
  url: string;
  title: string;
  text: string;
  /** Shown under the title in results, e.g. "Chỉ tiêu" or "Văn bản được dẫn chiếu". */
  kind?: string;
  filters?: Record<string, string[]>;
}

/** Filter names used in the index and in the search page's URL. */
export const FILTERS = {
  locality: 'dia-phuong',
  level: 'cap',
  type: 'loai',
  indicator: 'chi-tieu',
} as const;


/** A plan as the site has it: `displayTitle` (scripts/build/site-data.ts) is the title results show. */
export type IndexablePlan = Plan & { displayTitle?: string };

const nfc = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What a result shows and filters on, read from the plan's metadata (missing values are left out). */
export function planFields(plan: IndexablePlan): { meta: Record<string, string>; filters: Record<string, string[]> } {
  const m = plan.metadata;
  const type = m.type.value ? nfc(m.type.value) : null;
  const number = m.number.value ? nfc(m.number.value) : null;
  const subject = m.title.value ? nfc(m.title.value) : null;
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

function metaTags(attr: 'meta' | 'filter', entries: Record<string, string | string[]>): string {
  return Object.entries(entries)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `<meta data-pagefind-${attr}="${escapeHtml(k)}[content]" content="${escapeHtml(nfc(x))}">`))
    .join('');
}

/**
 * The HTML Pagefind indexes for one plan. It is never served: it carries only
 * the text, the anchors and the metadata, so the index does not depend on the
 * site's markup.
 */
export function planHtml(plan: IndexablePlan, extraFilters: Record<string, string[]> = {}): string {
  const { meta, filters } = planFields(plan);
  const titles = sectionTitles(plan.blocks);
  const paragraph = (id: string, title: string, text: string) =>
    `<p><a id="${escapeHtml(id)}" data-pagefind-title="${escapeHtml(title)}"></a>${escapeHtml(nfc(text))}</p>`;
  // A block restored from a scan is indexed as restored, then as scanned (same anchor:
  // the page shows the scan under the paragraph), so the original stays searchable too.
  const body = plan.blocks
    .map((b, i) =>
      paragraph(b.id, titles[i]!, b.text) +
      (b.original !== undefined && b.original !== b.text ? paragraph(b.id, `${titles[i]!} · bản quét gốc`, b.original) : ''),
    )
    .join('\n');
  return (
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body><main data-pagefind-body>` +
    metaTags('meta', meta) +
    metaTags('filter', { ...filters, ...extraFilters }) +
    `${body}</main></body></html>`
  );
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
    url: `/van-ban-dan-chieu/${encodeURIComponent(d.slug)}/`,
    title: d.title,
    text: [d.title, d.type, d.number, d.date ? `ngày ${formatIsoDate(d.date)}` : null].filter(Boolean).join('. '),
    kind: 'Văn bản được dẫn chiếu',
  }));
}
