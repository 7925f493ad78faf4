// Builds the Pagefind bundles into <outDir>/pagefind: the primary bundle
// (/pagefind/: cited-document pages and central plans; indicators are found
// through the answer table) and one bundle per province (/pagefind/tinh/<key>/),
// which the search page merges on demand with Pagefind's mergeIndex. Also writes
// the direct-answer table (/tim-kiem/tra-cuu.json and its shards). Called by the site
// build after `astro build`.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Plan } from '../pipeline/types.ts';
import { pageRecord, sectionRecords, sectionWordsFor, type IndexablePlan, type SearchPage } from './records.ts';
import { BUNDLE_LABELS, bundleOf, buildAnswerTable, planCards, splitAnswerTable } from './answers.ts';
import { bundlePath, CARDS_FILE, indicatorFilterValue, pageShardPath, shardPath, type AnswerTable, type BundleEntry } from '../contract/search/table.ts';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CENTRAL, PROVINCES } from './provinces.ts';
import { slugify } from '../pipeline/text.ts';
import { planUrl, SEARCH_FILTERS as FILTERS } from '../contract/addresses.ts';
import { recordPage } from '../contract/search/results.ts';
import { loadTaxonomy } from '../pipeline/targets/taxonomy.ts';

/** "%" joins a number so "30%" is one searchable word; document numbers ("57-NQ/TW") are joined by Pagefind itself. */
export const INCLUDE_CHARACTERS = '%';
/** Where the answer table is served. */
export const ANSWER_TABLE_PATH = 'tim-kiem/tra-cuu.json';

/**
 * Pagefind's default UI bundles: the search page uses the JS API with its own small
 * script instead, and runs it without the web worker (`noWorker`, one download less).
 * A merged bundle uses the primary's runtime and WASM, so it keeps only its data.
 */
const UNUSED_BUNDLES = /^pagefind-(ui|component-ui|modular-ui|highlight|worker)\.(js|css)$/;
const MERGED_ONLY_DATA = /^(pagefind[^/]*\.(js|css)|wasm\..*)$/;

export interface BuildSearchIndexOptions {
  plans: IndexablePlan[];
  /** Indicator pages, cited-document pages... */
  pages?: SearchPage[];
  /** Cited documents for the answer table (numbers and titles). */
  documents?: { slug: string; number: string | null; title: string }[];
  /** The built site folder (e.g. "dist"); the index goes to <outDir>/pagefind. */
  outDir: string;
  /** Extra filters per plan, e.g. { 'chi-tieu': ['Kinh tế số/GRDP'] } from the targets stage. */
  planFilters?: (plan: Plan) => Record<string, string[]>;
  /** Index chunk size in Pagefind's units (≈ indexed words); default from the bundle sizes. */
  indexChunkSize?: number;
  /** One bundle for everything (the comparison the split is measured against). */
  singleBundle?: boolean;
  /** About this many bytes (gzip) per shard of the answer table (default SHARD_BYTES; tests make small corpora use several). */
  shardBytes?: number;
}

/**
 * Pagefind's default chunks (20,000 units) make a first query download most of a
 * small index. Smaller chunks cost a line each in the metadata file every query
 * loads, so the size grows with the bundle (measured by scripts/bench-search.ts: for a
 * province of ~100 plans, "chuyen doi so" loads 151.8 KB with 2,896-unit chunks (4 √words),
 * 147.2 with 1,400 (2 √words), 148.1 with 800 and 400, the metadata growing 13.8 → 16.6 KB).
 */
export function defaultChunkSize(totalWords: number): number {
  return Math.max(500, Math.round(Math.sqrt(totalWords) * 2));
}

const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;
const planWords = (p: IndexablePlan) => p.blocks.reduce((m, b) => m + countWords(b.text), 0);

export interface SearchIndexSummary {
  outputPath: string;
  plans: number;
  pages: number;
  records: number;
  bundles: number;
  chunkSize: number;
  table: AnswerTable;
  /** Files of the answer table's shards (0: the only one is inline in the core). */
  shards: number;
}

