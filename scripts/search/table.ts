// The shapes of the direct-answer table and of the bundles' plan cards: no dependency,
// because the page's script imports it (answers.ts builds the table at build time).

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

/** What a result shows of a plan, per bundle (cards.json beside its index): id → [title, ISO date or ""]. */
export type PlanCards = Record<string, [string, string]>;
/** The file name of a bundle's plan cards. */
export const CARDS_FILE = 'cards.json';

