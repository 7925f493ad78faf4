import { describe, expect, it } from 'vitest';
import { SEED, seedText } from '../../../tests/seeds.ts';
import { levenshtein, minePairs } from './align.ts';
import { Channel } from './confusion.ts';

const clean = [SEED.phanRang, SEED.dongThap, SEED.yetKieu, SEED.ninhThuan].map((f) => seedText(f).normalize('NFC'));
const scan = seedText(SEED.rachGia).normalize('NFC');

describe('labelled pairs mined from boilerplate the scan shares with clean plans', () => {
  const pairs = minePairs([scan], clean);
  const has = (intended: string, scanned: string): boolean => pairs.some((p) => p.intended === intended && p.scanned === scanned);

  it('finds the misreadings quoted in the issue', () => {
    expect(pairs.length).toBeGreaterThan(1000);
    for (const [i, s] of [['của', 'ctia'], ['của', 'cta'], ['đổi', 'dbi'], ['số', 's6'], ['mới', 'méi'], ['số', 'sé']]) expect(has(i, s), `${i} ← ${s}`).toBe(true);
  });

  it('aligns only compatible tokens: no pair is more than two edits apart once diacritics are folded', () => {
    const fold = (w: string): string => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
    for (const p of pairs) expect(levenshtein(fold(p.intended), fold(p.scanned)), `${p.intended}/${p.scanned}`).toBeLessThanOrEqual(2);
  });

  it('finds nothing between unrelated texts', () => {
    expect(minePairs(['import fs from "node:fs"; export const stolen = process.env;'], clean)).toEqual([]);
  });
});

describe('the learned channel', () => {
  const channel = new Channel(new Set(scan.toLowerCase()));
  channel.learn(minePairs([scan], clean));
  const cost = (i: string, s: string): number => channel.align(i, s).cost;

  it('makes the scan\'s frequent misreadings cheap and unrelated readings expensive', () => {
    expect(cost('của', 'ctia')).toBeLessThan(cost('cửa', 'ctia'));
    expect(cost('số', 's6')).toBeLessThan(cost('sáu', 's6'));
    expect(cost('đảng', 'pang')).toBeLessThan(cost('bảng', 'pang'));
    expect(cost('mới', 'mai')).toBeLessThan(cost('nhà', 'mai'));
  });

  it('learns glyph confusions from data: ố/ổ read as "6" is among the most frequent', () => {
    const top = channel.topConfusions(40).map(([c, o]) => `${c}>${o}`);
    expect(top).toContain('đ>d');
    expect(top.some((t) => /^[ốổ]>6$/.test(t))).toBe(true);
  });
});
