// On a phone and in a newsroom (issue 14), in Chromium against the built site: one page of
// every kind fits 320, 360 and 390 px with no sideways scroll; chart text is at least 12 px
// at 360 px; the home tree lists every plan; a paragraph's ¶ gives its citation and copies
// its link; copying a paragraph leaves "¶" out; old positional ids (#d5) still land on their
// paragraph; the source text shows as UTF-8 even when the server names no charset.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gotoOk, newPage } from '../helpers/browser.ts';
import { ensureSite, htmlPages, readPlanList, readPlanParagraphs } from '../helpers/site.ts';
import { useSite } from '../helpers/session.ts';
import { measurePhone, PHONE_WIDTHS } from '../../scripts/bench/phone.ts';
import { decodeSeed } from '../../scripts/pipeline/decode.ts';

const dist = await ensureSite();
const site = useSite(dist);
const plans = readPlanList(dist);
const pages = htmlPages(dist).filter((p) => !p.startsWith('/pagefind/'));
const htmlOf = (path: string) => readFileSync(join(dist, path.endsWith('/') ? `${path}index.html` : path), 'utf8');

/** A page's kind: its section and whether it is the section's index ("/chi-tieu/", "/chi-tieu/*"). */
const kindOf = (path: string) => {
  const parts = path.split('/').filter(Boolean);
  return parts.length <= 1 ? path : `/${parts[0]}/*`;
};
const oneOfEachKind = [...new Map(pages.map((p) => [kindOf(p), p])).values()];
/** Every plan page (the pages citizens read) and one page of every other kind. */
const widthPages = [...new Set([...oneOfEachKind, ...plans.map((p) => p.path)])];
const chartPages = pages.filter((p) => p.startsWith('/chi-tieu/') && htmlOf(p).includes('<svg'));

describe('on a phone', () => {
  it('has pages of many kinds to check', () => {
    expect(oneOfEachKind.length).toBeGreaterThanOrEqual(10);
    expect(chartPages.length).toBeGreaterThan(0);
  });

  it.each(PHONE_WIDTHS)('every page kind fits %i px with no sideways scroll', async (width) => {
    const { context, page } = await newPage(site.browser, { javaScript: false, viewport: { width, height: 800 } });
    const tooWide: string[] = [];
    for (const path of widthPages) {
      await gotoOk(page, site.url(path));
      const m = await measurePhone(page);
      if (m.scrollWidth > m.width) tooWide.push(`${path}: ${m.scrollWidth} px (${m.widest})`);
    }
    await context.close();
    expect(tooWide).toEqual([]);
  });

  it.each(PHONE_WIDTHS)('the search page with its filters open fits %i px (a filter\'s longest option does not widen it)', async (width) => {
    const { context, page } = await newPage(site.browser, { viewport: { width, height: 800 } });
    await gotoOk(page, site.url('/tim-kiem/'));
    await page.locator('#filters').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const m = await measurePhone(page);
    const selects = await page.locator('#filters select').count();
    await context.close();
    expect(selects).toBeGreaterThan(0);
    expect(m.scrollWidth, m.widest ?? undefined).toBeLessThanOrEqual(m.width);
  });

  it('a long unbroken token wraps instead of widening the page', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false, viewport: { width: 320, height: 800 } });
    await gotoOk(page, site.url(plans[0]!.path));
    await page.evaluate(() => {
      const p = document.querySelector('.doc p')!;
      p.append(`${'x'.repeat(5000)} https://example.org/${'a/'.repeat(500)}`);
      document.querySelector('.meta dd')!.append('y'.repeat(3000));
    });
    const m = await measurePhone(page);
    await context.close();
    expect(m.scrollWidth).toBeLessThanOrEqual(m.width);
  });

  it('a wide table scrolls in its own box, its first column stays in view, a shadow shows there is more', async () => {
    const path = pages.find((p) => htmlOf(p).includes('class="matrix"'))!;
    const { context, page } = await newPage(site.browser, { javaScript: false, viewport: { width: 360, height: 800 } });
    await gotoOk(page, site.url(path));
    const r = await page.locator('.table-scroll:has(table.matrix)').evaluate((box) => {
      const first = box.querySelector('tbody tr > :first-child')!;
      const last = box.querySelector('tbody tr > :last-child')!;
      const before = { first: first.getBoundingClientRect().left, last: last.getBoundingClientRect().left };
      box.scrollLeft = box.scrollWidth;
      return {
        wide: box.scrollWidth > box.clientWidth,
        firstMoved: first.getBoundingClientRect().left - before.first,
        lastMoved: last.getBoundingClientRect().left - before.last,
        cue: getComputedStyle(box).backgroundImage,
      };
    });
    await context.close();
    expect(r.wide).toBe(true);
    expect(r.lastMoved).toBeLessThan(0);
    expect(r.firstMoved).toBe(0);
    expect(r.cue).toMatch(/radial-gradient/);
  });

  it('chart text is at least 12 px at 360 px, and the national line crosses no label, on every indicator page with a chart', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false, viewport: { width: 360, height: 800 } });
    const small: string[] = [];
    const crossed: string[] = [];
    for (const path of chartPages) {
      await gotoOk(page, site.url(path));
      const m = await measurePhone(page);
      if (m.chartTextPx === null || m.chartTextPx < 12) small.push(`${path}: ${m.chartTextPx} px`);
      const hits = await page.evaluate(() => {
        const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        return [...document.querySelectorAll('svg line.ref')].flatMap((line) => {
          const l = line.getBoundingClientRect();
          return [...line.closest('svg')!.querySelectorAll('text')].filter((t) => overlap(l, t.getBoundingClientRect())).map((t) => t.textContent);
        });
      });
      if (hits.length) crossed.push(`${path}: ${hits.join(', ')}`);
    }
    await context.close();
    expect(small).toEqual([]);
    expect(crossed).toEqual([]);
  });
});

