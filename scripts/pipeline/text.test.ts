import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold, foldChar } from './text.ts';

/** The definition fold() implements quickly: each UTF-16 unit folded alone. */
const foldByUnit = (text: string): string => Array.from({ length: text.length }, (_, i) => foldChar(text[i]!)).join('');

describe('fold', () => {
  it('lowercases, strips diacritics, đ → d, one unit for one unit', () => {
    expect(fold('Đồng Tháp')).toBe('dong thap');
    expect(fold('ỦY BAN NHÂN DÂN')).toBe('uy ban nhan dan');
    expect(fold('')).toBe('');
  });
  it('gives back a text that folds to itself unchanged', () => {
    expect(fold('ke hoach 57-nq/tw')).toBe('ke hoach 57-nq/tw');
  });
  it('keeps what it does not fold: other scripts, emoji, a lone surrogate', () => {
    const odd = 'Việt 漢字 😀 \ud800 x'.repeat(20);
    expect(fold(odd)).toBe(foldByUnit(odd));
    expect(fold(odd)).toHaveLength(odd.length);
  });
  it('equals folding unit by unit on every seed, whole and word by word', () => {
    const dir = new URL('../../seeds/', import.meta.url);
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      expect(fold(text)).toBe(foldByUnit(text));
      for (const word of text.split(/\s+/)) expect(fold(word)).toBe(foldByUnit(word));
    }
  });
});
