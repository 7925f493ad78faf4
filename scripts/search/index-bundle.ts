// One Pagefind bundle: its plans' section records (and, in the primary, the other pages' records)
// indexed by this thread's Pagefind service, written to the bundle's folder and kept in the
// bundle cache (build-index.ts links a bundle found there without sending it here). Runs in
// a worker thread (index-worker.ts): Pagefind's Node API talks to one service process per module
// instance, and a service handles one message at a time, so each worker has its own.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { pageRecord, sectionRecords, type IndexablePlan, type SearchPage } from './records.ts';
import { storeBundle } from './bundle-cache.ts';
import { planUrl } from '../contract/addresses.ts';
import { recordPage } from '../contract/search/results.ts';

/** "%" joins a number so "30%" is one searchable word; document numbers ("57-NQ/TW") are joined by Pagefind itself. */
export const INCLUDE_CHARACTERS = '%';
export const INDEX_OPTIONS = { forceLanguage: 'vi', includeCharacters: INCLUDE_CHARACTERS };

/**
 * Pagefind's default UI bundles: the search page uses the JS API with its own small
 * script instead, and runs it without the web worker (`noWorker`, one download less).
 * A merged bundle uses the primary's runtime and WASM, so it keeps only its data.
 */
const UNUSED_BUNDLES = /^pagefind-(ui|component-ui|modular-ui|highlight|worker)\.(js|css)$/;
const MERGED_ONLY_DATA = /^(pagefind[^/]*\.(js|css)|wasm\..*)$/;
/** The folder, inside the primary bundle's, of the province bundles (the contract's bundlePath). */
export const NESTED_BUNDLES = 'tinh';

export interface BundleJob {
  /** The bundle's key: a province's slug, "" for the primary. */
  key: string;
  plans: IndexablePlan[];
  /** Each plan's filters besides its own fields (e.g. its indicators), in the order of `plans`. */
  filters: Record<string, string[]>[];
  /** Pages other than plans (the primary only). */
  pages: SearchPage[];
  /** The longest section (sectionWordsFor the bundle's words). */
  sectionWords: number;
  /** Pagefind's index chunk size; the service reads it when it starts (see index-worker.ts). */
  chunkSize: number;
  outputPath: string;
  /** Where the bundle is to be cached, and under which key (bundleKey); none: not cached. */
  cache?: { dir: string; key: string };
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
 * The starts of each plan's records' Pagefind ids (sorted, space-separated, as its card lists
 * them), read back from the fragments written: two hex digits more than the bundle's size needs,
 * so few starts are shared (a shared one names no plan) and a record of an unlisted bundle (a
 * large province's, a cited document's) seldom takes one for a listed plan's (the page then only
 * skips it once that plan is shown).
 */
function recordStarts(dir: string, plans: IndexablePlan[]): Record<string, string> {
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
  return Object.fromEntries([...starts].map(([id, s]) => [id, s.sort().join(' ')]));
}

export interface BundleResult {
  key: string;
  records: number;
  /** Each plan's record starts (recordStarts), in a bundle of at most OWNED_BUNDLE_PLANS plans; kept in the cache with it. */
  starts: Record<string, string>;
  /** Linked from the cache rather than indexed. */
  cached: boolean;
  /** Milliseconds of each part in this bundle. */
  ms: { records: number; index: number; write: number; copy: number };
}

export async function indexBundle(job: BundleJob): Promise<BundleResult> {
  const lap = (() => {
    let last = performance.now();
    return () => {
      const now = performance.now();
      const ms = now - last;
      last = now;
      return ms;
    };
  })();
  const ms = { records: 0, index: 0, write: 0, copy: 0 };
  const primary = job.key === '';
  const nested = primary ? [NESTED_BUNDLES] : [];
  const sections = job.plans.flatMap((plan, i) => sectionRecords(plan, job.filters[i], job.sectionWords));
  const pages = primary ? job.pages.map(pageRecord) : [];
  const records = sections.length + pages.length;
  let starts: Record<string, string> = {};
  ms.records = lap();
  const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    const check = (what: string) => (r: { errors: string[] }) => {
      if (r.errors.length) throw new Error(`Pagefind could not index ${what}: ${r.errors.join('; ')}`);
    };
    // Sent without waiting for each answer: the service takes them in order, so the bundle is the same.
    await Promise.all([
      ...sections.map((r) => index.addHTMLFile({ url: r.url, content: r.html }).then(check(r.url))),
      ...pages.map((p) => index.addCustomRecord(p).then(check(p.url))),
    ]);
    ms.index = lap();
    const written = await index.writeFiles({ outputPath: job.outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write ${job.outputPath}: ${written.errors.join('; ')}`);
    const unused = primary ? UNUSED_BUNDLES : MERGED_ONLY_DATA;
    for (const f of readdirSync(job.outputPath)) if (unused.test(f)) rmSync(join(job.outputPath, f));
    // Read back here, where the fragments were just written, on this thread rather than the main one.
    if (job.plans.length <= OWNED_BUNDLE_PLANS) starts = recordStarts(job.outputPath, job.plans);
    ms.write = lap();
  } finally {
    await index.deleteIndex();
  }
  if (job.cache) {
    storeBundle(job.cache.dir, job.cache.key, job.outputPath, { records, starts }, nested);
    ms.copy = lap();
  }
  return { key: job.key, records, starts, cached: false, ms };
}

/** Closes this thread's Pagefind service. */
export const closePagefind = (): Promise<unknown> => pagefind.close();
