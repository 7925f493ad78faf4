// Real queries through /tim-kiem/?q=... on the built site (its Pagefind index),
// in headless Chromium, as a reader types them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { gotoOk, newPage } from '../helpers/browser.ts';
import { ensureSite } from '../helpers/site.ts';
import { useSite } from '../helpers/session.ts';

const dist = await ensureSite();
const site = useSite(dist);

interface Shown {
  status: string;
  results: { title: string; href: string; facts: string; paragraphs: { href: string; text: string; marks: string[] }[] }[];
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

describe('search page in Chromium', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await newPage(site.browser));
  });

  async function read(): Promise<Shown> {
    await page.waitForFunction(() => {
      const s = document.getElementById('search-status')?.textContent ?? '';
      return s !== '' && s !== 'Đang tìm…' && (document.querySelector('.result') || /^Không/.test(s));
    }, null, { timeout: 20_000 });
    return page.evaluate(() => ({
      status: document.getElementById('search-status')!.textContent!,
      results: [...document.querySelectorAll('.result')].map((r) => ({
        title: r.querySelector('h2')!.textContent!,
        href: r.querySelector('h2 a')!.getAttribute('href')!,
        facts: r.querySelector('.result-meta')?.textContent ?? '',
        paragraphs: [...r.querySelectorAll('.result-paragraphs > li')].map((li) => ({
          href: li.querySelector('a')!.getAttribute('href')!,
          text: li.querySelector('.result-excerpt')!.textContent!,
          marks: [...li.querySelectorAll('mark')].map((m) => m.textContent!),
        })),
      })),
    }));
  }

  async function search(q: string, params: Record<string, string> = {}): Promise<Shown> {
    const qs = new URLSearchParams({ q, ...params });
    await gotoOk(page, site.url(`/tim-kiem/?${qs}`));
    return read();
  }

  const marks = (s: Shown) => s.results.flatMap((r) => r.paragraphs.flatMap((p) => p.marks));
  const hrefs = (s: Shown) => s.results.map((r) => r.href).sort();

  it('finds "chuyển đổi số" typed with diacritics and links each paragraph to its anchor', async () => {
    const s = await search('chuyển đổi số');
    expect(s.results.length).toBeGreaterThan(0);
    for (const r of s.results) {
      expect(r.paragraphs.length).toBeGreaterThan(0);
      for (const p of r.paragraphs) expect(p.href).toMatch(new RegExp(`^${r.href}#[\\w-]+$`));
    }
    expect(marks(s).map((m) => m.toLowerCase())).toContain('chuyển đổi số');
  });

  it('a paragraph link opens the plan page at that paragraph, which holds the highlighted words', async () => {
    const s = await search('kinh tế số');
    const p = s.results[0]!.paragraphs[0]!;
    const { context, page: planPage } = await newPage(site.browser);
    await gotoOk(planPage, site.url(p.href));
    const id = decodeURIComponent(new URL(p.href, site.origin).hash.slice(1));
    const target = planPage.locator(`[id="${id}"]`);
    expect(await target.count()).toBe(1);
    // The anchor may be the paragraph itself or a permalink inside it.
    const paragraph = (await target.innerText()).length > 3 ? target : target.locator('xpath=..');
    expect(fold(await paragraph.innerText())).toContain('kinh te so');
    await context.close();
  });

  it('finds the same plans without diacritics, "d" standing for "đ" ("chuyen doi so")', async () => {
    const exact = await search('chuyển đổi số');
    const bare = await search('chuyen doi so');
    // Every plan found with diacritics is found without (a damaged scan may add more).
    expect(hrefs(bare)).toEqual(expect.arrayContaining(hrefs(exact)));
    expect(marks(bare).map((m) => m.toLowerCase())).toContain('chuyển đổi số');
  });

  it('"dong thap" puts the Đồng Tháp plan first with "Đồng Tháp" highlighted', async () => {
    const s = await search('dong thap');
    expect(s.results[0]!.facts).toContain('Đồng Tháp');
    expect(s.results[0]!.paragraphs[0]!.marks).toContain('Đồng Tháp');
  });

  it('"dang bo" finds "Đảng bộ"; the exact "đảng bộ" only matches the đ spelling', async () => {
    const bare = await search('dang bo');
    expect(marks(bare).some((m) => /^đảng bộ$/i.test(m))).toBe(true);
    const exact = await search('đảng bộ');
    expect(exact.results.length).toBeGreaterThan(0);
    for (const m of marks(exact)) for (const w of fold(m).split(/[^\p{L}]+/u).filter(Boolean)) expect(['dang', 'bo']).toContain(w);
    for (const m of marks(exact)) expect(m.toLowerCase()).not.toMatch(/^dạng|^dang/);
  });

  it('treats both tone placements alike: "văn hoá" = "văn hóa", "tỉnh uỷ" = "tỉnh ủy"', async () => {
    expect(hrefs(await search('văn hoá'))).toEqual(hrefs(await search('văn hóa')));
    const a = await search('tỉnh uỷ');
    expect(a.results.length).toBeGreaterThan(0);
    expect(hrefs(a)).toEqual(hrefs(await search('tỉnh ủy')));
  });

  it('normalizes an NFD query to NFC', async () => {
    const nfd = 'chuyển đổi số'.normalize('NFD');
    const s = await search(nfd);
    expect(hrefs(s)).toEqual(hrefs(await search('chuyển đổi số')));
    expect(await page.inputValue('#q')).toBe('chuyển đổi số');
  });

  it('a quoted phrase only shows paragraphs holding the words together', async () => {
    const s = await search('"kinh tế số"');
    expect(s.results.length).toBeGreaterThan(0);
    for (const r of s.results) for (const p of r.paragraphs) expect(fold(p.text)).toContain('kinh te so');
    const loose = await search('kinh tế số');
    expect(loose.results.length).toBeGreaterThanOrEqual(s.results.length);
  });

  it('finds a percentage as written ("30%")', async () => {
    const s = await search('30%');
    expect(s.results.length).toBeGreaterThan(0);
    expect(marks(s).some((m) => m.startsWith('30%'))).toBe(true);
  });

  it('finds document numbers ("57-NQ/TW", "319-CTr/TU")', async () => {
    const a = await search('57-NQ/TW');
    expect(marks(a).some((m) => m.includes('57-NQ/TW'))).toBe(true);
    const b = await search('319-CTr/TU');
    expect(b.results.length).toBeGreaterThan(0);
    expect(marks(b).some((m) => m.includes('319-CTr/TU'))).toBe(true);
  });

  it('filters by level, locality and type from the URL', async () => {
    const all = await search('chuyển đổi số');
    const byLevel = await search('chuyển đổi số', { cap: 'tỉnh' });
    expect(byLevel.results.length).toBeGreaterThan(0);
    expect(byLevel.results.length).toBeLessThan(all.results.length);
    for (const r of byLevel.results) expect(r.facts).toContain('tỉnh');
    const byPlace = await search('chuyển đổi số', { 'dia-phuong': 'Đồng Tháp' });
    expect(byPlace.results.map((r) => r.facts.split(' · ')[0])).toEqual(['Đồng Tháp']);
    const byType = await search('chuyển đổi số', { loai: 'Kế hoạch' });
    expect(byType.results.length).toBeGreaterThan(0);
    for (const r of byType.results) expect(r.facts.split(' · ')).toContain('Kế hoạch');
  });

  it('lists filter values in the form and applies one chosen there', async () => {
    await search('chuyển đổi số');
    await page.click('#filters summary');
    const select = page.locator('select[name="cap"]');
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
    await select.selectOption('xã');
    await page.waitForURL(/cap=x%C3%A3/);
    const s = await read();
    expect(s.results.length).toBeGreaterThan(0);
    for (const r of s.results) expect(r.facts).toContain('xã');
  });

  it('filters by indicator (chi-tieu) from the URL: only plans committing to it', async () => {
    // The indicator committed to by the most plans, but not by all: read from the open data, never hard-coded.
    const read = <T>(f: string): T => JSON.parse(readFileSync(join(dist, 'data', f), 'utf8')) as T;
    const targets = read<{ plan: string; indicator: string | null }[]>('targets.json');
    const indicators = read<{ id: string; short: string }[]>('indicators.json');
    const plansOf = (id: string) => new Set(targets.filter((t) => t.indicator === id).map((t) => `/van-ban/${t.plan}/`));
    const all = await search('chuyển đổi số');
    const chosen = indicators
      .map((i) => ({ ...i, plans: plansOf(i.id) }))
      .filter((i) => i.plans.size > 0 && i.plans.size < all.results.length)
      .sort((a, b) => b.plans.size - a.plans.size)[0]!;
    const filtered = await search('chuyển đổi số', { 'chi-tieu': chosen.short });
    expect(filtered.results.length).toBeGreaterThan(0);
    expect(filtered.results.length).toBeLessThan(all.results.length);
    for (const r of filtered.results) expect(chosen.plans.has(new URL(r.href, 'http://x').pathname), r.href).toBe(true);
  });

  // The scan reads "chuyen doi sb": only the restored text (scripts/pipeline/ocr/) holds "chuyển đổi số".
  it('finds "chuyển đổi số" in the restored Rạch Giá plan', async () => {
    const s = await search('"chuyển đổi số"', { 'dia-phuong': 'Rạch Giá' });
    expect(s.results.length).toBe(1);
    expect(marks(s).map((m) => m.toLowerCase())).toContain('chuyển đổi số');
  });

  it('shows a few plans first and the rest on "Xem thêm kết quả"', async () => {
    const s = await search('chuyen doi so');
    const total = Number(/Tìm thấy (\d+)/.exec(s.status)![1]);
    const more = page.locator('#search-more');
    if (total > s.results.length) {
      await more.click();
      await expect.poll(() => page.locator('.result').count()).toBeGreaterThan(s.results.length);
    }
    await expect.poll(() => more.isHidden()).toBe(true);
    expect(await page.locator('.result').count()).toBe(total);
  });

  it('says so when nothing matches', async () => {
    const s = await search('zzzqqq');
    expect(s.results).toEqual([]);
    expect(s.status).toBe('Không tìm thấy kết quả cho “zzzqqq”.');
  });

  it('shows a query holding HTML as text, never as markup', async () => {
    const s = await search('<img src=x onerror=alert(1)>');
    expect(s.status).toContain('<img src=x');
    expect(await page.locator('main img').count()).toBe(0);
  });
});

describe('search page without JavaScript', () => {
  it('says search needs JavaScript and links to the plan and indicator indexes', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false });
    await gotoOk(page, site.url('/tim-kiem/?q=chuy%E1%BB%83n'));
    const main = page.locator('main');
    expect(await main.innerText()).toContain('cần JavaScript');
    expect(await main.locator('a[href="/van-ban/"]').count()).toBe(1);
    expect(await main.locator('a[href="/chi-tieu/"]').count()).toBe(1);
    expect(await main.locator('form[method="get"][action="/tim-kiem/"] input[name="q"]').count()).toBe(1);
    await context.close();
  });
});
