// Site-wide checks on the built site in Chromium: axe-core finds no violation on the home
// page, every plan page, a locality page, a cited-document page and one page of every other
// section linked from home or a plan page; pages are in Vietnamese; nothing is requested
// from another origin. Pages are found by following links in the built HTML, never hard-coded.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { foreignRequests, gotoOk, newPage, recordRequests, runAxe } from '../helpers/browser.ts';
import { ensureSite, htmlPages, readPlanList } from '../helpers/site.ts';
import { useSite } from '../helpers/session.ts';

type Node = DefaultTreeAdapterMap['node'];

const dist = await ensureSite();
const site = useSite(dist);
const plans = readPlanList(dist);
const planPaths = new Set(plans.map((p) => p.path));

/** Sections the issue requires: at least one page of each must be linked from home or a plan page. */
const REQUIRED_SECTIONS = ['/dia-phuong/', '/van-ban-dan-chieu/'];

const fileOf = (path: string) => join(dist, path.endsWith('/') ? `${path}index.html` : path);
const documentOf = (path: string) => parse(readFileSync(fileOf(path), 'utf8'));

function* elements(node: Node): Generator<DefaultTreeAdapterMap['element']> {
  if ('tagName' in node) yield node;
  if ('childNodes' in node) for (const c of node.childNodes) yield* elements(c);
}

/** Same-site page paths linked from a built page (fragment and query dropped). */
function linksOf(path: string): string[] {
  const base = new URL(path, 'http://site.invalid');
  const out: string[] = [];
  for (const el of elements(documentOf(path))) {
    const href = el.tagName === 'a' ? el.attrs.find((a) => a.name === 'href')?.value : undefined;
    if (!href) continue;
    const url = new URL(href, base);
    if (url.origin === base.origin && (url.pathname.endsWith('/') || url.pathname.endsWith('.html'))) out.push(url.pathname);
  }
  return out;
}

const linked = [...new Set(['/', ...planPaths].flatMap(linksOf))];
const sectionOf = (p: string) => p.match(/^\/[^/]+\//)?.[0] ?? null;
/** First linked page inside each section (not the section's own index, not a plan page). */
const firstOfSection = new Map<string, string>();
for (const p of linked) {
  const section = sectionOf(p);
  if (section && p !== section && !planPaths.has(p) && !firstOfSection.has(section)) firstOfSection.set(section, p);
}
/** Section index pages linked directly (e.g. /tim-kiem/). */
const sectionIndexes = linked.filter((p) => sectionOf(p) === p && !planPaths.has(p));
const audited = [...new Set(['/', ...planPaths, ...firstOfSection.values(), ...sectionIndexes])];

describe('every HTML file of the build', () => {
  it('declares lang="vi" on <html>', () => {
    const wrong = htmlPages(dist).filter((path) => {
      const html = documentOf(path).childNodes.find((n) => n.nodeName === 'html');
      const lang = html && 'attrs' in html ? html.attrs.find((a) => a.name === 'lang')?.value : undefined;
      return lang !== 'vi';
    });
    expect(wrong).toEqual([]);
  });
});

describe('pages linked from home and plan pages', () => {
  it('include a locality page and a cited-document page', () => {
    expect(REQUIRED_SECTIONS.filter((s) => !firstOfSection.has(s))).toEqual([]);
  });
});

describe.each(audited)('page %s', (path) => {
  it('has 0 axe-core violations, lang="vi" and no request to another origin', async () => {
    const { context, page } = await newPage(site.browser);
    const requests = recordRequests(page);
    try {
      await gotoOk(page, site.url(path));
      await page.waitForLoadState('networkidle');
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
      const { violations, summary } = await runAxe(page);
      expect(violations.length, summary).toBe(0);
      expect(foreignRequests(requests, site.origin), 'requests to another origin').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
