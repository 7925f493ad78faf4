// Paged lists (issue 16): at thousands of plans a list page shows a fixed number of rows and
// links to the others. Page 1 is the list's own address, pages 2… are "<list>/trang/N/"
// (listPageUrl), generated with Astro's paginate(); these helpers say which rows and which links.

/** Rows per page of each paged list: each page stays far under 35 KB gzip at any library size. */
export const PAGE_SIZE = {
  documents: 100,
  localities: 150,
  citedDocuments: 100,
  /** Plans (each with its citing sentences) on a page of a cited document. */
  citingPlans: 25,
  /** Rows of an indicator's table. */
  indicatorRows: 60,
  /** Findings, each with its quotes (or a plan with the national targets it does not restate). */
  findings: 40,
  /** Plans of one province, at any level (its first page also sums them up). */
  provincePlans: 100,
  /** Plans of one province in a year's comparison of key indicators (one row each, a cell per indicator). */
  comparisonRows: 50,
} as const;

/** How many items of a list are shown on a page that is not the list's own (the rest linked to). */
export const PREVIEW_SIZE = 25;

export interface ListPage<T> {
  data: T[];
  currentPage: number;
  lastPage: number;
  total: number;
  /** Index of the first and last row shown, 0-based (as Astro's Page). */
  start: number;
  end: number;
}

/** Page `n` (1-based) of `items`, the same rows Astro's paginate() gives page n. */
export function pageOf<T>(items: T[], size: number, n = 1): ListPage<T> {
  const lastPage = Math.max(1, Math.ceil(items.length / size));
  const start = (n - 1) * size;
  const data = items.slice(start, start + size);
  return { data, currentPage: n, lastPage, total: items.length, start, end: start + Math.max(data.length, 1) - 1 };
}

/** The page numbers a pager links to: first, last, and two either side of the current one; null for a gap. */
export function pagerNumbers(current: number, last: number, around = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= last; n++) {
    if (n === 1 || n === last || Math.abs(n - current) <= around) out.push(n);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

/** Items in consecutive runs of the same key (rows already sorted by it): a heading per run. */
export function runsBy<T>(items: T[], key: (item: T) => string): { key: string; items: T[] }[] {
  const out: { key: string; items: T[] }[] = [];
  for (const item of items) {
    const k = key(item);
    const last = out.at(-1);
    if (last && last.key === k) last.items.push(item);
    else out.push({ key: k, items: [item] });
  }
  return out;
}

/** For rows sorted by `key`, the page (1-based) where each key's first row falls: "An Giang → page 3". */
export function firstPageByKey<T>(items: T[], size: number, key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    if (!out.has(k)) out.set(k, Math.floor(i / size) + 1);
  });
  return out;
}
