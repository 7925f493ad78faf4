import { describe, expect, it } from 'vitest';
import { applyCase, fold, fromKey, hasDiacritic, toKey } from './syllable.ts';

describe('syllable keys', () => {
  it('treats both tone placements as one syllable', () => {
    expect(toKey('ủy')).toBe(toKey('uỷ'));
    expect(toKey('hóa')).toBe(toKey('hoá'));
    expect(toKey('Thủy')).toBe(toKey('thuỷ'));
    expect(toKey('hóa')).not.toBe(toKey('hòa'));
  });

  it('rebuilds the written form from a key', () => {
    for (const w of ['của', 'người', 'quốc', 'nghiên', 'cứu', 'đổi', 'mới', 'khuya', 'giữ', 'thuở', 'tuyến']) expect(fromKey(toKey(w))).toBe(w);
  });

  it('folds away every diacritic, đ included', () => {
    expect(fold('Đổi mới sáng tạo')).toBe('doi moi sang tao');
    expect(hasDiacritic('sb')).toBe(false);
    expect(hasDiacritic('sé')).toBe(true);
  });

  it('keeps the case of the scanned token', () => {
    expect(applyCase('Pang', 'đảng')).toBe('Đảng');
    expect(applyCase('MUC', 'mục')).toBe('MỤC');
    expect(applyCase('ctia', 'của')).toBe('của');
    // a capital I inside a line is an OCR "l" ("Ién moi truong" = "lên môi trường")
    expect(applyCase('Ién', 'lên')).toBe('lên');
    // heading "I- MUC PIiCH, YEU CAU" and signature "PHO Bf THU THUONG TRUC" of seed 002
    expect(applyCase('PIiCH', 'đích')).toBe('ĐÍCH');
    expect(applyCase('Bf', 'bí', true)).toBe('BÍ');
    expect(applyCase('Bf', 'bí')).toBe('Bí');
  });
});
