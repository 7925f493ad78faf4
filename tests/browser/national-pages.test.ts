// The national references (content/national/: 57-NQ/TW) on the built site: a page of facts,
// read without JavaScript: metadata, every target with its section, where the official text
// is published, the plans implementing it, and no body text. The home tree is rooted at it
// and its cited-document page leads to it. Pages are found from the build's data, never
// hard-coded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeReportFor, gotoOk, newPage, normalizeText } from '../helpers/browser.ts';
import { ensureSite } from '../helpers/site.ts';
import { useSite } from '../helpers/session.ts';
import { formatDate } from '../../src/utils/format.ts';
import { loadNationalReferences, nationalId } from '../../scripts/pipeline/national.ts';
import { documentSlug } from '../../scripts/pipeline/references.ts';

const dist = await ensureSite();
const site = useSite(dist);
const read = <T>(path: string): T => JSON.parse(readFileSync(join(dist, 'data', path), 'utf8')) as T;
const plans = read<{ id: string; url: string; implements: string[] }[]>('plans.json');
const targets = read<{ plan: string; url: string }[]>('targets.json');
const refs = loadNationalReferences();

describe.each(refs.map((ref) => ({ ref, path: `/van-ban/${nationalId(ref)}/` })))('national reference $path', ({ ref, path }) => {
  it('shows its metadata, its targets by section, where the text is published, and no body text', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false });
    await gotoOk(page, site.url(path));
    const meta = normalizeText(await page.locator('dl.meta').innerText());
    const rows = await page.locator('tr[id^="t"]').count();
    const captions = await page.locator('caption').allInnerTexts();
    const published = await page.locator('main a[rel="external"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const bodies = await page.locator('article, .doc').count();
    await context.close();
    for (const value of [ref.number, ref.type, ref.issuer, ref.signer, formatDate(ref.date)!]) expect(meta).toContain(value);
    expect(rows).toBe(ref.targets.length);
    expect(captions.map(normalizeText)).toEqual([...new Set(ref.targets.map((t) => `Mục ${t.section}`))]);
    expect(published).toEqual(ref.published.filter((p) => p.url).map((p) => p.url));
    expect(bodies).toBe(0);
    expect(targets.filter((t) => new URL(t.url).pathname === path)).toHaveLength(ref.targets.length);
  });

  it('links every plan of the library that implements it', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false });
    await gotoOk(page, site.url(path));
    const hrefs = new Set(await page.locator('main a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href'))));
    await context.close();
    const implementing = plans.filter((p) => p.implements.includes(ref.number)).map((p) => new URL(p.url, 'http://site.invalid').pathname);
    expect(implementing.length).toBeGreaterThan(0);
    for (const p of implementing) expect(hrefs.has(p), p).toBe(true);
  });

  it('is reached from its cited-document page', () => {
    const cited = readFileSync(join(dist, 'van-ban-dan-chieu', documentSlug(ref.number), 'index.html'), 'utf8');
    expect(cited).toContain(`href="${path}"`);
  });

  it('has no axe-core violation', async () => {
    const report = await axeReportFor(site.browser, site.url(path));
    expect(report.violations, report.summary).toEqual([]);
  });
});

it('roots the home tree at a national reference', () => {
  const home = readFileSync(join(dist, 'index.html'), 'utf8');
  const root = /class="tree"><li><a href="([^"]+)"/.exec(home)?.[1];
  expect(refs.map((ref) => `/van-ban/${nationalId(ref)}/`)).toContain(root);
});
