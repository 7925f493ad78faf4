// One Pagefind bundle: its plans' section records (and, in the primary, the other pages' records)
// indexed by this thread's Pagefind service, written to the bundle's folder and kept in the
// bundle cache (build-index.ts links a bundle found there without sending it here). Runs in
// a worker thread (index-worker.ts): Pagefind's Node API talks to one service process per module
// instance, and a service handles one message at a time, so each worker has its own.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { pageRecord, sectionRecords, type IndexablePlan, type SearchPage } from './records.ts';
import { storeBundle } from './bundle-cache.ts';

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

export interface BundleResult {
  key: string;
  records: number;
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
    ms.write = lap();
  } finally {
    await index.deleteIndex();
  }
  if (job.cache) {
    storeBundle(job.cache.dir, job.cache.key, job.outputPath, { records }, nested);
    ms.copy = lap();
  }
  return { key: job.key, records, cached: false, ms };
}

/** Closes this thread's Pagefind service. */
export const closePagefind = (): Promise<unknown> => pagefind.close();
