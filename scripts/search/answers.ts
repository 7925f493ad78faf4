// The direct-answer table (/tim-kiem/tra-cuu.json): a small precomputed list of
// what a query can name — indicators, localities, provinces, plans and cited
// documents by number or title, levels and document types — read by the search
// page before any full-text search, so answers are national from the start.
// Built at build time from the plans, cited documents and the indicator taxonomy.
import { planUrl } from '../pipeline/urls.ts';
import { slugify } from '../pipeline/text.ts';
import type { Plan } from '../pipeline/types.ts';
import { planFields } from './records.ts';
import { PROVINCES, provinceKey, CENTRAL, UNKNOWN_PROVINCE } from './provinces.ts';

export interface BundleEntry {
  /** Province name ("Đồng Tháp"), or a label for the central / unknown bundles. */
  name: string;
  /** Where its Pagefind bundle is, relative to the site root ("/pagefind/tinh/dong-thap/"). */
  path: string;
  plans: number;
  /** Bytes a first query in this bundle loads before any index chunk (entry + metadata). */
  fixedBytes: number;
  /** Mean bytes of one index chunk (a query word loads about one). */
  chunkBytes: number;
}

export interface LocalityEntry {
  name: string;
  level: string | null;
  plans: number;
  /** The bundle key of its province. */
  bundle: string;
}

export interface AnswerTable {
  /** Bundle key → bundle; the primary bundle (/pagefind/) is not listed. */
  bundles: Record<string, BundleEntry>;
  /** The 34 provinces with every name they go by (current, former, aliases). */
  provinces: { name: string; bundle: string; names: string[] }[];
  localities: LocalityEntry[];
  /** [plan id, number or "", index into localities or -1, index into types or -1]; titles and dates are in each bundle's cards.json. */
  plans: [string, string, number, number][];
  documents: { number: string | null; title: string; url: string }[];
  /** Indicator pages are /chi-tieu/<id>/. */
  indicators: { id: string; name: string; short: string; keys: string[] }[];
  /** Levels and document types present in the library (the values of the cap / loai filters). */
  levels: string[];
  types: string[];
}

export interface AnswerSources {
  plans: (Plan & { displayTitle?: string; province?: string })[];
  documents: { slug: string; number: string | null; title: string }[];
  indicators: { id: string; name: string; short: string; phrasings: string[] }[];
  bundles: Record<string, BundleEntry>;
}

/** The literal start of a phrasing pattern ("kinh tế số (đạt|chiếm)" → "kinh tế số"), or null. */
export function literalPart(pattern: string): string | null {
  const cut = pattern.split(/[()[\]{}|?*+.\\^$]/)[0]!.trim();
  return cut.length >= 2 ? cut : null;
}

/** The locality page's slug: the same rule as src/utils/plans.ts (level + name). */
const localitySlug = (name: string, level: string | null) => slugify(`${level ?? ''} ${name}`);

/** Where a locality's page is. */
export function localityUrl(l: Pick<LocalityEntry, 'name' | 'level'>): string {
  return `/dia-phuong/${localitySlug(l.name, l.level)}/`;
}

/** What a result shows of a plan, per bundle (cards.json beside its index): id → [title, ISO date or ""]. */
export type PlanCards = Record<string, [string, string]>;
/** The file name of a bundle's plan cards. */
export const CARDS_FILE = 'cards.json';

export function planCards(plans: (Plan & { displayTitle?: string })[]): PlanCards {
  return Object.fromEntries(plans.map((p) => [p.id, [planFields(p).meta.title!, p.metadata.date.value ?? '']]));
}

export function buildAnswerTable(src: AnswerSources): AnswerTable {
  const localities: LocalityEntry[] = [];
  const localityIndex = new Map<string, number>();
  for (const p of src.plans) {
    const name = p.metadata.locality.value;
    if (!name || p.metadata.level.value === 'trung ương') continue;
    const slug = localitySlug(name, p.metadata.level.value);
    let i = localityIndex.get(slug);
    if (i === undefined) {
      i = localities.push({ name, level: p.metadata.level.value, plans: 0, bundle: bundleOf(p) }) - 1;
      localityIndex.set(slug, i);
    }
    localities[i]!.plans++;
  }
  const present = <T,>(xs: (T | null)[]) => [...new Set(xs.filter((x): x is T => x !== null))];
  const types = present(src.plans.map((p) => p.metadata.type.value));
  return {
    bundles: src.bundles,
    provinces: PROVINCES.map((p) => ({ name: p.name, bundle: slugify(p.name), names: [p.name, ...p.former, ...(p.aliases ?? [])] })),
    localities,
    plans: src.plans.map((p) => {
      const name = p.metadata.locality.value;
      const li = name ? localityIndex.get(localitySlug(name, p.metadata.level.value)) ?? -1 : -1;
      return [p.id, p.metadata.number.value ?? '', li, p.metadata.type.value ? types.indexOf(p.metadata.type.value) : -1];
    }),
    documents: src.documents.map((d) => ({ number: d.number, title: d.title, url: `/van-ban-dan-chieu/${encodeURIComponent(d.slug)}/` })),
    indicators: src.indicators.map((i) => ({
      name: i.name,
      short: i.short,
      id: i.id,
      // Phrasings that add words to the name and short name (the others would repeat them).
      keys: [...new Set(i.phrasings.map(literalPart).filter((k): k is string => k !== null && !i.name.toLowerCase().includes(k.toLowerCase()) && !i.short.toLowerCase().includes(k.toLowerCase())))],
    })),
    levels: present(src.plans.map((p) => p.metadata.level.value)),
    types,
  };
}

/** The bundle a plan is indexed in (one function: the build and the table agree). */
export function bundleOf(p: Plan & { province?: string }): string {
  return p.province ? provinceKey(p.province, 'tỉnh') : provinceKey(p.metadata.locality.value, p.metadata.level.value);
}

export const BUNDLE_LABELS: Record<string, string> = { [CENTRAL]: 'Trung ương', [UNKNOWN_PROVINCE]: 'Chưa rõ tỉnh' };

/** Where a plan's page is (re-exported for the page script). */
export { planUrl };
