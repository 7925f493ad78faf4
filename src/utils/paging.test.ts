import { describe, expect, it } from 'vitest';
import { seedPageData } from '../../tests/helpers/seed-page-data.ts';
import { listPageUrl } from '../../scripts/contract/addresses.ts';
import { firstPageByKey, pageOf, pagerNumbers, runsBy } from './paging.ts';

// A list as long as the library at national scale: the seed plans' ids, repeated.
const { plans } = seedPageData();
const many = Array.from({ length: 3507 }, (_, i) => `${plans[i % plans.length]!.id}-${i}`);

describe('pageOf', () => {
  it('splits a list into pages that hold every item once, in order, none over the size', () => {
    const first = pageOf(many, 100);
    expect(first.lastPage).toBe(36);
    const pages = Array.from({ length: first.lastPage }, (_, k) => pageOf(many, 100, k + 1));
    expect(pages.flatMap((p) => p.data)).toEqual(many);
    expect(Math.max(...pages.map((p) => p.data.length))).toBe(100);
    expect(pages.at(-1)!.data).toHaveLength(7);
    expect(pages.at(-1)).toMatchObject({ currentPage: 36, total: 3507, start: 3500, end: 3506 });
  });

  it('gives one page, possibly empty, for a short or empty list', () => {
    expect(pageOf(plans, 100)).toMatchObject({ currentPage: 1, lastPage: 1, total: plans.length, start: 0, end: plans.length - 1 });
    expect(pageOf([], 100)).toMatchObject({ data: [], lastPage: 1, total: 0 });
  });
});

describe('pagerNumbers', () => {
  it('links the first, the last and two either side of the current page, a gap for the rest', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(1, 36)).toEqual([1, 2, 3, null, 36]);
    expect(pagerNumbers(18, 36)).toEqual([1, null, 16, 17, 18, 19, 20, null, 36]);
    expect(pagerNumbers(36, 36)).toEqual([1, null, 34, 35, 36]);
    expect(pagerNumbers(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('stays the same length however long the list', () => {
    for (const last of [10, 100, 1000]) expect(pagerNumbers(Math.floor(last / 2), last).length).toBeLessThanOrEqual(9);
  });
});

describe('listPageUrl', () => {
  it('keeps the list address for page 1 and adds trang/N/ after', () => {
    expect(listPageUrl('/van-ban/', 1)).toBe('/van-ban/');
    expect(listPageUrl('/van-ban/', 2)).toBe('/van-ban/trang/2/');
    expect(listPageUrl('/chi-tieu/coverage-5g/', 12)).toBe('/chi-tieu/coverage-5g/trang/12/');
  });
});

describe('runsBy and firstPageByKey', () => {
  const byLevel = [...plans].sort((a, b) => (a.metadata.level.value ?? '').localeCompare(b.metadata.level.value ?? ''));
  it('cuts sorted rows where the key changes, keeping every row', () => {
    const runs = runsBy(byLevel, (p) => p.metadata.level.value ?? '');
    expect(runs.flatMap((r) => r.items)).toEqual(byLevel);
    expect(new Set(runs.map((r) => r.key)).size).toBe(runs.length);
  });

  it("finds the page of each key's first row", () => {
    const keys = many.map((_, i) => `k${String(Math.floor(i / 250)).padStart(2, '0')}`);
    const pages = firstPageByKey(keys, 100, (k) => k);
    expect(pages.get('k00')).toBe(1);
    expect(pages.get('k01')).toBe(3); // row 250 is on page 3
    for (const [key, page] of pages) expect(pageOf(keys, 100, page).data).toContain(key);
  });
});
