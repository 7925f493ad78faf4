import { describe, expect, it } from 'vitest';
import { outlineOf, parseBlocks, readLabel } from './parse.ts';
import { toParagraphs } from './normalize.ts';
import { loadVocabulary } from './document-types.ts';
import { stripEmphasis } from './emphasis.ts';
import { BLOCK_ID } from '../contract/schemas/document.ts';
import { SEED, seedFiles, seedText } from '../../tests/seeds.ts';

const vocabulary = loadVocabulary();
const blocksOf = (file: string) => parseBlocks(toParagraphs(seedText(file)), vocabulary);
const headings = (file: string) => blocksOf(file).filter((b) => b.kind === 'heading');

describe('parseBlocks on the seeds', () => {
  it('finds every section heading with its depth', () => {
    const counts = Object.fromEntries(
      Object.entries(SEED).map(([name, file]) => {
        const hs = headings(file);
        return [name, [1, 2, 3, 4].map((d) => hs.filter((h) => h.depth === d).length)];
      }),
    );
    expect(counts).toEqual({
      // I–IV; 1–2 of II and 1–6 of III (the numbered items of I and IV are sentences); 2.1–2.2
      phanRang: [4, 8, 2, 0],
      dongThap: [3, 9, 2, 0],
      rachGia: [4, 8, 2, 0], // heading "4" of section III lost its dot in the scan and stays a paragraph
      yetKieu: [3, 13, 11, 12], // a)–e), a)–c), a)–d) under 2.1, 2.2, 2.3
      ninhThuan: [4, 9, 2, 0],
    });
  });

  it('nests lettered headings under the numbered heading before them', () => {
    const hs = headings(SEED.ninhThuan);
    expect(hs.find((h) => h.text === '2. Các chỉ tiêu cụ thể')!.depth).toBe(2);
    expect(hs.find((h) => h.text === 'a) Đến năm 2030')!.depth).toBe(3);
    const yk = headings(SEED.yetKieu);
    expect(yk.find((h) => h.text === '2.3. Giai đoạn 2035 đến năm 2045')!.depth).toBe(3);
    expect(yk.filter((h) => h.text === 'a) Phát triển hạ tầng').map((h) => h.depth)).toEqual([4, 4, 4]);
  });

  it('treats a long numbered sentence as a numbered paragraph, not a heading', () => {
    const block = blocksOf(SEED.phanRang).find((b) => b.text.startsWith('1. Quán triệt đầy đủ'))!;
    expect(block.kind).toBe('paragraph');
    expect(block.label).toBe('1.');
  });

  it('splits each plan into header, body and closing', () => {
    for (const file of seedFiles()) {
      const blocks = blocksOf(file);
      const parts = blocks.map((b) => b.part);
      expect(parts.indexOf('body'), file).toBeGreaterThan(0);
      expect(parts.lastIndexOf('header'), file).toBeLessThan(parts.indexOf('body'));
      expect(parts.lastIndexOf('body'), file).toBeLessThan(parts.indexOf('closing'));
    }
    const closing = blocksOf(SEED.phanRang).filter((b) => b.part === 'closing').map((b) => b.text);
    expect(closing[0]).toBe('Nơi nhận:');
    expect(closing.at(-1)).toBe('Châu Thị Thanh Hà');
  });

  it('gives ids from content (block-ids.ts), the same on every run', () => {
    const a = blocksOf(SEED.yetKieu).map((b) => b.id);
    expect(a).toEqual(blocksOf(SEED.yetKieu).map((b) => b.id));
    expect(new Set(a).size).toBe(a.length);
    for (const id of a) expect(id).toMatch(BLOCK_ID);
  });

  it('makes bullets list items without the dash', () => {
    const item = blocksOf(SEED.dongThap).find((b) => b.text.startsWith('Xếp hạng Chỉ số chuyển đổi số'))!;
    expect(item.kind).toBe('item');
    expect(item.text).toBe('Xếp hạng Chỉ số chuyển đổi số thuộc nhóm 20 tỉnh, thành phố dẫn đầu cả nước.');
  });

  it('builds an outline of the headings', () => {
    expect(outlineOf(blocksOf(SEED.ninhThuan)).slice(0, 4).map((h) => h.text)).toEqual([
      'I- KHÁI QUÁT TÌNH HÌNH', 'II- MỤC TIÊU', '1. Mục tiêu chung', '2. Các chỉ tiêu cụ thể',
    ]);
  });
});

describe('labels and emphasis', () => {
  it('reads numbering labels', () => {
    expect(readLabel('IV-TO CHUC THUC HIEN')?.label).toBe('IV-');
    expect(readLabel('2.1. Đến năm 2030')).toMatchObject({ kind: 'number', label: '2.1.', components: 2 });
    expect(readLabel('a) Đến năm 2030')?.kind).toBe('letter');
    expect(readLabel('2030 đạt 30%')).toBeNull();
    expect(readLabel('5G phủ sóng')).toBeNull();
  });

  it('keeps **bold** and *italic* as spans over plain text', () => {
    expect(stripEmphasis('2.2. *Tầm nhìn đến năm 2045*')).toEqual({ text: '2.2. Tầm nhìn đến năm 2045', emphasis: [{ kind: 'em', start: 5, end: 26 }] });
    expect(stripEmphasis('**T/M BAN THƯỜNG VỤ\nBÍ THƯ**').emphasis).toEqual([{ kind: 'strong', start: 0, end: 24 }]);
  });

  it('leaves a lone or unbalanced star as text', () => {
    expect(stripEmphasis('*\nSố 09 -KH/ĐU')).toEqual({ text: '*\nSố 09 -KH/ĐU', emphasis: [] });
    expect(stripEmphasis('a * b ** c').text).toBe('a * b ** c');
  });
});

describe('an appendix after the signature', () => {
  const appendix = 'PHỤ LỤC\n\nCHỈ TIÊU PHÁT TRIỂN ĐẾN NĂM 2030\n\n- Tỷ lệ dịch vụ công trực tuyến toàn trình đạt 100% vào năm 2030.\n\n- Kinh tế số chiếm 30% GRDP vào năm 2030.\n';
  const blocks = parseBlocks(toParagraphs(`${seedText(SEED.ninhThuan)}\n\n${appendix}`), vocabulary);

  it('is body again, so its targets are read; the signature and recipients stay closing', () => {
    const start = blocks.findIndex((b) => b.text === 'PHỤ LỤC');
    expect(start).toBeGreaterThan(0);
    expect(blocks.slice(start).map((b) => b.part)).toEqual(['body', 'body', 'body', 'body']);
    expect(blocks.slice(0, start).some((b) => b.part === 'closing')).toBe(true);
    expect(blocks.slice(0, start).at(-1)!.part).toBe('closing');
  });

  it('is not found in the seeds, which have none', () => {
    for (const file of seedFiles()) {
      const ps = toParagraphs(seedText(file));
      expect(parseBlocks(ps, vocabulary).at(-1)!.part, file).not.toBe('body');
    }
  });
});