/** Plans grouped by bundle key; central plans go into the primary bundle (key ""). */
export function groupByBundle(plans: IndexablePlan[], single = false): Map<string, IndexablePlan[]> {
  const groups = new Map<string, IndexablePlan[]>([['', []]]);
  for (const p of plans) {
    const key = single || bundleOf(p) === CENTRAL ? '' : bundleOf(p);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return groups;
}

/**
 * A bundle of at most this many plans lists its records' ids in its cards. With few plans the
 * best sections cluster in a few of them: fetched blind, the seeds' 18 first fragments of
 * "chuyển đổi số" showed one plan of five. With ~100 plans (a province at 3,500) a blind
 * screen already shows ten plans, and the list (~2 bytes a record) would cost more than it saves.
 */
export const OWNED_BUNDLE_PLANS = 30;

/** Pagefind fragment files are gzip with this prefix before the JSON. */
const FRAGMENT_PREFIX = 'pagefind_dcd';

/**
 * The start of each record's Pagefind id, by plan id, read back from the fragments written:
 * two hex digits more than the bundle's size needs, so few starts are shared (a shared one names
 * no plan) and a record of an unlisted bundle (a large province's, a cited document's) seldom
 * takes one for a listed plan's (the page then only skips it once that plan is shown).
 */
function recordStarts(dir: string, plans: IndexablePlan[]): Map<string, string[]> {
  const byUrl = new Map(plans.map((p) => [planUrl(p.id), p.id]));
  const files = readdirSync(join(dir, 'fragment'));
  const digits = Math.ceil(Math.log(files.length) / Math.log(16)) + 2;
  const starts = new Map<string, string[]>();
  for (const f of files) {
    const { url } = JSON.parse(gunzipSync(readFileSync(join(dir, 'fragment', f))).toString('utf8').slice(FRAGMENT_PREFIX.length)) as { url: string };
    const id = byUrl.get(recordPage(url));
    const hash = f.replace(/\.pf_fragment$/, '');
    if (id) starts.set(id, [...(starts.get(id) ?? []), hash.slice(hash.indexOf('_') + 1, hash.indexOf('_') + 1 + digits)]);
  }
  return starts;
}

/** Bytes sent for the files of a bundle a first query loads: Pagefind's are gzip already, cards.json is gzipped by the server. */
const fileBytes = (dir: string, re: RegExp) =>
  readdirSync(dir)
    .filter((f) => re.test(f))
    .reduce((n, f) => n + (f === CARDS_FILE ? gzipSync(readFileSync(join(dir, f))).length : statSync(join(dir, f)).size), 0);

function bundleEntry(key: string, dir: string, plans: number): BundleEntry {
  const index = readdirSync(join(dir, 'index'));
  const indexBytes = index.reduce((n, f) => n + statSync(join(dir, 'index', f)).size, 0);
  const province = PROVINCES.find((p) => slugify(p.name) === key);
  return {
    name: province?.name ?? BUNDLE_LABELS[key] ?? key,
    path: bundlePath(key),
    plans,
    fixedBytes: fileBytes(dir, /^pagefind-entry\.json$|\.pf_meta$|^cards\.json$/),
    chunkBytes: Math.round(indexBytes / Math.max(1, index.length)),
  };
}

export async function buildSearchIndex(opts: BuildSearchIndexOptions): Promise<SearchIndexSummary> {
  const groups = groupByBundle(opts.plans, opts.singleBundle);
  const largest = Math.max(...[...groups.values()].map((g) => g.reduce((n, p) => n + planWords(p), 0)));
  const chunkSize = opts.indexChunkSize ?? (Number(process.env.SEARCH_CHUNK_SIZE) || defaultChunkSize(largest));
  // Read by the Pagefind binary when the service starts (pagefind/src/options.rs).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize);
  const root = join(opts.outDir, 'pagefind');
  rmSync(root, { recursive: true, force: true });
  const bundles: Record<string, BundleEntry> = {};
  const indicators = loadTaxonomy().indicators;
  const filtersOf = (plan: Plan): Record<string, string[]> => {
    const filters = { ...(opts.planFilters?.(plan) ?? {}) };
    if (filters[FILTERS.indicator]) filters[FILTERS.indicator] = filters[FILTERS.indicator].map((short) => indicatorFilterValue(indicators, short));
    return filters;
  };
  let records = 0;
  try {
    for (const [key, plans] of groups) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', includeCharacters: INCLUDE_CHARACTERS });
      if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
      const check = (what: string, r: { errors: string[] }) => {
        if (r.errors.length) throw new Error(`Pagefind could not index ${what}: ${r.errors.join('; ')}`);
        records++;
      };
      try {
        const sectionWords = sectionWordsFor(plans.reduce((n, p) => n + planWords(p), 0));
        for (const plan of plans) {
          for (const rec of sectionRecords(plan, filtersOf(plan), sectionWords)) check(rec.url, await index.addHTMLFile({ url: rec.url, content: rec.html }));
        }
        if (key === '') for (const page of opts.pages ?? []) check(page.url, await index.addCustomRecord(pageRecord(page)));
        const outputPath = key === '' ? root : join(opts.outDir, bundlePath(key));
        const written = await index.writeFiles({ outputPath });
        if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
        const unused = key === '' ? UNUSED_BUNDLES : MERGED_ONLY_DATA;
        for (const f of readdirSync(outputPath)) if (unused.test(f)) rmSync(join(outputPath, f));
        const cards = planCards(plans);
        if (plans.length <= OWNED_BUNDLE_PLANS) for (const [id, starts] of recordStarts(outputPath, plans)) cards[id]![5] = starts.sort().join(' ');
        writeFileSync(join(outputPath, CARDS_FILE), JSON.stringify(cards));
        if (key !== '') bundles[key] = bundleEntry(key, outputPath, plans.length);
      } finally {
        await index.deleteIndex();
      }
    }
  } finally {
    await pagefind.close();
  }
  const table = buildAnswerTable({ plans: opts.plans, documents: opts.documents ?? [], indicators, bundles });
  const { core, shards, pageShards } = splitAnswerTable(table, opts.shardBytes);
  const write = (path: string, data: unknown) => {
    mkdirSync(dirname(join(opts.outDir, path)), { recursive: true });
    writeFileSync(join(opts.outDir, path), JSON.stringify(data));
  };
  rmSync(join(opts.outDir, shardPath(0), '..'), { recursive: true, force: true });
  write(ANSWER_TABLE_PATH, core);
  shards.forEach((shard, i) => write(shardPath(i), shard));
  pageShards.forEach((shard, i) => write(pageShardPath(i), shard));
  return { outputPath: root, plans: opts.plans.length, pages: opts.pages?.length ?? 0, records, bundles: groups.size, chunkSize, table, shards: shards.length };
}
