import { describe, expect, it } from 'vitest';
import { formatNumber, formatQuantity } from './format.ts';
import { seedPageData } from '../../tests/helpers/seed-page-data.ts';

/** "1.234,5" → 1234.5: how a vi-VN reader reads the number back. */
const readBack = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

describe('formatNumber', () => {
  it('writes vi-VN grouping and decimal commas, and never rounds a value', () => {
    expect(formatNumber(1234567.891)).toBe('1.234.567,891');
    expect(formatNumber(0.125)).toBe('0,125');
    expect(formatQuantity({ comparator: '>=', value: 0.125, valueMax: null, unit: '%', unitKind: 'percent' })).toBe('0,125%');
  });

  it("reads back as the very value of every seed target (no published number differs from the document's)", () => {
    const { targets } = seedPageData();
    expect(targets.length).toBeGreaterThan(50);
    for (const t of targets) {
      expect(readBack(formatNumber(t.value))).toBe(t.value);
      if (t.valueMax != null) expect(readBack(formatNumber(t.valueMax))).toBe(t.valueMax);
    }
  });
});
