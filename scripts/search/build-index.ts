// Builds the Pagefind index of plans (paragraph-level sub-results), indicator
// pages and cited-document pages into <outDir>/pagefind. Called by the site
// build after `astro build`.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Plan } from '../pipeline/types.ts';
import { pageRecord, planHtml, planUrl, type SearchPage } from './records.ts';

/** "%" joins a number so "30%" is one searchable word; document numbers ("57-NQ/TW") are joined by Pagefind itself. */
export const INCLUDE_CHARACTERS = '%';

/** Pagefind's default UI bundles: the search page uses the JS API with its own small script instead. */
const UNUSED_BUNDLES = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

export interface BuildSearchIndexOptions {
  plans: Plan[];
  /** Indicator pages, cited-document pages... */
  pages?: SearchPage[];
  /** The built site folder (e.g. "dist"); the index goes to <outDir>/pagefind. */
  outDir: string;
  /** Extra filters per plan, e.g. { 'chi-tieu': ['Kinh tế số/GRDP'] } from the targets stage. */
  planFilters?: (plan: Plan) => Record<string, string[]>;
}

export interface SearchIndexSummary {
  outputPath: string;
  plans: number;
  pages: number;
  words: number;
}

export async function buildSearchIndex(opts: BuildSearchIndexOptions): Promise<SearchIndexSummary> {
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
    return { outputPath, plans: opts.plans.length, pages: opts.pages?.length ?? 0, words };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
