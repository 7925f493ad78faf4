// Pages at scale (issue 16) on a site of 160 plans (the seeds' content multiplied): every page
// stays under 35 KB gzip; without JavaScript the paged lists reach every plan through their
// pager and rel=next links; an indicator with hundreds of rows shows its distribution (SVG
// with title and description, a table of the same figures) and a paged table; the new pages
// have no axe-core violation; a province holding most of the plans pages its own page and its
// 2030 comparison, every plan reachable. Paths come from the build's data, never hard-coded ids.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { axeReportFor, gotoOk, newPage } from '../helpers/browser.ts';
import { useSite } from '../helpers/session.ts';
import { scaledSite } from '../helpers/scaled-site.ts';
import { measurePages, PAGE_BUDGET } from '../../scripts/bench/page-kinds.ts';
import { PAGE_SIZE, PREVIEW_SIZE } from '../../src/utils/paging.ts';
import { capitalize, formatNumber } from '../../src/utils/format.ts';
import { citedDocumentUrl, indicatorUrl, listPageUrl, planUrl, provinceUrl, yearComparisonUrl } from '../../scripts/contract/addresses.ts';

const PLANS = 160;
// Most clones in one province: more plans than a page of its list (the fixture's input, not an answer).
const CROWD = { province: 'Hải Phòng', share: 0.8 };
const scaled = await scaledSite(PLANS, CROWD);
const dist = scaled?.dist;
afterAll(() => {
  if (scaled) rmSync(scaled.dir, { recursive: true, force: true });
});
const read = <T,>(file: string): T => JSON.parse(readFileSync(join(scaled!.content, file), 'utf8')) as T;
// The most cited document, and a province whose plans set 2030 targets (from the data).
const mostCited = scaled ? read<{ slug: string; citations: unknown[] }[]>('documents.json').sort((a, b) => b.citations.length - a.citations.length)[0]!.slug : '';
const targets2030 = scaled ? new Set(read<{ plan: string; year: number | null; kind: string }[]>('targets.json').filter((t) => t.year === 2030 && t.kind === 'target').map((t) => t.plan)) : new Set<string>();
const province = scaled ? read<{ name: string; plans: string[] }[]>('provinces.json').find((p) => p.plans.some((id) => targets2030.has(id)))!.name : '';

/** Follows rel=next from `first` without JavaScript, checking each pager: the links each page shows (by `rows`), the first page's text. */
async function walk(site: ReturnType<typeof useSite>, first: string, rows: string) {
  const { context, page } = await newPage(site.browser, { javaScript: false });
  const seen: string[] = [];
  const perPage: string[][] = [];
  let next: string | null = first;
  let firstPage = '';
  while (next) {
    await gotoOk(page, site.url(next));
    if (!perPage.length) firstPage = await page.locator('main').innerText();
    const links = await page.locator(rows).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    perPage.push(links);
    seen.push(...links);
    expect(await page.locator('nav.pager [aria-current="page"]').textContent()).toBe(String(perPage.length));
    const rel = page.locator('head link[rel="next"]');
    next = (await rel.count()) ? await rel.getAttribute('href') : null;
  }
  await context.close();
  return { seen, perPage, firstPage };
}

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
    const { seen, perPage } = await walk(site, '/van-ban/', 'main table a');
    expect(perPage.length).toBeGreaterThan(1);
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

  it('a plan implemented by more plans than a preview names a preview, then its cited-document page lists them all', async () => {
    const most = read<{ id: string; implementedBy: string[] }[]>('plans.json').sort((a, b) => b.implementedBy.length - a.implementedBy.length)[0]!;
    expect(most.implementedBy.length).toBeGreaterThan(PREVIEW_SIZE);
    const doc = read<{ slug: string; planId: string | null }[]>('documents.json').find((d) => d.planId === most.id)!;
    const { context, page } = await newPage(site.browser, { javaScript: false });
    await gotoOk(page, site.url(planUrl(most.id)));
    const named = await page.locator('dl.meta dt:text-is("Văn bản triển khai") + dd a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    await context.close();
    expect(named).toHaveLength(PREVIEW_SIZE + 1);
    expect(named.at(-1)).toBe(citedDocumentUrl(doc.slug));
    const { seen } = await walk(site, citedDocumentUrl(doc.slug), 'main section h2 a');
    expect(most.implementedBy.filter((id) => !seen.includes(planUrl(id)))).toEqual([]);
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

describe.skipIf(!dist)(`a province with most of the ${PLANS} plans`, () => {
  const site = useSite(dist!);
  type Plan = { id: string; metadata: { level: { value: string | null } } };
  const plansById = scaled ? new Map(read<Plan[]>('plans.json').map((p) => [p.id, p])) : new Map<string, Plan>();
  const crowded = scaled ? read<{ name: string; plans: string[] }[]>('provinces.json').find((p) => p.name === CROWD.province)!.plans : [];

  it('pages the province page: every plan once through rel=next, the counts per level on the first page', async () => {
    expect(crowded.length).toBeGreaterThan(PAGE_SIZE.provincePlans);
    const { seen, perPage, firstPage } = await walk(site, provinceUrl(CROWD.province), 'h2#van-ban ~ .table-scroll tbody a');
    expect(perPage.length).toBeGreaterThan(1);
    expect(Math.max(...perPage.map((p) => p.length))).toBeLessThanOrEqual(PAGE_SIZE.provincePlans);
    expect(seen.sort()).toEqual(crowded.map(planUrl).sort());
    const perLevel = Map.groupBy(crowded, (id) => plansById.get(id)!.metadata.level.value);
    for (const [level, ids] of perLevel) expect(firstPage).toContain(`${capitalize(level!)}: ${formatNumber(ids.length)}`);
  });

  it("pages the province's 2030 comparison: every plan with a 2030 target once, the national row on every page", async () => {
    const with2030 = new Set(read<{ plan: string; year: number | null; kind: string }[]>('targets.json').filter((t) => t.year === 2030 && t.kind === 'target').map((t) => t.plan));
    const expected = crowded.filter((id) => with2030.has(id)).map(planUrl);
    const { perPage } = await walk(site, yearComparisonUrl(2030, CROWD.province), 'table.matrix tbody th a');
    const national = read<{ id: string; primary: boolean }[]>('national.json').find((n) => n.primary);
    const nationalRow = national ? [planUrl(national.id)] : [];
    for (const rows of perPage) expect(rows.slice(0, nationalRow.length)).toEqual(nationalRow);
    expect(perPage.flatMap((rows) => rows.slice(nationalRow.length)).sort()).toEqual(expected.sort());
    expect(perPage.length).toBe(Math.ceil(expected.length / PAGE_SIZE.comparisonRows));
  });

  it.each([
    ['the province page 1', provinceUrl(CROWD.province)],
    ['the province page 2', listPageUrl(provinceUrl(CROWD.province), 2)],
    ["the province's 2030 comparison, page 2", listPageUrl(yearComparisonUrl(2030, CROWD.province), 2)],
  ])('%s has no axe-core violation', async (_, path) => {
    const report = await axeReportFor(site.browser, site.url(path));
    expect(report.violations, report.summary).toEqual([]);
  });
});
