import { describe, expect, it } from 'vitest';
import { foldVi, otherTonePlacement, parseQuery, queryVariants } from './query.ts';

describe('parseQuery', () => {
  it('normalizes an NFD query to NFC', () => {
    const nfd = 'chuyển đổi số'.normalize('NFD');
    expect(nfd).not.toBe('chuyển đổi số');
    expect(parseQuery(nfd).text).toBe('chuyển đổi số');
  });
  it('recognizes a whole-query phrase, with straight or curly quotes', () => {
    expect(parseQuery('"kinh tế số"')).toMatchObject({ phrase: true, text: '"kinh tế số"', words: ['kinh', 'tế', 'số'] });
    expect(parseQuery('“kinh tế số”').phrase).toBe(true);
    expect(parseQuery('"kinh tế" số').phrase).toBe(false);
  });
  it('keeps document numbers and percentages as typed', () => {
    expect(parseQuery(' 57-NQ/TW ').words).toEqual(['57-NQ/TW']);
    expect(parseQuery('30%').words).toEqual(['30%']);
  });
});

describe('queryVariants', () => {
  it('reads each initial d as d or đ', () => {
    expect(queryVariants(parseQuery('dang bo dong thap')).map((v) => v.text)).toEqual([
      'dang bo dong thap',
      'đang bo dong thap',
      'dang bo đong thap',
      'đang bo đong thap',
    ]);
  });
  it('only swaps a syllable-initial d, keeps case, and leaves queries without d alone', () => {
    expect(queryVariants(parseQuery('UBND Dong Thap')).map((v) => v.text)).toEqual(['UBND Dong Thap', 'UBND Đong Thap']);
    expect(queryVariants(parseQuery('chuyển đổi số'))).toEqual([{ text: 'chuyển đổi số', weight: 1 }]);
  });
  it('reads a d in the letters of a document number as đ (each letter is an initial)', () => {
    expect(queryVariants(parseQuery('2629/QD-TTg')).map((v) => v.text)).toEqual(['2629/QD-TTg', '2629/QĐ-TTg']);
    expect(queryVariants(parseQuery('09-kh/du')).map((v) => v.text)).toEqual(['09-kh/du', '09-kh/đu']);
    expect(queryVariants(parseQuery('R&D 3D')).map((v) => v.text)).toEqual(['R&D 3D']);
  });
  it('weighs swapped spellings down only when the user typed other marks', () => {
    expect(queryVariants(parseQuery('chuyen doi so')).map((v) => v.weight)).toEqual([1, 1]);
    expect(queryVariants(parseQuery('chuyển dổi số')).map((v) => v.weight)).toEqual([1, 0.8]);
  });
  it('keeps the quotes of a phrase on every variant', () => {
    expect(queryVariants(parseQuery('"chuyen doi so"')).map((v) => v.text)).toEqual(['"chuyen doi so"', '"chuyen đoi so"']);
  });
});

describe('foldVi', () => {
  it('folds both tone placements, đ and case to one key', () => {
    expect(foldVi('hoá')).toBe(foldVi('hóa'));
    expect(foldVi('Thuỷ')).toBe(foldVi('thủy'));
    expect(foldVi('Đồng Tháp')).toBe('dong thap');
  });
});

describe('otherTonePlacement', () => {
  it('moves the tone between the vowels of a final oa, oe, uy', () => {
    expect(otherTonePlacement('hoá')).toBe('hóa');
    expect(otherTonePlacement('hóa')).toBe('hoá');
    expect(otherTonePlacement('thuỷ')).toBe('thủy');
    expect(otherTonePlacement('Ủy')).toBe('Uỷ');
    expect(otherTonePlacement('khoẻ,')).toBe('khỏe,');
  });

  it('leaves words with one possible placement alone', () => {
    for (const w of ['hoàn', 'quý', 'số', 'hoa', 'uy', 'chuyển']) expect(otherTonePlacement(w)).toBeNull();
  });

  it('adds the other placement as an equal variant', () => {
    expect(queryVariants(parseQuery('văn hoá'))).toEqual([{ text: 'văn hoá', weight: 1 }, { text: 'văn hóa', weight: 1 }]);
  });
});
