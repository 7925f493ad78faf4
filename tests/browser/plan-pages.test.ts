// Every plan of data/plans.json, on the built site in Chromium: the full text is there with
// JavaScript off, every paragraph has a permalink, and a permalink brings its paragraph into view.
import { describe, expect, it } from 'vitest';
import { gotoOk, newPage, normalizeText } from '../helpers/browser.ts';
import { ensureSite, readPlanList, readPlanParagraphs } from '../helpers/site.ts';
import { useSite } from '../helpers/session.ts';

const dist = await ensureSite();
const site = useSite(dist);
const plans = readPlanList(dist);

describe('plan list', () => {
  it('data/plans.json lists at least one plan', () => {
    expect(plans.length).toBeGreaterThan(0);
  });
});

describe.each(plans)('plan page $path', ({ id, path }) => {
  const paragraphs = readPlanParagraphs(dist, id);

  it('shows every paragraph of its open data with JavaScript disabled', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false });
    await gotoOk(page, site.url(path));
    const shown = normalizeText(await page.locator('body').innerText());
    const missing = paragraphs.filter((p) => !shown.includes(normalizeText(p.text)));
    await context.close();
    expect(
      missing.map((p) => `${p.id}: ${p.text.slice(0, 100)}`),
      `${missing.length} of ${paragraphs.length} paragraphs of data/plans/${id}.json are not visible on ${path}`,
    ).toEqual([]);
  });

  it('gives every paragraph an anchor and a visible permalink to it', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false });
    await gotoOk(page, site.url(path));
    const pageUrl = site.url(path);
    const found = await page.evaluate(
      ({ ids, pageUrl }) => {
        const visibleLinks = new Set(
          [...document.querySelectorAll<HTMLAnchorElement>('a[href*="#"]')]
            .filter((a) => a.getClientRects().length > 0)
            .map((a) => a.href),
        );
        return ids.map((id) => ({
          id,
          anchor: document.getElementById(id) !== null,
          permalink: visibleLinks.has(`${pageUrl}#${encodeURIComponent(id)}`),
        }));
      },
      { ids: paragraphs.map((p) => p.id), pageUrl },
    );
    await context.close();
    expect(found.filter((f) => !f.anchor).map((f) => f.id), 'paragraph ids without an element of that id').toEqual([]);
    expect(found.filter((f) => !f.permalink).map((f) => f.id), 'paragraphs without a visible permalink').toEqual([]);
  });

  // The last paragraph and one two thirds down: both far below the first screen on a real plan.
  const targets = [...new Set([paragraphs[Math.floor((paragraphs.length * 2) / 3)]!, paragraphs[paragraphs.length - 1]!])];

  it.each([false, true])('a paragraph permalink scrolls it into view (JavaScript %s)', async (javaScript) => {
    const { context, page } = await newPage(site.browser, { javaScript });
    for (const target of targets) {
      // Leave the page first: a fragment change on the same page would be a same-document jump.
      await page.goto('about:blank');
      await gotoOk(page, site.url(`${path}#${encodeURIComponent(target.id)}`));
      // A fragment scroll happens at parse time; give layout a frame to settle.
      await page.waitForTimeout(50);
      const box = await page.evaluate((id) => {
        const el = document.getElementById(id);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, scrollY: window.scrollY, innerHeight: window.innerHeight };
      }, target.id);
      expect(box, `#${target.id} exists on ${path}`).not.toBeNull();
      const where = `#${target.id} on ${path}: ${JSON.stringify(box)}`;
      expect(box!.top, where).toBeGreaterThanOrEqual(-2);
      expect(box!.top, where).toBeLessThan(box!.innerHeight);
    }
    await context.close();
  });
});
