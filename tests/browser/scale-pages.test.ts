// Pages at scale (issue 16) on a site of 120 plans (the seeds' content multiplied): every page
// stays under 35 KB gzip; without JavaScript the paged lists reach every plan through their
// pager and rel=next links; an indicator with hundreds of rows shows its distribution (SVG
// with title and description, a table of the same figures) and a paged table; the new pages
// have no axe-core violation. Paths come from the build's data, never hard-coded ids.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { axeReportFor, gotoOk, newPage } from '../helpers/browser.ts';
import { useSite } from '../helpers/session.ts';
import { scaledSite } from '../helpers/scaled-site.ts';
import { measurePages, PAGE_BUDGET } from '../../scripts/bench/page-kinds.ts';
import { citedDocumentUrl, indicatorUrl, listPageUrl, yearComparisonUrl } from '../../scripts/contract/addresses.ts';

const PLANS = 120;
const scaled = await scaledSite(PLANS);
const dist = scaled?.dist;
afterAll(() => {
  if (scaled) rmSync(scaled.dir, { recursive: true, force: true });
});
const read = <T,>(file: string): T => JSON.parse(readFileSync(join(scaled!.content, file), 'utf8')) as T;
// The most cited document, and a province whose plans set 2030 targets (from the data).
const mostCited = scaled ? read<{ slug: string; citations: unknown[] }[]>('documents.json').sort((a, b) => b.citations.length - a.citations.length)[0]!.slug : '';
const targets2030 = scaled ? new Set(read<{ plan: string; year: number | null; kind: string }[]>('targets.json').filter((t) => t.year === 2030 && t.kind === 'target').map((t) => t.plan)) : new Set<string>();
const province = scaled ? read<{ name: string; plans: string[] }[]>('provinces.json').find((p) => p.plans.some((id) => targets2030.has(id)))!.name : '';

describe.skipIf(!dist)(`pages of a ${PLANS}-plan site`, () => {
  const site = useSite(dist!);
  // The plans and the indicator the most plans set a target for, from the content (the open data is
  // written by scripts/build.ts, not by astro build).
  const plans = scaled ? read<{ url: string }[]>('plans.json').map((p) => ({ path: p.url })) : [];
  const plansPerIndicator = scaled ? Map.groupBy(read<{ plan: string; indicator: string }[]>('targets.json'), (t) => t.indicator) : new Map<string, { plan: string }[]>();
  const busiest = [...plansPerIndicator].map(([id, ts]) => ({ id, plans: new Set(ts.map((t) => t.plan)).size })).sort((a, b) => b.plans - a.plans)[0]!;

  it('has every page under 35 KB gzip', () => {
    const over = measurePages(dist!).filter((p) => p.gzip > PAGE_BUDGET);
    expect(over).toEqual([]);
  });

  it('without JavaScript, following rel=next through the documents list reaches every plan once', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false });
    const seen: string[] = [];
    let next: string | null = '/van-ban/';
    let pages = 0;
    while (next) {
      await gotoOk(page, site.url(next));
      pages++;
      seen.push(...(await page.locator('main table a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))));
      expect(await page.locator('nav.pager [aria-current="page"]').textContent()).toBe(String(pages));
      const rel = page.locator('head link[rel="next"]');
      next = (await rel.count()) ? await rel.getAttribute('href') : null;
    }
    await context.close();
    expect(pages).toBeGreaterThan(1);
    expect(seen.sort()).toEqual(plans.map((p) => p.path).sort());
  });

  it(`an indicator committed to by many plans shows its distribution and a paged table`, async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false });
    await gotoOk(page, site.url(indicatorUrl(busiest.id)));
    const svg = page.locator('svg.chart-svg[role="img"]').first();
    expect(await svg.locator('title').textContent()).toMatch(/phân bố/);
    expect(await svg.locator('desc').textContent()).toMatch(/Trung vị/);
    expect(await page.locator('figure.chart details table tbody tr').count()).toBeGreaterThan(1);
    const rows = await page.locator('#bang table tbody tr').count();
    expect(await page.locator('#bang nav.pager').count()).toBe(1);
    await gotoOk(page, site.url(listPageUrl(indicatorUrl(busiest.id), 2)));
    expect(await page.locator('#bang table tbody tr').count()).toBeGreaterThan(0);
    await context.close();
    expect(rows).toBeLessThanOrEqual(60);
  });

  it.each([
    ['/', '/'],
    ['documents, page 2', listPageUrl('/van-ban/', 2)],
    ['localities', '/dia-phuong/'],
    ['a cited document, page 2', listPageUrl(citedDocumentUrl(mostCited), 2)],
    ['findings', '/chi-tieu/phat-hien/'],
    ['findings, page 2', listPageUrl('/chi-tieu/phat-hien/', 2)],
    ['2030 comparison', yearComparisonUrl(2030)],
    ['2030 comparison of a province', yearComparisonUrl(2030, province)],
  ])('%s has no axe-core violation', async (_, path) => {
    const report = await axeReportFor(site.browser, site.url(path));
    expect(report.violations, report.summary).toEqual([]);
  });

  it('the busiest indicator, its first and second page, have no axe-core violation', async () => {
    for (const path of [indicatorUrl(busiest.id), listPageUrl(indicatorUrl(busiest.id), 2)]) {
      const report = await axeReportFor(site.browser, site.url(path));
      expect(report.violations, `${path}: ${report.summary}`).toEqual([]);
    }
  });
});
