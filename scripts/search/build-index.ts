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
import { planDigest } from '../pipeline/memo.ts';
import { blockFacts } from '../pipeline/block-facts.ts';
import type { Block } from '../pipeline/types.ts';
import { planFacts, sectionWordsFor, type IndexablePlan, type PlanFacts, type SearchPage } from './records.ts';
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

/**
 * A plan as the search index takes it: what the answer table and the cards read (everything but its
 * text), a digest of the whole plan (the bundle cache's key is made of its plans' digests) and its
 * words; the whole plan is loaded only when its bundle is indexed (a rebuild after one plan changed
 * reads that plan's bundle, not every plan).
 */
export interface SearchPlan {
  facts: PlanFacts;
  digest: string;
  words: number;
  load: () => IndexablePlan;
}

/** Plans held whole, as the search index takes them. */
export function searchPlans(plans: IndexablePlan[]): SearchPlan[] {
  return plans.map((plan) => ({ facts: planFacts(plan), digest: planDigest(plan), words: planWords(plan), load: () => plan }));
}

/** The words of a plan's text, as its bundle's section sizes count them. */
export const planWords = (p: { blocks: readonly Block[] }) => blockFacts(p.blocks).words;

export interface BuildSearchIndexOptions {
  plans: SearchPlan[];
  /** Indicator pages, cited-document pages... */
  pages?: SearchPage[];
  /** Cited documents for the answer table (numbers and titles). */
  documents?: { slug: string; number: string | null; title: string }[];
  /** The built site folder (e.g. "dist"); the index goes to <outDir>/pagefind. */
  outDir: string;
  /** Extra filters per plan, e.g. { 'chi-tieu': ['Kinh tế số/GRDP'] } from the targets stage. */
  planFilters?: (plan: PlanFacts) => Record<string, string[]>;
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
  /** Awaited before the first bundle is indexed (the build's: until the pipeline's process has exited). */
  beforeIndexing?: () => Promise<void>;
  /** More services once something else has finished (the build's: Astro, whose core the services then share no more). */
  moreServices?: MoreServices;
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
  /** Pagefind services that indexed (the most at once). */
  services: number;
  /** Milliseconds per part; the bundles' parts are summed over bundles indexed at once. */
  parts: Record<string, number>;
  bundles: { key: string; records: number; cached: boolean; ms: number }[];
}

