import { describe, expect, it } from 'vitest';
import { isProtected, tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('splits a real scanned line into words and protected identifiers', () => {
    // seed 002, line 4
    const line = 'thuc hién Nghi quyet s6 82-NQ/TU, ngay 27/02/2025 caa Ban Chap hanh';
    const toks = tokenize(line);
    expect(toks.map((t) => t.text)).toEqual(['thuc', 'hién', 'Nghi', 'quyet', 's6', '82-NQ/TU', 'ngay', '27/02/2025', 'caa', 'Ban', 'Chap', 'hanh']);
    expect(toks.filter((t) => t.kind === 'protected').map((t) => t.text)).toEqual(['82-NQ/TU', '27/02/2025']);
    for (const t of toks) expect(line.slice(t.start, t.end)).toBe(t.text);
  });

  it('protects numbers, dates, identifiers and roman numerals, not glyph-damaged words', () => {
    for (const t of ['57-NQ/TW', '233-KH/TU', '27/02/2025', '13%-13,5%', '1,5%', '2030', '5G', 'T/M', 'XIII', 'S7T-NQ/TW', '50', 'PPP', 'TP', 'XHCN', 'HĐND']) expect(isProtected(t), t).toBe(true);
    for (const t of ['s6', '1a', '1€', 'k&', 'd6i', 'x3', 'b9', 'Gi4', 'MUC', 'PIiCH', 'Pang', 'cn', 'k}~/']) expect(isProtected(t), t).toBe(false);
  });

  it('splits hyphenated syllables but not identifiers, and marks sentence breaks', () => {
    const toks = tokenize('cac td chirc chinh tri-xd hoi, hoi quén ching; (goi tat 1a Nghi quyét s 82-NQ/TU)');
    expect(toks.map((t) => t.text)).toContain('tri');
    expect(toks.map((t) => t.text)).toContain('xd');
    expect(toks.find((t) => t.text === 'ching')!.breakAfter).toBe(true);
    expect(toks.find((t) => t.text === '82-NQ/TU')!.breakAfter).toBe(true);
  });
});
