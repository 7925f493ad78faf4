// Bench: bytes the first query transfers on /tim-kiem/ (page, script, Pagefind
// runtime, WASM, index chunks, filters, fragments), measured in headless
// Chromium with a fresh cache per query, on the built site (dist/, seeds) and
// on a synthetic corpus of N plans (default 3,500) built from the seeds' paragraphs.
//   npm run build && npm run bench:search [-- --plans 3500] [-- --skip-scale]
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium, serveDir } from '../tests/browser/harness.ts';
import { buildSearchIndex } from './search/build-index.ts';
import { loadSeedPlans } from './search/seed-plans.ts';
import { syntheticPlans } from './search/synthetic.ts';

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

interface Measure {
  query: string;
  bytes: number;
  requests: number;
  results: number;
  byKind: Record<string, number>;
}

const kindOf = (path: string) =>
  /\.pf_fragment$/.test(path) ? 'fragments' : /\.pf_index$/.test(path) ? 'index' : /\.pf_filter$/.test(path) ? 'filters'
  : /\.pf_meta$/.test(path) ? 'meta' : /wasm/.test(path) ? 'wasm' : /pagefind.*\.js/.test(path) ? 'runtime' : /^\/tim-kiem\//.test(path) ? 'page' : 'assets';

async function measure(browser: Browser, base: string, query: string, extra = ''): Promise<Measure> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes: Promise<{ path: string; size: number }>[] = [];
  page.on('requestfinished', (r) => {
    const path = new URL(r.url()).pathname;
    if (path !== '/favicon.ico') sizes.push(r.sizes().then((s) => ({ path, size: s.responseBodySize })));
  });
  await page.goto(`${base}/tim-kiem/?q=${encodeURIComponent(query)}${extra ? `&${extra}` : ''}`);
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status')?.textContent ?? '';
    return s !== '' && s !== 'Đang tìm…' && (document.querySelector('.result') || /Không/.test(s));
  }, null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const results = await page.locator('.result').count();
  const all = await Promise.all(sizes);
  await context.close();
  const byKind: Record<string, number> = {};
  for (const { path, size } of all) byKind[kindOf(path)] = (byKind[kindOf(path)] ?? 0) + size;
  return { query: extra ? `${query} [${decodeURIComponent(extra)}]` : query, bytes: all.reduce((n, s) => n + s.size, 0), requests: all.length, results, byKind };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function benchSite(browser: Browser, dir: string, label: string, budget: number) {
  const site = await serveDir(dir);
  try {
    const rows: Measure[] = [];
    for (const q of QUERIES) rows.push(await measure(browser, site.url, q));
    rows.push(await measure(browser, site.url, FILTERED.q, FILTERED.filter));
    console.log(`\n## ${label} (budget ${kb(budget)} gzip)`);
    console.log('| query | results shown | requests | total | page | runtime | wasm | meta | index | filters | fragments |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const k = (x: string) => kb(r.byKind[x] ?? 0);
      console.log(`| ${r.query} | ${r.results} | ${r.requests} | **${kb(r.bytes)}**${r.bytes > budget ? ' ⚠' : ''} | ${k('page')} | ${k('runtime')} | ${k('wasm')} | ${k('meta')} | ${k('index')} | ${k('filters')} | ${k('fragments')} |`);
    }
    const max = Math.max(...rows.map((r) => r.bytes));
    console.log(`max ${kb(max)} — ${max <= budget ? 'within' : 'OVER'} budget`);
    return max <= budget;
  } finally {
    await site.close();
  }
}

const { values } = parseArgs({ options: { plans: { type: 'string', default: '3500' }, 'skip-scale': { type: 'boolean', default: false } } });
if (!existsSync('dist/tim-kiem/index.html') || !existsSync('dist/pagefind/pagefind.js')) {
  console.error('dist/ has no search page or index: run `npm run build` first.');
  process.exit(1);
}
const browser = await launchChromium();
let ok = true;
try {
  ok = (await benchSite(browser, 'dist', `Seeds (${loadSeedPlans().length} plans)`, 120 * 1024)) && ok;
  if (!values['skip-scale']) {
    const n = Number(values.plans);
    const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
    try {
      cpSync('dist', dir, { recursive: true, filter: (src) => !src.includes(`${join('dist', 'pagefind')}`) });
      const t0 = Date.now();
      const summary = await buildSearchIndex({ plans: syntheticPlans(loadSeedPlans(), n), outDir: dir });
      console.log(`\nindexed ${summary.plans} synthetic plans in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      ok = (await benchSite(browser, dir, `Synthetic (${n} plans)`, 150 * 1024)) && ok;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
process.exitCode = ok ? 0 : 1;