/** Plans grouped by bundle key; central plans go into the primary bundle (key ""). */
export function groupByBundle(plans: SearchPlan[], single = false): Map<string, SearchPlan[]> {
  const groups = new Map<string, SearchPlan[]>([['', []]]);
  for (const p of plans) {
    const key = single || bundleOf(p.facts) === CENTRAL ? '' : bundleOf(p.facts);
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
 * bundles first, so the last to finish is a small one), and on `more.services` in all once
 * `more.when` has resolved (the build's: once Astro has finished, its core free); the services
 * started in all. A job is made
 * (its plans loaded) when a worker takes it: only the bundles under way are in memory. The
 * service reads the chunk size from its environment when it starts.
 */
async function indexBundles(jobs: (() => BundleJob)[], services: number, chunkSize: number, more?: MoreServices): Promise<{ results: Map<string, BundleResult>; services: number }> {
  const queue = [...jobs];
  const results = new Map<string, BundleResult>();
  const env = { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(chunkSize) };
  const workers: Worker[] = [];
  const runs: Promise<void>[] = [];
  const start = () => {
    const worker = new Worker(new URL('./index-worker.ts', import.meta.url), { env });
    workers.push(worker);
    const run = new Promise<void>((resolve, reject) => {
      const next = () => worker.postMessage((queue.shift()?.() ?? null) satisfies WorkerRequest);
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) return reject(new Error(reply.error));
        results.set(reply.result.key, reply.result);
        next();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`search index worker stopped (exit code ${code})`))));
      next();
    });
    // Awaited below; a failure before then is no unhandled rejection.
    run.catch(() => {});
    runs.push(run);
  };
  for (let i = 0; i < services; i++) start();
  let finished = false;
  void more?.when.then(() => {
    for (let i = workers.length; i < more.services && queue.length > 0 && !finished; i++) start();
  });
  try {
    // Workers started meanwhile are awaited too.
    for (let settled = 0; settled < runs.length; ) {
      const upTo = runs.length;
      await Promise.all(runs.slice(settled, upTo));
      settled = upTo;
    }
    finished = true;
  } finally {
    // After a failure: the other workers stop (their services end with their input).
    if (!finished) {
      finished = true;
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
  return { results, services: workers.length };
}

/** More Pagefind services, once `when` has resolved: `services` in all. */
export interface MoreServices {
  services: number;
  when: Promise<void>;
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
  const words = new Map([...groups].map(([key, plans]) => [key, plans.reduce((n, p) => n + p.words, 0)]));
  const largest = Math.max(...words.values());
  const chunkSize = opts.indexChunkSize ?? (Number(process.env.SEARCH_CHUNK_SIZE) || defaultChunkSize(largest));
  const root = join(opts.outDir, 'pagefind');
  rmSync(root, { recursive: true, force: true });
  const indicators = loadTaxonomy().indicators;
  const filtersOf = (plan: PlanFacts): Record<string, string[]> => {
    const filters = { ...(opts.planFilters?.(plan) ?? {}) };
    if (filters[FILTERS.indicator]) filters[FILTERS.indicator] = filters[FILTERS.indicator].map((short) => indicatorFilterValue(indicators, short));
    return filters;
  };
  const outputOf = (key: string) => (key === '' ? root : join(opts.outDir, bundlePath(key)));
  // A bundle whose inputs an earlier build indexed is linked from the cache; the others go to the services,
  // their plans loaded whole when a service takes them.
  const results = new Map<string, BundleResult>();
  const cacheKeys = new Map<string, string>();
  const toIndex: { size: number; job: () => BundleJob }[] = [];
  for (const [key, plans] of groups) {
    const filters = plans.map((p) => filtersOf(p.facts));
    const pages = key === '' ? (opts.pages ?? []) : [];
    const sectionWords = sectionWordsFor(words.get(key)!);
    const outputPath = outputOf(key);
    const cacheKey = opts.cacheDir && bundleKey({ ...INDEX_OPTIONS, chunkSize, primary: key === '', sectionWords }, [...plans.map((p) => p.digest), ...filters, ...pages]);
    if (cacheKey) {
      cacheKeys.set(key, cacheKey);
      const started = performance.now();
      const note = restoreBundle(opts.cacheDir!, cacheKey, outputPath, key === '' ? [NESTED_BUNDLES] : []);
      if (note) {
        results.set(key, { key, ...note, cached: true, ms: { records: 0, index: 0, write: 0, copy: performance.now() - started } });
        continue;
      }
    }
    const cache = cacheKey ? { cache: { dir: opts.cacheDir!, key: cacheKey } } : {};
    toIndex.push({ size: words.get(key)! + pages.length, job: () => ({ key, plans: plans.map((p) => p.load()), filters, pages, sectionWords, chunkSize, outputPath, ...cache }) });
  }
  lap('cache keys and links');
  toIndex.sort((a, b) => b.size - a.size);
  let services = Math.min(Math.max(1, opts.services ?? availableParallelism()), toIndex.length);
  if (toIndex.length) {
    await opts.beforeIndexing?.();
    lap('waiting before indexing');
    const indexed = await indexBundles(toIndex.map((t) => t.job), services, chunkSize, opts.moreServices);
    for (const [key, result] of indexed.results) results.set(key, result);
    services = indexed.services;
  }
  lap('bundles indexed');
  const bundles: Record<string, BundleEntry> = {};
  let records = 0;
  for (const [key, plans] of groups) {
    const outputPath = outputOf(key);
    const result = results.get(key)!;
    records += result.records;
    const cards = planCards(plans.map((p) => p.facts));
    for (const [id, starts] of Object.entries(result.starts)) cards[id]![CARD_RECORDS] = starts;
    // A new file beside the bundle's (which may be links to the cache's: never written into).
    writeFileSync(join(outputPath, CARDS_FILE), JSON.stringify(cards));
    if (key !== '') bundles[key] = bundleEntry(key, outputPath, plans.length);
  }
  lap('cards and bundle entries');
  const table = buildAnswerTable({ plans: opts.plans.map((p) => p.facts), documents: opts.documents ?? [], indicators, bundles });
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
