// Builds the Pagefind index of plans (paragraph-level sub-results), indicator
// pages and cited-document pages into <outDir>/pagefind. Called by the site
// build after `astro build`.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Plan } from '../pipeline/types.ts';
import { pageRecord, planHtml, type IndexablePlan, type SearchPage } from './records.ts';
import { planUrl } from '../pipeline/urls.ts';

/** "%" joins a number so "30%" is one searchable word; document numbers ("57-NQ/TW") are joined by Pagefind itself. */
export const INCLUDE_CHARACTERS = '%';

/**
 * Pagefind's default UI bundles: the search page uses the JS API with its own small
 * script instead, and runs it without the web worker (`noWorker`, one download less).
 */
const UNUSED_BUNDLES = /^pagefind-(ui|component-ui|modular-ui|highlight|worker)\.(js|css)$/;

export interface BuildSearchIndexOptions {
  plans: IndexablePlan[];
  /** Indicator pages, cited-document pages... */
  pages?: SearchPage[];
  /** The built site folder (e.g. "dist"); the index goes to <outDir>/pagefind. */
  outDir: string;
  /** Extra filters per plan, e.g. { 'chi-tieu': ['Kinh tế số/GRDP'] } from the targets stage. */
  planFilters?: (plan: Plan) => Record<string, string[]>;
  /** Index chunk size in Pagefind's units (≈ indexed words); default from the corpus size. */
  indexChunkSize?: number;
}

/**
 * Pagefind's default chunks (20,000 units) make a first query download most of a
 * small index. Smaller chunks cost a line each in the metadata file every query
 * loads, so the size grows with the corpus (measured by scripts/bench-search.ts).
 */
export function defaultChunkSize(totalWords: number): number {
  return Math.max(500, Math.round(Math.sqrt(totalWords) * 4));
}

const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

export interface SearchIndexSummary {
  outputPath: string;
  plans: number;
  pages: number;
  words: number;
  chunkSize: number;
}

export async function buildSearchIndex(opts: BuildSearchIndexOptions): Promise<SearchIndexSummary> {
  const totalWords = opts.plans.reduce((n, p) => n + p.blocks.reduce((m, b) => m + countWords(b.text), 0), 0)
    + (opts.pages ?? []).reduce((n, p) => n + countWords(p.text), 0);
  const chunkSize = opts.indexChunkSize ?? (Number(process.env.SEARCH_CHUNK_SIZE) || defaultChunkSize(totalWords));
  // Read by the Pagefind binary when the service starts (pagefind/src/options.rs).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', includeCharacters: INCLUDE_CHARACTERS });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  let words = 0;
  const check = (what: string, r: { errors: string[]; file?: { uniqueWords: number } }) => {
    if (r.errors.length) throw new Error(`Pagefind could not index ${what}: ${r.errors.join('; ')}`);
    words += r.file?.uniqueWords ?? 0;
  };
  try {
    for (const plan of opts.plans) {
      const html = planHtml(plan, opts.planFilters?.(plan) ?? {});
      check(planUrl(plan.id), await index.addHTMLFile({ url: planUrl(plan.id), content: html }));
    }
    for (const page of opts.pages ?? []) check(page.url, await index.addCustomRecord(pageRecord(page)));
    const outputPath = join(opts.outDir, 'pagefind');
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    for (const f of readdirSync(outputPath)) if (UNUSED_BUNDLES.test(f)) rmSync(join(outputPath, f));
    return { outputPath, plans: opts.plans.length, pages: opts.pages?.length ?? 0, words, chunkSize };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
