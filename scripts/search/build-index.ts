// Builds the Pagefind bundles into <outDir>/pagefind: the primary bundle
// (/pagefind/: cited-document pages and central plans; indicators are found
// through the answer table) and one bundle per province (/pagefind/tinh/<key>/),
// which the search page merges on demand with Pagefind's mergeIndex. Also writes
// the direct-answer table (/tim-kiem/tra-cuu.json and its shards). Called by the site
// build after `astro build`. Bundles are indexed in worker threads, one Pagefind service
// each (index-bundle.ts), and with a cache folder a bundle whose inputs did not change is
// linked from an earlier build's (bundle-cache.ts).
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Plan } from '../pipeline/types.ts';
import { sectionWordsFor, type IndexablePlan, type SearchPage } from './records.ts';
import { BUNDLE_LABELS, bundleOf, buildAnswerTable, planCards, splitAnswerTable } from './answers.ts';
import { bundlePath, CARD_RECORDS, CARDS_FILE, indicatorFilterValue, pageShardPath, shardPath, type AnswerTable, type BundleEntry } from '../contract/search/table.ts';
import { gzipSync } from 'node:zlib';
import { CENTRAL, PROVINCES } from './provinces.ts';
import { slugify } from '../pipeline/text.ts';
import { SEARCH_FILTERS as FILTERS } from '../contract/addresses.ts';
import { loadTaxonomy } from '../pipeline/targets/taxonomy.ts';
import { INDEX_OPTIONS, NESTED_BUNDLES, type BundleJob, type BundleResult } from './index-bundle.ts';
import type { WorkerReply, WorkerRequest } from './index-worker.ts';
import { bundleKey, pruneBundles, restoreBundle } from './bundle-cache.ts';

export { INCLUDE_CHARACTERS } from './index-bundle.ts';
/** Where the answer table is served. */
export const ANSWER_TABLE_PATH = 'tim-kiem/tra-cuu.json';

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
  /** Where bundles are cached between builds (none: every bundle is indexed). */
  cacheDir?: string;
  /** Pagefind services indexing at once (default: one per core). */
  services?: number;
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
  timings: SearchIndexTimings;
}

