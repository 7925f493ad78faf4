import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seedFiles, seedText, SEED } from '../../../tests/seeds.ts';
import { parseBlocks } from '../parse.ts';
import { toParagraphs } from '../normalize.ts';
import { loadVocabulary } from '../document-types.ts';
import { damageScore, DAMAGE_THRESHOLD, isDamagedDocument } from './detect.ts';

describe('OCR damage detection on the five seeds', () => {
  const scores = Object.fromEntries(seedFiles().map((f) => [f, damageScore(seedText(f))]));

  it('scores the clean plans near zero and the Rạch Giá scan far above the threshold', () => {
    for (const f of [SEED.phanRang, SEED.dongThap, SEED.yetKieu, SEED.ninhThuan]) expect(scores[f], f).toBeLessThan(0.02);
    expect(scores[SEED.rachGia]).toBeGreaterThan(0.6);
    expect(DAMAGE_THRESHOLD).toBeGreaterThan(0.02);
    expect(DAMAGE_THRESHOLD).toBeLessThan(0.6);
  });

  it('decides per document on parsed blocks', () => {
    const vocabulary = loadVocabulary();
    const decisions = seedFiles().map((f) => isDamagedDocument(parseBlocks(toParagraphs(seedText(f)), vocabulary)));
    expect(decisions).toEqual(seedFiles().map((f) => f === SEED.rachGia));
  });

  it('does not take code or foreign words for OCR damage (the build-safety fixture)', () => {
    const hostile = readFileSync(fileURLToPath(new URL('../../../tests/fixtures/hostile-plan.txt', import.meta.url)), 'utf8');
    expect(damageScore(hostile)).toBeLessThan(DAMAGE_THRESHOLD);
    expect(damageScore('import fs from "node:fs"; export const stolen = process.env;')).toBe(0);
  });

  it('scores real paragraphs: a scanned one high, a clean one zero, an empty one zero', () => {
    expect(damageScore('Pang b tinh vé thuc hlen Nghi quyet s6 S7T-NQ/TW ngay 22/12/2024 cia B9 Chinh tri')).toBeGreaterThan(0.5);
    expect(damageScore('Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học')).toBe(0);
    expect(damageScore('')).toBe(0);
  });
});
