import { wordCount } from '../pipeline/block-facts.ts';
import { describe, expect, it } from 'vitest';
import { SEED, seedSiteData } from '../../tests/seeds.ts';
import { tableBlock } from '../pipeline/parse.ts';
import { recordPage } from '../contract/search/results.ts';
import { citedDocumentPages, pageRecord, planFields, sectionRanges, sectionRecords, sectionTitles, sectionWordsFor, MAX_SECTION_WORDS, MAX_SECTION_WORDS_LARGE } from './records.ts';

const library = seedSiteData();
const plan = library.plans.find((p) => p.sourceFile === SEED.dongThap)!;

const planHtml = (p: typeof plan, filters: Record<string, string[]> = {}) => sectionRecords(p, filters).map((r) => r.html).join('');

describe('sectionRecords', () => {
  const html = planHtml(plan, { 'chi-tieu': ['Kinh tế số'] });

  it('cuts a plan into sections that cover every block once, in order, each within the word limit unless one block is longer', () => {
    const ranges = sectionRanges(plan.blocks);
    expect(ranges.length).toBeGreaterThan(3);
    expect(ranges.flatMap(([a, b]) => Array.from({ length: b - a }, (_, k) => a + k))).toEqual(plan.blocks.map((_, i) => i));
    for (const [a, b] of ranges) {
      const words = plan.blocks.slice(a, b).reduce((n, x) => n + x.text.split(/\s+/).filter(Boolean).length, 0);
      if (b - a > 1) expect(words).toBeLessThanOrEqual(MAX_SECTION_WORDS);
    }
    const records = sectionRecords(plan);
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
    for (const r of records) {
      expect(r.url.startsWith(`/van-ban/${plan.id}/#`)).toBe(true);
      expect(recordPage(r.url)).toBe(`/van-ban/${plan.id}/`);
      // Pagefind indexes meta values as words: a section carries none.
      expect(r.html).not.toContain('data-pagefind-meta');
    }
  });

  it('gives a large bundle longer sections (fewer records), never beyond MAX_SECTION_WORDS_LARGE; the seeds keep 150 words', () => {
    const words = (p: typeof plan) => p.blocks.reduce((n, x) => n + x.text.split(/\s+/).filter(Boolean).length, 0);
    expect(sectionWordsFor(library.plans.reduce((n, p) => n + words(p), 0))).toBe(MAX_SECTION_WORDS);
    // A province of ~100 plans of this one's length.
    const large = sectionWordsFor(100 * words(plan));
    expect(large).toBeGreaterThan(MAX_SECTION_WORDS);
    expect(large).toBeLessThanOrEqual(MAX_SECTION_WORDS_LARGE);
    expect(sectionWordsFor(1e9)).toBe(MAX_SECTION_WORDS_LARGE);
    const ranges = sectionRanges(plan.blocks, large);
    expect(ranges.length).toBeLessThan(sectionRanges(plan.blocks).length);
    expect(ranges.flatMap(([a, b]) => Array.from({ length: b - a }, (_, k) => a + k))).toEqual(plan.blocks.map((_, i) => i));
  });

  it('puts one empty anchor per block, carrying the block id and its section title', () => {
    const anchors = [...html.matchAll(/<a id="([^"]+)" data-pagefind-title="([^"]*)"><\/a>/g)];
    expect(anchors.map((a) => a[1])).toEqual(plan.blocks.map((b) => b.id));
    const goal = plan.blocks.findIndex((b) => b.kind === 'heading' && b.text === '1. Mục tiêu chung');
    expect(goal).toBeGreaterThan(0);
    expect(plan.blocks[goal + 1]!.kind).not.toBe('heading');
    expect(anchors[goal + 1]![2]).toBe('1. Mục tiêu chung');
  });

  it('indexes a restored block twice under its anchor: restored, then as scanned', () => {
    const restored = { ...plan, blocks: [{ ...plan.blocks[0]!, text: 'chuyển đổi số', original: 'chuyén dbi sb' }, plan.blocks[1]!] };
    const one = planHtml(restored);
    const anchors = [...one.matchAll(/<a id="([^"]+)" data-pagefind-title="([^"]*)"><\/a>([^<]*)<\/p>/g)].map((a) => [a[1], a[3]]);
    expect(anchors).toEqual([
      [plan.blocks[0]!.id, 'chuyển đổi số'],
      [plan.blocks[0]!.id, 'chuyén dbi sb'],
      [plan.blocks[1]!.id, plan.blocks[1]!.text],
    ]);
  });

  it('indexes the text as NFC, escaped', () => {
    const nfd = { ...plan, blocks: [{ ...plan.blocks[0]!, text: 'Đồng Tháp <b> & "x"'.normalize('NFD'), emphasis: [] }] };
    const one = planHtml(nfd);
    expect(one).toContain('Đồng Tháp &#x3C;b> &#x26; "x"</p>');
    // Outside attribute values (where "<" is inert) no <b> element.
    expect(one.replace(/="[^"]*"/g, '=""')).not.toContain('<b>');
  });

  it('indexes the text the page shows: line breaks as spaces, a layout\'s "|" lines left out, table cells apart', () => {
    const header = { ...plan.blocks[0]!, text: 'ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n|\nSố: 552/KH-UBND', emphasis: [] };
    const table = { ...plan.blocks[1]!, kind: 'table' as const, ...tableBlock([['**TT**', '**Chỉ tiêu**'], ['1', 'Phủ sóng 5G 100%']]) };
    const one = planHtml({ ...plan, blocks: [header, table] });
    expect(one).toContain('>ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP Số: 552/KH-UBND</p>');
    expect(one).toContain('>TT Chỉ tiêu 1 Phủ sóng 5G 100%</p>');
  });

  it('carries filters as attributes (values may hold commas and colons), and no title meta', () => {
    expect(html).toContain('<meta data-pagefind-filter="dia-phuong[content]" content="Đồng Tháp">');
    expect(html).toContain('<meta data-pagefind-filter="cap[content]" content="tỉnh">');
    expect(html).toContain('<meta data-pagefind-filter="chi-tieu[content]" content="Kinh tế số">');
    expect(html).toContain('<meta data-pagefind-filter="loai[content]" content="Chương trình hành động">');
    // Pagefind indexes meta values as words: the plan's title is not repeated in every section.
    expect(html).not.toContain('data-pagefind-meta="title');
  });
});

describe('planFields', () => {
  it('shows the site title, or builds one from type, number and subject', () => {
    const ninhThuan = library.plans.find((p) => p.sourceFile === SEED.ninhThuan)!;
    expect(planFields(ninhThuan).meta.title).toBe(ninhThuan.displayTitle);
    const { displayTitle: _, ...bare } = ninhThuan;
    expect(planFields(bare).meta.title).toMatch(/^Chương trình hành động số 319-CTr\/TU: /);
    expect(planFields(ninhThuan).filters).toEqual({ 'dia-phuong': ['Ninh Thuận'], cap: ['tỉnh'], loai: ['Chương trình hành động'] });
  });
});

describe('citedDocumentPages', () => {
  it('makes a page for Resolution 57-NQ/TW findable by its number', () => {
    const pages = citedDocumentPages(library.documents);
    const nq57 = pages.find((p) => p.text.includes('57-NQ/TW'))!;
    expect(nq57.url).toMatch(/^\/van-ban-dan-chieu\/[^/]+\/$/);
    expect(nq57.kind).toBe('Văn bản được dẫn chiếu');
  });
});

describe('sectionTitles', () => {
  it('gives each block the heading above it, shortened at a word boundary', () => {
    const titles = sectionTitles(plan.blocks, 20);
    const i = plan.blocks.findIndex((b) => b.text === '1. Mục tiêu chung');
    expect(titles[i]).toBe('1. Mục tiêu chung');
    expect(titles[i + 1]).toBe('1. Mục tiêu chung');
    expect(titles.every((t) => t.length <= 20)).toBe(true);
  });
});

describe('pageRecord', () => {
  it('makes an NFC custom record in Vietnamese with de-duplicated NFC filter values', () => {
    const r = pageRecord({
      url: '/chi-tieu/kinh-te-so/',
      title: 'Quy mô kinh tế số'.normalize('NFD'),
      text: 'Quy mô kinh tế số đạt tối thiểu 30% GRDP.',
      kind: 'Chỉ tiêu',
      filters: { 'chi-tieu': ['Kinh tế số', 'Kinh tế số'.normalize('NFD')] },
    });
    expect(r).toEqual({
      url: '/chi-tieu/kinh-te-so/',
      content: 'Quy mô kinh tế số đạt tối thiểu 30% GRDP.',
      language: 'vi',
      meta: { title: 'Quy mô kinh tế số', kind: 'Chỉ tiêu' },
      filters: { 'chi-tieu': ['Kinh tế số'] },
    });
  });
});

describe('wordCount', () => {
  it('counts what splitting on white space counts, on every seed paragraph and on every kind of space', () => {
    const split = (text: string) => text.split(/\s+/).filter(Boolean).length;
    const texts = library.plans.flatMap((p) => p.blocks.map((b) => b.text));
    expect(texts.map(wordCount)).toEqual(texts.map(split));
    const spaces = ' \t\n\v\f\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    const odd = [...spaces].map((s, i) => `${s}số${i}${s}${s}liệu\u200bnối`).join('');
    expect(wordCount(odd)).toBe(split(odd));
    expect(wordCount('')).toBe(0);
  });
});
