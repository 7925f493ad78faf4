// Bytes a first search query transfers on /tim-kiem/ (page, script, answer table, Pagefind
// runtime, WASM, index chunks, fragments), in headless Chromium with a fresh cache, gzip
// sizes by kind. Used by bench:search and bench:scale.
import type { Browser } from 'playwright-core';
import { recordTransfer } from '../../tests/helpers/browser.ts';
import { ANSWER_TABLE_PATH } from '../search/build-index.ts';
import { CARDS_FILE, shardPath } from '../contract/search/table.ts';

export interface QueryTransfer {
  query: string;
  bytes: number;
  requests: number;
  results: number;
  byKind: Record<string, number>;
}

export const transferKind = (path: string) =>
  /\.pf_fragment$/.test(path) ? 'fragments' : /\.pf_index$/.test(path) ? 'index' : /\.pf_filter$/.test(path) ? 'filters'
  : /\.pf_meta$|pagefind-entry\.json$/.test(path) ? 'meta' : /wasm/.test(path) ? 'wasm' : /pagefind.*\.js$/.test(path) ? 'runtime'
  : path.endsWith(ANSWER_TABLE_PATH) || path.startsWith(`/${shardPath(0).replace(/[^/]*$/, '')}`) || path.endsWith(`/${CARDS_FILE}`) ? 'answers' : /^\/tim-kiem\//.test(path) ? 'page' : 'assets';

/** One query typed into a fresh browser: `extra` is more of the query string ("tinh=ha-noi"). */
export async function measureQuery(browser: Browser, base: string, query: string, extra = ''): Promise<QueryTransfer> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const transfer = recordTransfer(page);
  await page.goto(`${base}/tim-kiem/?q=${encodeURIComponent(query)}${extra ? `&${extra}` : ''}`);
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status')?.textContent ?? '';
    return s !== '' && s !== 'Đang tìm…';
  }, null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const results = await page.locator('.result').count();
  const { entries } = await transfer.done();
  await context.close();
  const byKind: Record<string, number> = {};
  const counted = entries.filter((e) => !e.url.endsWith('/favicon.ico'));
  for (const e of counted) {
    const kind = transferKind(new URL(e.url).pathname);
    byKind[kind] = (byKind[kind] ?? 0) + e.gzipBytes;
  }
  return { query: extra ? `${query} [${decodeURIComponent(extra)}]` : query, bytes: counted.reduce((n, e) => n + e.gzipBytes, 0), requests: counted.length, results, byKind };
}
