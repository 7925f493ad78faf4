import { describe, expect, it } from 'vitest';
import { LEVEL, NUMBER, PLACE, placeTokens, sentencesOf, tokenViews } from './tokens.ts';
import { bandKeys } from './minhash.ts';
import { rangeSimilarity, similarity } from './align.ts';

// Sentences from seeds 004 (Ninh Thuận, 319-CTr/TU) and 000 (Phan Rang - Tháp Chàm, which implements it).
const province = 'Tiềm lực, trình độ khoa học, công nghệ và đổi mới sáng tạo của tỉnh Ninh Thuận đạt mức tiên tiến.';
const city = 'Tiềm lực, trình độ khoa học, công nghệ và đổi mới sáng tạo của thành phố Phan Rang - Tháp Chàm đạt mức tiên tiến.';

describe('tokenViews', () => {
  it('sees through the locality name and level, each side with its own locality', () => {
    const a = tokenViews(province, placeTokens('Ninh Thuận'));
    const b = tokenViews(city, placeTokens('Phan Rang - Tháp Chàm'));
    expect(a.normalized).toEqual(b.normalized);
    expect(a.normalized).toContain(PLACE);
    expect(a.normalized).toContain(LEVEL);
    expect(a.surface).not.toEqual(b.surface);
  });

  it('sees through numbering, punctuation, case and diacritics, and numbers in the normalized view', () => {
    const a = tokenViews('2.1. Đến năm 2030, tỷ lệ đạt 100%;', []);
    const b = tokenViews('a) ĐẾN NAM 2030 ty le dat 80 %', []);
    expect(a.surface.slice(0, 3)).toEqual(b.surface.slice(0, 3));
    expect(a.normalized).toEqual(['den', 'nam', NUMBER, 'ty', 'le', 'dat', NUMBER]);
    expect(b.normalized).toEqual(a.normalized);
  });

  it('keeps words that only look like a level once folded ("tình hình", "tinh thần")', () => {
    expect(tokenViews('tình hình và tinh thần của tỉnh', []).normalized).toEqual(['tinh', 'hinh', 'va', 'tinh', 'than', 'cua', LEVEL]);
  });
});

describe('sentencesOf', () => {
  it('cuts at . ; : followed by a space, keeping offsets into the text', () => {
    const text = 'Tỷ lệ đạt 1.000 người; quy mô đạt 30% GRDP. Hết';
    const s = sentencesOf(text, []);
    expect(s.map((x) => text.slice(x.start, x.end).trim())).toEqual(['Tỷ lệ đạt 1.000 người;', 'quy mô đạt 30% GRDP.', 'Hết']);
  });
});

describe('MinHash band keys', () => {
  it('are equal for sentences equal once normalized, and share a band for a small edit', () => {
    const a = tokenViews(province, placeTokens('Ninh Thuận')).normalized;
    const b = tokenViews(city, placeTokens('Phan Rang - Tháp Chàm')).normalized;
    expect([...bandKeys(a)]).toEqual([...bandKeys(b)]);
    const edited = tokenViews('Tiềm lực, trình độ khoa học và đổi mới sáng tạo của tỉnh đạt mức tiên tiến ở nhiều lĩnh vực.', []).normalized;
    const shared = [...bandKeys(edited)].filter((k) => bandKeys(a).includes(k));
    expect(shared.length).toBeGreaterThan(0);
    const unrelated = tokenViews('Giao Sở Tài chính chủ trì, phối hợp bố trí kinh phí hằng năm.', []).normalized;
    expect([...bandKeys(unrelated)].filter((k) => bandKeys(a).includes(k))).toEqual([]);
  });
});

describe('similarity', () => {
  it('is 1 for the same tokens, the Dice ratio of the alignment otherwise, 0 below the floor', () => {
    expect(similarity(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(1);
    expect(similarity(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd'])).toBe(0.75);
    expect(similarity(['a', 'b', 'c', 'd'], ['w', 'x', 'y', 'd'], 0.6)).toBe(0);
  });
});

describe('rangeSimilarity', () => {
  it('scores sentences where they lie in flat arrays as similarity scores them apart', () => {
    const views = [province, city, 'Tỷ lệ đạt 1.000 người; quy mô đạt 30% GRDP.'].map((t) => tokenViews(t, []).normalized);
    const flat = views.flat();
    const at = [0, views[0]!.length, views[0]!.length + views[1]!.length, flat.length];
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++)
        for (const atLeast of [0, 0.6, 0.95]) expect(rangeSimilarity(flat, at[a]!, at[a + 1]!, flat, at[b]!, at[b + 1]!, atLeast)).toBe(similarity(views[a]!, views[b]!, atLeast));
    expect(similarity(views[0]!, views[1]!)).toBeGreaterThan(0.6);
  });
});