describe('home page', () => {
  it('lists every plan of the library in the implementation tree', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false });
    await gotoOk(page, site.url('/'));
    const linked = await page.locator('ul.tree a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    await context.close();
    expect(plans.length).toBeGreaterThanOrEqual(5);
    for (const plan of plans) expect(linked, plan.path).toContain(plan.path);
  });
});

describe('citing a paragraph', () => {
  // A paragraph (not itself a heading) right below a heading, well into the text.
  type Paragraph = { id: string; text: string; kind?: string };
  const headingBeforeText = (ps: Paragraph[]) => ps.findIndex((b, i) => i > 5 && b.kind === 'heading' && ps[i + 1] !== undefined && ps[i + 1]!.kind !== 'heading');
  const plan = plans.find((p) => headingBeforeText(readPlanParagraphs(dist, p.id) as Paragraph[]) >= 0)!;
  const paragraphs = readPlanParagraphs(dist, plan.id) as Paragraph[];
  const headingAt = headingBeforeText(paragraphs);
  const n = headingAt + 1;
  const target = paragraphs[n]!;
  const meta = (JSON.parse(readFileSync(join(dist, 'data', 'plans.json'), 'utf8')) as { id: string; title: string; url: string }[]).find((p) => p.id === plan.id)!;

  it('without JavaScript: the page carries the document citation with its address', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false });
    await gotoOk(page, site.url(plan.path));
    const text = (await page.locator('#trich-dan').innerText()).replace(/\s+/g, ' ');
    await context.close();
    expect(text).toContain(meta.title);
    expect(text).toContain(meta.url);
    expect(text).toMatch(/truy cập ngày/);
  });

  it('a click on ¶ copies the paragraph link and shows its citation: section, paragraph, URL, access date', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await gotoOk(page, site.url(plan.path));
    await page.locator(`[id="${target.id}"]`).click();
    const url = `${meta.url}#${target.id}`;
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const text = (await page.locator('#trich-dan').innerText()).replace(/\s+/g, ' ');
    const today = new Date().toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' });
    expect(text).toContain(`${meta.title}`);
    expect(text).toContain(`mục “${paragraphs[headingAt]!.text.replace(/\s+/g, ' ')}”, đoạn ${n + 1}`);
    expect(text).toContain(url);
    expect(text).toContain(`truy cập ngày ${today}`);
    // The citation sits right under the paragraph it cites.
    const [box, para] = await Promise.all([page.locator('#trich-dan').boundingBox(), page.locator(`[id="${target.id}"]`).boundingBox()]);
    expect(box!.y).toBeGreaterThan(para!.y);
    await context.close();
  });

  it('copying paragraphs leaves the ¶ marks out', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: true });
    await gotoOk(page, site.url(plan.path));
    const copied = await page.evaluate(() => {
      const blocks = document.querySelectorAll('.doc p');
      const range = document.createRange();
      range.setStartBefore(blocks[1]!);
      range.setEndAfter(blocks[blocks.length - 1]!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    await context.close();
    expect(copied.length).toBeGreaterThan(200);
    expect(copied).not.toContain('¶');
  });

  it('an old positional link (#d5) lands on the fifth paragraph', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: true });
    await gotoOk(page, site.url(`${plan.path}#d5`));
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${paragraphs[4]!.id}`);
    await context.close();
  });
});

describe('the source text', () => {
  it('shows as UTF-8 in a browser even when the server names no charset', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false });
    const plan = plans[0]!;
    const path = `/nguon/${plan.id}.txt`;
    const bytes = readFileSync(join(dist, path));
    await page.route(`**${path}`, (route) => route.fulfill({ body: bytes, contentType: 'text/plain' }));
    await gotoOk(page, site.url(path));
    const shown = await page.evaluate(() => document.body.innerText);
    await context.close();
    const expected = decodeSeed(new Uint8Array(bytes), path).text.split('\n').find((l) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(l))!;
    expect(shown).toContain(expected.trim());
  });
});
