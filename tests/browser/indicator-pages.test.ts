// Targets on the built site (issue 4): indicator pages show their chart and its table
// with JavaScript disabled, the target pages have no axe-core violation, and every
// published quote is verbatim in the paragraph its url points to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeReportFor, gotoOk, newPage, normalizeText } from '../helpers/browser.ts';
import { ensureSite, readPlanParagraphs } from '../helpers/site.ts';
import { useSite } from '../helpers/session.ts';

const dist = await ensureSite();
const site = useSite(dist);
const read = <T>(path: string): T => JSON.parse(readFileSync(join(dist, 'data', path), 'utf8')) as T;
const indicators = read<{ id: string; name: string; plans: number; unitKind: string }[]>('indicators.json');
const targets = read<{ plan: string; indicator: string; year: number | null; quote: string; url: string; kind: string }[]>('targets.json');
// Records of the plans' texts, and those of the national references (reviewed facts, no text: content/national/).
const planIds = new Set(read<{ id: string }[]>('plans.json').map((p) => p.id));
const extracted = targets.filter((t) => planIds.has(t.plan));
const facts = targets.filter((t) => !planIds.has(t.plan));
// Indicator pages with data: every one the open data says is committed to (never a hard-coded id).
const withData = indicators.filter((i) => i.plans > 0);
// axe-core is slow: check one page per kind of chart (percent, count, index, rank...), the most committed one.
const axeSample = new Set(
  [...new Set(withData.map((i) => i.unitKind))].map((kind) => withData.filter((i) => i.unitKind === kind).sort((a, b) => b.plans - a.plans)[0]!.id),
);

describe('open data', () => {
  it('every quote is verbatim in the paragraph its url points to', () => {
    expect(extracted.length).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const t of extracted) {
      const url = new URL(t.url);
      const id = url.pathname.split('/').filter(Boolean).pop()!;
      const paragraph = readPlanParagraphs(dist, id).find((p) => p.id === url.hash.slice(1));
      if (!paragraph || !paragraph.text.includes(t.quote)) bad.push(`${t.url}: ${t.quote.slice(0, 80)}`);
    }
    expect(bad).toEqual([]);
  });

  it('every national fact carries its paraphrase on the row its url points to', () => {
    expect(facts.length).toBeGreaterThan(0);
    for (const t of facts) {
      const url = new URL(t.url);
      const html = readFileSync(join(dist, url.pathname, 'index.html'), 'utf8');
      const row = new RegExp(`<tr id="${url.hash.slice(1)}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';
      expect(normalizeText(row.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&')), t.url).toContain(normalizeText(t.quote));
    }
  });

  it('targets.csv starts with a UTF-8 byte order mark and has one row per record', () => {
    const csv = readFileSync(join(dist, 'data', 'targets.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withData.length).toBeGreaterThan(0);
  });
});

describe.each(withData.map((i) => ({ ...i, path: `/chi-tieu/${i.id}/` })))('indicator page $path', ({ id, path }) => {
  const dated = targets.filter((t) => t.indicator === id && t.kind === 'target' && t.year != null);

  it('shows its chart and its table with JavaScript disabled', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false });
    await gotoOk(page, site.url(path));
    const charts = page.locator('figure.chart svg[role="img"]');
    const tableRows = page.locator('table.targets tbody tr');
    const shown = {
      charts: await charts.count(),
      chartNamed: dated.length ? ((await charts.first().locator('title').textContent()) ?? '').length > 0 : true,
      chartVisible: dated.length ? (await charts.first().boundingBox())!.height > 40 : true,
      rows: await tableRows.count(),
      text: normalizeText(await page.locator('main').innerText()),
    };
    await context.close();
    if (dated.length) {
      expect(shown.charts).toBeGreaterThan(0);
      expect(shown.chartNamed).toBe(true);
      expect(shown.chartVisible).toBe(true);
    }
    expect(shown.rows).toBeGreaterThanOrEqual(dated.length);
    for (const t of dated) expect(shown.text).toContain(normalizeText(t.quote));
  });

  it.runIf(axeSample.has(id))('has no axe-core violation', async () => {
    const report = await axeReportFor(site.browser, site.url(path));
    expect(report.violations, report.summary).toEqual([]);
  });
});

describe.each(['/chi-tieu/', '/chi-tieu/so-sanh-2030/', '/chi-tieu/phat-hien/', '/du-lieu/'])('page %s', (path) => {
  it('has no axe-core violation', async () => {
    const report = await axeReportFor(site.browser, site.url(path));
    expect(report.violations, report.summary).toEqual([]);
  });
});

describe('target phrases in plan text', () => {
  const plansWithTargets = [...new Set(extracted.map((t) => t.plan))];
  it.each(plansWithTargets)('plan %s marks its target phrases and links them to existing pages', async (planId) => {
    const { context, page } = await newPage(site.browser, { javaScript: false });
    await gotoOk(page, site.url(`/van-ban/${planId}/`));
    const hrefs = await page.locator('.doc a[href^="/chi-tieu/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    await context.close();
    expect(hrefs.length).toBe(targets.filter((t) => t.plan === planId).length);
    // Every target has an indicator (of the taxonomy, or derived from its words) with a page.
    const ids = new Set(indicators.map((i) => i.id));
    for (const h of hrefs) expect(ids.has(/^\/chi-tieu\/([a-z0-9-]+)\/$/.exec(h)?.[1] ?? ''), h).toBe(true);
  });

  it.each(plansWithTargets)('plan %s highlights the clause a summary value links to, inside its paragraph', async (planId) => {
    const summary = await newPage(site.browser, { javaScript: false });
    await gotoOk(summary.page, site.url(`/van-ban/${planId}/`));
    const href = await summary.page.locator('.plan-targets td a').first().getAttribute('href');
    await summary.context.close();
    expect(href).toMatch(/^#p[0-9a-z]{5}(?:-\d+)?_\d+$/);
    // Arriving by that address (as from an indicator page's "¶ nguồn").
    const { context, page } = await newPage(site.browser, { javaScript: false });
    await gotoOk(page, site.url(`/van-ban/${planId}/${href}`));
    const clause = page.locator(`.doc span${href}`);
    const shown = await clause.evaluate((el) => ({
      background: getComputedStyle(el).backgroundColor,
      inParagraph: el.closest('p, li, h2, h3, h4, h5, td, th') !== null,
      text: el.textContent ?? '',
      paragraph: el.closest('p, li, h2, h3, h4, h5, td, th')?.textContent ?? '',
    }));
    await context.close();
    expect(shown.background).toBe('rgb(255, 240, 160)');
    expect(shown.inParagraph).toBe(true);
    expect(shown.text.length).toBeGreaterThan(0);
    expect(shown.paragraph).toContain(shown.text);
  });
});
