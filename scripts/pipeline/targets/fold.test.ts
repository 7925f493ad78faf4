import { describe, expect, it } from 'vitest';
import { fold, foldPattern } from './fold.ts';

describe('fold', () => {
  it('keeps offsets: one unit in, one unit out', () => {
    const text = 'Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt 100%';
    expect(fold(text)).toHaveLength(text.length);
    expect(fold(text)).toBe('ti le su dung dich vu cong truc tuyen cua nguoi dan va doanh nghiep dat 100%');
  });
  it('unifies spelling variants and lost diacritics (seed 002 is an OCR scan)', () => {
    expect(fold('Tỉ lệ')).toBe(fold('Tỷ lệ'));
    expect(fold('chuyển đổi số hoá')).toBe(fold('chuyen doi so hóa'));
    expect(fold('quy mô')).toBe('quy mo');
  });
  it('folds patterns but not their escapes', () => {
    expect(foldPattern('Đạt\\s+\\S+\\p{L}')).toBe('dat\\s+\\S+\\p{L}');
  });
});
