// The shapes of the direct-answer table and of the bundles' plan cards, and how its parts
// are assembled: no dependency beyond the slug, fold and address functions, because
// the page's script imports it (answers.ts builds the table at build time).
// The table is served in parts: a core every query loads (provinces, indicators, cited
// documents, bundles), shards of localities and plan numbers, one per hash of a name's
// first syllable, so a query loads only the shards its own words can match, and page shards
// (the province of each plan and locality page, by hash of its path), loaded only to scope a
// search started from such a page.
import { slugify } from '../../pipeline/text.ts';
import { citedDocumentUrl, localityUrl } from '../addresses.ts';
import { foldedTokens } from './results.ts';

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
  /** The province that tells it apart from namesakes elsewhere (addresses.ts `distinguishingProvince`), or null. */
  province: string | null;
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
  documents: { number: string | null; title: string; slug: string; url: string }[];
  /** Indicator pages are /chi-tieu/<id>/. */
  indicators: { id: string; name: string; short: string; keys: string[] }[];
  /** Levels and document types present in the library (the values of the cap / loai filters). */
  levels: string[];
  types: string[];
}

/** What every query loads (/tim-kiem/tra-cuu.json): the table without its localities and plans, and without what their keys give (paths, slugs). */
export type AnswerCore = Omit<AnswerTable, 'localities' | 'plans' | 'provinces' | 'bundles' | 'documents'> & {
  /** Each province's names, its current name first (its bundle is that name's slug). */
  provinces: string[][];
  bundles: Record<string, Omit<BundleEntry, 'path'>>;
  documents: [number: string | null, title: string, slug: string][];
  /** How many shards (/tim-kiem/tra-cuu/<i>.json) hold the localities and plan numbers. */
  shards: number;
  /** The only shard, inline, when the table is small enough to be one file. */
  shard?: AnswerShard;
  /** How many page shards (/tim-kiem/tra-cuu/trang-<i>.json) there are. */
  pageShards: number;
  /** The only page shard, inline, when it is small enough. */
  pages?: PageShard;
};

/** One shard: the localities whose name, and the plans whose number, starts with a syllable hashed to it. */
export interface AnswerShard {
  localities: LocalityEntry[];
  /** As in AnswerTable, the locality index into this shard's localities. */
  plans: AnswerTable['plans'];
}

/**
 * One page shard: page path (a plan's, a locality's) → the bundle key of its province (a search
 * started from it searches there). Apart from the name shards, which they made ~8 times larger
 * (3,500 synthetic plans: median name shard 958 → 116 bytes gzip).
 */
export type PageShard = Record<string, string>;

/**
 * The value the index holds for the indicator filter (chi-tieu): the indicator's place in the
 * table, not its name. A fragment repeats its plan's filters: ~14 indicator names cost ~250
 * bytes gzip in every fragment of the seeds' (~28 % of it), their places ~50. The page's URL keeps the name.
 */
export const indicatorFilterValue = (indicators: { short: string }[], short: string): string => String(indicators.findIndex((i) => i.short === short));

/** Where a province bundle is served (key: its slug, or the central / unknown label's). */
export const bundlePath = (key: string) => `/pagefind/tinh/${key}/`;

/** Where shard i is served. */
export const shardPath = (i: number) => `tim-kiem/tra-cuu/${i}.json`;
/** Where page shard i is served (beside the name shards). */
export const pageShardPath = (i: number) => `tim-kiem/tra-cuu/trang-${i}.json`;

/** The syllable a name or number is filed under: its first folded token, up to "-" or "/" ("319-CTr/TU" → "319", "Yết Kiêu" → "yet"). */
export const shardKey = (text: string): string => (foldedTokens(text)[0] ?? '').split(/[-/]/)[0]!;

/** The shard a key goes to (FNV-1a; the build and the page agree). */
export function shardOf(key: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

/** The shards a query's words can match in (a name or number starts at one of its words). */
export function queryShards(words: string[], shards: number): number[] {
  return [...new Set(words.map(shardKey).filter(Boolean).map((k) => shardOf(k, shards)))].sort((a, b) => a - b);
}

/** The localities in one order wherever they come from (by name, level, then province): two names that fold alike resolve the same way. */
export function sortLocalities(localities: LocalityEntry[], plans: AnswerTable['plans']): Pick<AnswerTable, 'localities' | 'plans'> {
  const key = (l: LocalityEntry) => `${l.name}\u0000${l.level ?? ''}\u0000${l.province ?? ''}`;
  const order = localities.map((l, i) => [key(l), i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const at = new Map(order.map(([, i], k) => [i, k]));
  return {
    localities: order.map(([, i]) => localities[i]!),
    plans: plans.map(([id, n, li, ti]) => [id, n, at.get(li) ?? -1, ti]),
  };
}

/** The table a query reads: the core and the shards loaded (a locality in several shards once). */
export function assembleTable(core: AnswerCore, shards: AnswerShard[]): AnswerTable {
  const localities: LocalityEntry[] = [];
  const seen = new Map<string, number>();
  const plans: AnswerTable['plans'] = [];
  for (const s of shards) {
    const at = s.localities.map((l) => {
      const page = localityUrl(l);
      return seen.get(page) ?? seen.set(page, localities.push(l) - 1).get(page)!;
    });
    plans.push(...s.plans.map(([id, n, li, ti]): AnswerTable['plans'][number] => [id, n, at[li] ?? -1, ti]));
  }
  const { shards: _, shard: __, pageShards: ___, pages: ____, provinces, bundles, documents, ...rest } = core;
  return {
    ...rest,
    provinces: provinces.map((names) => ({ name: names[0]!, bundle: slugify(names[0]!), names })),
    bundles: Object.fromEntries(Object.entries(bundles).map(([key, b]) => [key, { ...b, path: bundlePath(key) }])),
    documents: documents.map(([number, title, slug]) => ({ number, title, slug, url: citedDocumentUrl(slug) })),
    ...sortLocalities(localities, plans),
  };
}

/**
 * What a result shows of a plan, per bundle (cards.json beside its index), and what the
 * page counts and filters on: id → [title, ISO date, locality, level, type, the province that
 * tells the locality apart (`LocalityEntry.province`)] ("" when not known or none; a central
 * plan has no locality), and in a bundle of few plans its records (CARD_RECORDS): the starts of
 * their Pagefind ids, space-separated (`recordOwners`), so a screen fetches one section per plan.
 */
export type PlanCards = Record<string, [string, string, string, string, string, string, string?]>;
/** Where a card holds its records' id starts. */
export const CARD_RECORDS = 6;

/**
 * The plan each record id start names, over the cards loaded: a start shared by records of
 * two plans names none (null). A Pagefind id is "<language>_<hex hash>".
 */
export function recordOwners(cards: Iterable<[planUrl: string, records: string | undefined]>): (id: string) => string | null {
  const owners = new Map<string, string | null>();
  const lengths = new Set<number>();
  for (const [plan, records] of cards) {
    for (const start of records?.split(' ') ?? []) {
      if (!start) continue;
      lengths.add(start.length);
      owners.set(start, owners.has(start) && owners.get(start) !== plan ? null : plan);
    }
  }
  return (id) => {
    const hash = id.slice(id.indexOf('_') + 1);
    const found = new Set([...lengths].map((n) => owners.get(hash.slice(0, n))).filter((o) => o !== undefined));
    return found.size === 1 ? [...found][0]! : null;
  };
}
/** The file name of a bundle's plan cards. */
export const CARDS_FILE = 'cards.json';