/** Where the stage's time went (bench:search-index prints it). */
export interface SearchIndexTimings {
  /** Pagefind services that indexed at once. */
  services: number;
  /** Milliseconds per part; the bundles' parts are summed over bundles indexed at once. */
  parts: Record<string, number>;
  bundles: { key: string; records: number; cached: boolean; ms: number }[];
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

/**
 * Runs the jobs on `services` worker threads, each with its own Pagefind service (the largest
 * bundles first, so the last to finish is a small one). The service reads the chunk size from
 * its environment when it starts.
 */
async function indexBundles(jobs: BundleJob[], services: number, chunkSize: number): Promise<Map<string, BundleResult>> {
  const queue = [...jobs];
  const results = new Map<string, BundleResult>();
  const env = { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(chunkSize) };
  const workers = Array.from({ length: services }, () => new Worker(new URL('./index-worker.ts', import.meta.url), { env }));
  let finished = false;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => worker.postMessage((queue.shift() ?? null) satisfies WorkerRequest);
            worker.on('message', (reply: WorkerReply) => {
              if ('error' in reply) return reject(new Error(reply.error));
              results.set(reply.result.key, reply.result);
              next();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`search index worker stopped (exit code ${code})`))));
            next();
          }),
      ),
    );
    finished = true;
  } finally {
    // After a failure: the other workers stop (their services end with their input).
    if (!finished) await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

export async function buildSearchIndex(opts: BuildSearchIndexOptions): Promise<SearchIndexSummary> {
  const parts: Record<string, number> = {};
  let last = performance.now();
  const lap = (part: string) => {
    const now = performance.now();
    parts[part] = (parts[part] ?? 0) + now - last;
    last = now;
  };
  const groups = groupByBundle(opts.plans, opts.singleBundle);
  const words = new Map([...groups].map(([key, plans]) => [key, plans.reduce((n, p) => n + planWords(p), 0)]));
  const largest = Math.max(...words.values());
  const chunkSize = opts.indexChunkSize ?? (Number(process.env.SEARCH_CHUNK_SIZE) || defaultChunkSize(largest));
  const root = join(opts.outDir, 'pagefind');
  rmSync(root, { recursive: true, force: true });
  const indicators = loadTaxonomy().indicators;
  const filtersOf = (plan: Plan): Record<string, string[]> => {
    const filters = { ...(opts.planFilters?.(plan) ?? {}) };
    if (filters[FILTERS.indicator]) filters[FILTERS.indicator] = filters[FILTERS.indicator].map((short) => indicatorFilterValue(indicators, short));
    return filters;
  };
  const outputOf = (key: string) => (key === '' ? root : join(opts.outDir, bundlePath(key)));
  const jobs = [...groups].map(([key, plans]): BundleJob => ({
    key,
    plans,
    filters: plans.map(filtersOf),
    pages: key === '' ? (opts.pages ?? []) : [],
    sectionWords: sectionWordsFor(words.get(key)!),
    chunkSize,
    outputPath: outputOf(key),
  }));
  lap('bundle jobs');
  // A bundle whose inputs an earlier build indexed is linked from the cache; the others go to the services.
  const results = new Map<string, BundleResult>();
  const cacheKeys = new Map<string, string>();
  const toIndex: BundleJob[] = [];
  for (const job of jobs) {
    if (!opts.cacheDir) {
      toIndex.push(job);
      continue;
    }
    const { key, plans, filters, pages, sectionWords, outputPath } = job;
    const cacheKey = bundleKey({ ...INDEX_OPTIONS, chunkSize, primary: key === '', sectionWords }, [...plans, ...filters, ...pages]);
    cacheKeys.set(key, cacheKey);
    const started = performance.now();
    const note = restoreBundle(opts.cacheDir, cacheKey, outputPath, key === '' ? [NESTED_BUNDLES] : []);
    if (note === null) toIndex.push({ ...job, cache: { dir: opts.cacheDir, key: cacheKey } });
    else results.set(key, { key, ...note, cached: true, ms: { records: 0, index: 0, write: 0, copy: performance.now() - started } });
  }
  lap('cache keys and links');
  toIndex.sort((a, b) => words.get(b.key)! + b.pages.length - (words.get(a.key)! + a.pages.length));
  const services = Math.min(Math.max(1, opts.services ?? availableParallelism()), toIndex.length);
  if (toIndex.length) for (const [key, result] of await indexBundles(toIndex, services, chunkSize)) results.set(key, result);
  lap('bundles indexed');
  const bundles: Record<string, BundleEntry> = {};
  let records = 0;
  for (const [key, plans] of groups) {
    const outputPath = outputOf(key);
    const result = results.get(key)!;
    records += result.records;
    const cards = planCards(plans);
    for (const [id, starts] of Object.entries(result.starts)) cards[id]![CARD_RECORDS] = starts;
    // A new file beside the bundle's (which may be links to the cache's: never written into).
    writeFileSync(join(outputPath, CARDS_FILE), JSON.stringify(cards));
    if (key !== '') bundles[key] = bundleEntry(key, outputPath, plans.length);
  }
  lap('cards and bundle entries');
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
  lap('answer table');
  if (opts.cacheDir) pruneBundles(opts.cacheDir, new Set(cacheKeys.values()));
  lap('cache pruning');
  const byBundle = [...results.values()];
  for (const part of ['records', 'index', 'write', 'copy'] as const) parts[`bundles: ${part} (summed)`] = byBundle.reduce((n, r) => n + r.ms[part], 0);
  return {
    outputPath: root,
    plans: opts.plans.length,
    pages: opts.pages?.length ?? 0,
    records,
    bundles: groups.size,
    chunkSize,
    table,
    shards: shards.length,
    timings: {
      services,
      parts,
      bundles: byBundle.map((r) => ({ key: r.key, records: r.records, cached: r.cached, ms: r.ms.records + r.ms.index + r.ms.write + r.ms.copy })),
    },
  };
}
