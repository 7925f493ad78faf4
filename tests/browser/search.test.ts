// Real queries through /tim-kiem/?q=... on the built site (its Pagefind index),
// in headless Chromium, as a reader types them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { gotoOk, newPage } from '../helpers/browser.ts';
import { ensureSite, readPlanList, readPlanParagraphs } from '../helpers/site.ts';
import { useSite } from '../helpers/session.ts';

const dist = await ensureSite();
const site = useSite(dist);

interface Shown {
  status: string;
  answers: { text: string; links: string[] };
  chips: string[];
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
      return s !== '' && s !== 'Đang tìm…';
    }, null, { timeout: 20_000 });
    return page.evaluate(() => ({
      status: document.getElementById('search-status')!.textContent!,
      answers: {
        text: document.getElementById('search-answers')!.textContent ?? '',
        links: [...document.querySelectorAll('#search-answers a')].map((a) => a.getAttribute('href')!),
      },
      chips: [...document.querySelectorAll('#search-chips .chip')].map((c) => c.textContent!.replace(/\s*✕$/, '').trim()),
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

  /** Every result: "Xem thêm kết quả" until no more remain. */
  async function searchAll(q: string): Promise<Shown> {
    await search(q);
    const more = page.locator('#search-more');
    for (let i = 0; i < 20 && (await more.isVisible()); i++) {
      await more.click();
      // The button hides while a screen loads and shows again when more remain.
      await expect.poll(async () => (await more.isVisible()) || !/ít nhất/.test((await page.locator('#search-status').textContent()) ?? ''), { timeout: 30_000 }).toBe(true);
    }
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
    const exact = await searchAll('chuyển đổi số');
    const bare = await searchAll('chuyen doi so');
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

  it('shows up to ten plans a screen, one result a plan, the rest on "Xem thêm kết quả"', async () => {
    const s = await search('chuyen doi so');
    expect(s.results.length).toBeGreaterThan(0);
    expect(s.results.length).toBeLessThanOrEqual(10);
    const more = page.locator('#search-more');
    for (let i = 0; i < 20 && (await more.isVisible()); i++) {
      await more.click();
      // The button hides while a screen loads and shows again when more remain.
      await expect.poll(async () => (await more.isVisible()) || !/ít nhất/.test((await page.locator('#search-status').textContent()) ?? ''), { timeout: 30_000 }).toBe(true);
    }
    const all = await read();
    expect(new Set(all.results.map((r) => r.href)).size).toBe(all.results.length);
    expect(all.status).toBe(`Tìm thấy ${all.results.length} văn bản cho “chuyen doi so”.`);
  });

  it('a place with no plan in the library says so, links to the localities and shows no false hit', async () => {
    const localities = new Set(readPlanList(dist).map((p) => p.id));
    for (const q of ['Khánh Hòa', 'Hà Nội', 'Đà Nẵng', 'ha noi chuyen doi so']) {
      const s = await search(q);
      expect(s.results, q).toEqual([]);
      expect(s.answers.text, q).toMatch(/chưa có văn bản nào của/);
      expect(s.answers.links, q).toContain('/dia-phuong/');
    }
    expect(localities.size).toBeGreaterThan(0);
  });

  it('"R&D Ninh Thuận": the place becomes a chip and Ninh Thuận’s R&D paragraph comes first', async () => {
    const s = await search('R&D Ninh Thuận');
    expect(s.chips).toEqual(['Địa phương: Ninh Thuận']);
    expect(s.results[0]!.facts.split(' · ')[0]).toBe('Ninh Thuận');
    expect(s.results[0]!.paragraphs[0]!.text).toContain('R&D');
    expect(s.results[0]!.paragraphs[0]!.marks).toContain('R&D');
    // Removing the chip searches the words as typed, everywhere.
    await page.click('#search-chips .chip-remove');
    const loose = await read();
    expect(loose.chips).toEqual([]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('R&D Ninh Thuận');
    expect(new URL(page.url()).searchParams.has('dia-phuong')).toBe(false);
  });

  it('"57-NQ/TW" shows every plan citing it on the first screen', async () => {
    const citing = readPlanList(dist).filter((p) => readPlanParagraphs(dist, p.id).some((b) => b.text.includes('57-NQ/TW')));
    expect(citing.length).toBeGreaterThan(1);
    const s = await search('57-NQ/TW');
    expect(s.results.map((r) => r.href)).toEqual(expect.arrayContaining(citing.map((p) => p.path)));
  });

  it('answers an indicator, a locality and a document number directly, above the results', async () => {
    const read = <T>(f: string): T => JSON.parse(readFileSync(join(dist, 'data', f), 'utf8')) as T;
    const indicators = read<{ id: string; short: string }[]>('indicators.json');
    const fiveG = indicators.find((i) => /5G/.test(i.short))!;
    expect((await search('5G')).answers.links).toContain(`/chi-tieu/${fiveG.id}/`);
    expect((await search('phu song 5G')).answers.links[0]).toBe(`/chi-tieu/${fiveG.id}/`);
    const plans = read<{ id: string; url: string; number: string | null }[]>('plans.json');
    const dongThap = await search('Dong Thap');
    expect(dongThap.answers.links.some((l) => /^\/dia-phuong\/.*dong-thap\/$/.test(l))).toBe(true);
    const numbered = plans.find((p) => p.number === '319-CTr/TU')!;
    const byNumber = await search('319-CTr/TU');
    expect(byNumber.answers.links).toContain(new URL(numbered.url, 'http://x').pathname);
  });

  it('words naming a level or a document type become removable chips', async () => {
    const s = await search('kế hoạch chuyển đổi số');
    expect(s.chips).toEqual(['Loại văn bản: Kế hoạch']);
    expect(new URL(page.url()).searchParams.get('loai')).toBe('Kế hoạch');
    for (const r of s.results) expect(r.facts.split(' · ')).toContain('Kế hoạch');
    const x = await search('xã chuyển đổi số');
    expect(x.chips).toEqual(['Cấp: xã']);
    for (const r of x.results) expect(r.facts).toContain('xã');
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
  it('says full text needs JavaScript and links to the indexes of plans, localities, indicators and cited documents', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false });
    await gotoOk(page, site.url('/tim-kiem/?q=chuy%E1%BB%83n'));
    const main = page.locator('main');
    expect(await main.innerText()).toContain('cần JavaScript');
    for (const index of ['/van-ban/', '/chi-tieu/', '/dia-phuong/', '/van-ban-dan-chieu/']) expect(await main.locator(`a[href="${index}"]`).count(), index).toBe(1);
    expect(await main.locator('form[method="get"][action="/tim-kiem/"] input[name="q"]').count()).toBe(1);
    await context.close();
  });
});
