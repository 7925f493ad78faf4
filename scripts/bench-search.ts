// Bench: bytes the first query transfers on /tim-kiem/ (page, script, answer
// table, Pagefind runtime, WASM, index chunks, fragments), measured in headless
// Chromium with a fresh cache per query (gzip sizes), on the built site (dist/) and
// on a synthetic corpus of N plans (default 3,500; scripts/search/synthetic.ts)
// indexed alone (no Astro build): a query within one province, direct answers
// with no province chosen, and the announced national step.
//   npm run build && npm run bench:search [-- --plans 3500] [-- --provinces 34] [-- --skip-scale] [-- --site <built folder>]
// (`--plans 500 --provinces 5` gives provinces of ~100 plans, as at 3,500 over 34: a quicker way to iterate.)
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { startServer } from '../tests/helpers/server.ts';
import { ANSWER_TABLE_PATH, buildSearchIndex, searchPlans } from './search/build-index.ts';
import { siteDataOf, sourceSiteData } from './search/seed-site-data.ts';
import { citedDocumentPages } from './search/records.ts';
import { shardPath } from './contract/search/table.ts';
import { syntheticPlans } from './search/synthetic.ts';
import { measureQuery as measure, type QueryTransfer as Measure } from './bench/first-query.ts';

const QUERIES = [
  'chuyển đổi số',
  'chuyen doi so',
  'dong thap',
  'dang bo',
  '"kinh tế số"',
  'hạ tầng số',
  'thuỷ lợi',
  '30%',
  '57-NQ/TW',
  'trí tuệ nhân tạo',
];
const FILTERED = { q: 'chuyển đổi số', filter: 'cap=x%C3%A3' };
/** Queries a direct answer serves (no province chosen at scale: answers plus the national documents). */
const ANSWER_QUERIES = ['5G', 'kinh te so', 'Dong Thap', '319-CTr/TU', '57-NQ/TW', 'Khánh Hòa'];
/** The province the scale bench searches in (a bundle key). */
const PROVINCE = 'ha-noi';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function benchSite(browser: Browser, dir: string, label: string, budget: number, queries: string[], extra = '', filtered = false) {
  const site = await startServer(dir);
  try {
    const rows: Measure[] = [];
    for (const q of queries) rows.push(await measure(browser, site.origin, q, extra));
    if (filtered) rows.push(await measure(browser, site.origin, FILTERED.q, FILTERED.filter));
    console.log(`\n## ${label} (budget ${kb(budget)} gzip)`);
    console.log('| query | results shown | requests | total | page | script+css | answers+cards | runtime | wasm | meta | index | filters | fragments |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const k = (x: string) => kb(r.byKind[x] ?? 0);
      console.log(`| ${r.query} | ${r.results} | ${r.requests} | **${kb(r.bytes)}**${r.bytes > budget ? ' ⚠' : ''} | ${k('page')} | ${k('assets')} | ${k('answers')} | ${k('runtime')} | ${k('wasm')} | ${k('meta')} | ${k('index')} | ${k('filters')} | ${k('fragments')} |`);
    }
    const max = Math.max(...rows.map((r) => r.bytes));
    console.log(`max ${kb(max)} — ${max <= budget ? 'within' : 'OVER'} budget`);
    return max <= budget;
  } finally {
    await site.stop();
  }
}

const { values } = parseArgs({
  options: { plans: { type: 'string', default: '3500' }, provinces: { type: 'string', default: '34' }, 'skip-scale': { type: 'boolean', default: false }, site: { type: 'string', default: 'dist' } },
});
const siteDir = values.site;
if (!existsSync(join(siteDir, 'tim-kiem/index.html')) || !existsSync(join(siteDir, 'pagefind/pagefind.js'))) {
  console.error(`${siteDir}/ has no search page or index: run \`npm run build\` first.`);
  process.exit(1);
}
const browser = await launchBrowser();
let ok = true;
try {
  const seeds = siteDataOf();
  ok = (await benchSite(browser, siteDir, `${siteDir} (seeds: ${seeds.plans.length} plans)`, 120 * 1024, QUERIES, '', true)) && ok;
  if (!values['skip-scale']) {
    const n = Number(values.plans);
    const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
    try {
      cpSync(siteDir, dir, { recursive: true, filter: (src) => !src.startsWith(join(siteDir, 'pagefind')) });
      const sources = sourceSiteData();
      const t0 = Date.now();
      const summary = await buildSearchIndex({
        plans: searchPlans(syntheticPlans(sources.plans, n, { provinces: Number(values.provinces) })),
        pages: citedDocumentPages(seeds.documents),
        documents: seeds.documents,
        outDir: dir,
      });
      const gz = (path: string) => gzipSync(readFileSync(join(dir, path))).length;
      const table = gz(ANSWER_TABLE_PATH);
      const shards = Array.from({ length: summary.shards }, (_, i) => gz(shardPath(i))).sort((a, b) => a - b);
      const bundles = Object.values(summary.table.bundles);
      const fixed = bundles.map((b) => b.fixedBytes).sort((a, b) => a - b);
      console.log(`\nindexed ${summary.plans} synthetic plans (from ${sources.plans.length} real ones), ${summary.records} records in ${summary.bundles} bundles, in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      console.log(`answer table: core ${kb(table)} gzip, ${shards.length} shards (median ${kb(shards[shards.length >> 1] ?? 0)}, max ${kb(shards.at(-1) ?? 0)}); per-bundle entry+meta median ${kb(fixed[fixed.length >> 1]!)}, max ${kb(fixed[fixed.length - 1]!)}; chunk size ${summary.chunkSize}`);
      ok = (await benchSite(browser, dir, `Synthetic (${n} plans), within one province (${PROVINCE})`, 150 * 1024, QUERIES, `tinh=${PROVINCE}`)) && ok;
      ok = (await benchSite(browser, dir, `Synthetic (${n} plans), direct answers, no province chosen`, 150 * 1024, ANSWER_QUERIES)) && ok;
      await benchSite(browser, dir, `Synthetic (${n} plans), the national full-text step (aim)`, 600 * 1024, QUERIES.slice(0, 4), 'tinh=ca-nuoc');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
process.exitCode = ok ? 0 : 1;
