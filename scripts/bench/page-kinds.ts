// Page weight by kind of page (issue 16: no page may grow with the library): every HTML page of
// a built site, gzip bytes, grouped by its route ("/chi-tieu/*/", "/van-ban/trang/*/"), with
// the median and the largest of each kind and every page over the budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlPages } from './built-site.ts';
import { BUDGET, gzipSize } from './measure.ts';

/** "/van-ban-dan-chieu/57-nq-tw/trang/3/" → "/van-ban-dan-chieu/*\/trang/*\/": the first segment and "trang" kept. */
export function pageKind(path: string): string {
  if (path.endsWith('.html')) return path;
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0) return '/';
  return `/${segments.map((s, i) => (i === 0 || s === 'trang' ? s : '*')).join('/')}/`;
}

export interface PageSize { path: string; gzip: number }
export interface KindSummary { kind: string; pages: number; median: number; largest: PageSize }

export function summarizeKinds(pages: PageSize[]): KindSummary[] {
  const byKind = new Map<string, PageSize[]>();
  for (const p of pages) byKind.set(pageKind(p.path), [...(byKind.get(pageKind(p.path)) ?? []), p]);
  return [...byKind.entries()]
    .map(([kind, list]) => {
      const sorted = [...list].sort((a, b) => a.gzip - b.gzip);
      return { kind, pages: list.length, median: sorted[Math.floor((sorted.length - 1) / 2)]!.gzip, largest: sorted.at(-1)! };
    })
    .sort((a, b) => b.largest.gzip - a.largest.gzip);
}

/** Every HTML page of `dist` with its gzip size. */
export function measurePages(dist: string): PageSize[] {
  return htmlPages(dist).map((path) => ({ path, gzip: gzipSize(readFileSync(join(dist, path.endsWith('/') ? `${path}index.html` : path))) }));
}

export const PAGE_BUDGET = BUDGET.planPageBytes;
