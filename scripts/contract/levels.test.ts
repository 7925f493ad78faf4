import { describe, expect, it } from 'vitest';
import { isNational, LEVELS, levelRank, NATIONAL_LEVEL } from './levels.ts';

describe('administrative levels', () => {
  it('puts the centre first, a province before its districts and communes, an unknown level last', () => {
    expect(LEVELS[0]).toBe(NATIONAL_LEVEL);
    expect(levelRank('tỉnh')).toBeLessThan(levelRank('huyện'));
    expect(levelRank('huyện')).toBeLessThan(levelRank('xã'));
    expect(levelRank('quận')).toBeLessThan(levelRank('phường'));
    expect(levelRank(null)).toBe(LEVELS.length);
    expect(levelRank('Tỉnh')).toBe(LEVELS.length);
  });

  it('tells a national document by its level alone', () => {
    expect(isNational('trung ương')).toBe(true);
    for (const level of [...LEVELS.slice(1), null, undefined, '']) expect(isNational(level)).toBe(false);
  });
});
