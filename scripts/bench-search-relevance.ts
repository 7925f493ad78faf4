// Bench: relevance of the search page on real queries (scripts/search/relevance-queries.json),
// on a site built from the seeds plus ../shared/corpus/ (copied to a temp folder only,
// never into the repository). Prints precision at 1 and at 10: a query counts at 1 when
// the first direct answer (or, for a plan expected, the first result) is the expected
// one, at 10 when it is among the answers or the first ten results; a place with no
// plan counts when nothing is found and the page says so.
//   npm run bench:search-relevance [-- --site <folder built from seeds + corpus>]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { startServer } from '../tests/helpers/server.ts';
import { sharedCorpusDir, sharedCorpusFiles } from './shared-folder.ts';

const QueriesSchema = z.object({
  queries: z.array(z.object({
    q: z.string(),
    expect: z.union([z.object({ source: z.array(z.string()).min(1) }), z.object({ answer: z.string() }), z.object({ none: z.literal(true) })]),
  })).min(40),
});
const { queries } = QueriesSchema.parse(JSON.parse(readFileSync(new URL('./search/relevance-queries.json', import.meta.url), 'utf8')));

const { values } = parseArgs({ options: { site: { type: 'string' } } });
let site = values.site;
let tmp: string | null = null;
if (!site) {
  if (!existsSync(sharedCorpusDir)) {
    console.log(`${sharedCorpusDir} is missing: skipped.`);
    process.exit(0);
  }
  tmp = mkdtempSync(join(tmpdir(), 'bench-relevance-'));
  const seeds = join(tmp, 'seeds');
  mkdirSync(seeds);
  cpSync('seeds', seeds, { recursive: true });
  for (const f of sharedCorpusFiles()) cpSync(join(sharedCorpusDir, f), join(seeds, f));
  site = join(tmp, 'dist');
  execFileSync('node', ['scripts/build.ts'], {
    stdio: 'inherit',
    env: { ...process.env, SEEDS_DIR: seeds, CONTENT_GENERATED: join(tmp, 'content'), DIST_DIR: site, ASTRO_CACHE_DIR: join(tmp, 'cache') },
  });
}

const plans = JSON.parse(readFileSync(join(site, 'data/plans.json'), 'utf8')) as { id: string; sourceFile?: string; url: string }[];
const pathOf = (source: string) => {
  const p = plans.find((x) => x.sourceFile === source);
  return p ? new URL(p.url, 'http://x').pathname : null;
};

const server = await startServer(site);
const browser = await launchBrowser();
let at1 = 0;
let at10 = 0;
console.log('| query | expected | first answer | first result | @1 | @10 |');
console.log('|---|---|---|---|---|---|');
try {
  for (const { q, expect } of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/tim-kiem/?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => !['', 'Đang tìm…'].includes(document.getElementById('search-status')?.textContent ?? ''), null, { timeout: 60_000 });
    const shown = await page.evaluate(() => ({
      answers: [...document.querySelectorAll('#search-answers li a')].map((a) => a.getAttribute('href')!),
      missing: /chưa có văn bản nào/.test(document.getElementById('search-answers')?.textContent ?? ''),
      results: [...document.querySelectorAll('.result h2 a')].map((a) => a.getAttribute('href')!),
    }));
    await context.close();
    let one = false;
    let ten = false;
    let wanted = '';
    if ('none' in expect) {
      wanted = '(no plan)';
      one = ten = shown.missing && shown.results.length === 0;
    } else if ('answer' in expect) {
      wanted = expect.answer;
      const re = new RegExp(expect.answer);
      one = !!shown.answers[0] && re.test(shown.answers[0]);
      ten = shown.answers.some((a) => re.test(a)) || shown.results.slice(0, 10).some((r) => re.test(r));
    } else {
      const paths = expect.source.map(pathOf).filter((p): p is string => p !== null);
      wanted = paths.join(' or ');
      one = !!shown.results[0] && paths.includes(shown.results[0]);
      ten = shown.results.slice(0, 10).some((r) => paths.includes(r));
    }
    at1 += Number(one);
    at10 += Number(ten);
    console.log(`| ${q.replace(/\|/g, '\\|')} | ${wanted} | ${shown.answers[0] ?? ''} | ${shown.results[0] ?? ''} | ${one ? '✓' : '✗'} | ${ten ? '✓' : '✗'} |`);
  }
} finally {
  await browser.close();
  await server.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
console.log(`\nprecision at 1: ${at1}/${queries.length} = ${((100 * at1) / queries.length).toFixed(0)} %; at 10: ${at10}/${queries.length} = ${((100 * at10) / queries.length).toFixed(0)} %`);
