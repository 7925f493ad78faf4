// Whole seeds through the extractor. The expected counts were checked by reading each
// plan's objectives section against the extracted list (see the report of issue 4).
import { describe, expect, it } from 'vitest';
import { seedPlan } from './fixtures.ts';
import { extractTargets } from './extract.ts';

const seeds = {
  '000': seedPlan('seeds/000_f1948d11a7d713f4.txt', 'phan-rang', 'Phan Rang - Tháp Chàm', 'thành phố'),
  '001': seedPlan('seeds/001_9ab9814e00d8e62e.txt', 'dong-thap', 'Đồng Tháp', 'tỉnh'),
  '002': seedPlan('seeds/002_beea2bd73ebc9465.txt', 'rach-gia', 'Rạch Giá', 'thành phố'),
  '003': seedPlan('seeds/003_e484f2781837af51.txt', 'yet-kieu', 'Yết Kiêu', 'xã', '2025-08-28'),
  '004': seedPlan('seeds/004_a936b11be61fe9d9.txt', 'ninh-thuan', 'Ninh Thuận', 'tỉnh', '2025-02-19'),
};

const byYear = (id: keyof typeof seeds) => {
  const counts: Record<string, number> = {};
  for (const t of extractTargets(seeds[id])) {
    const key = `${t.kind === 'baseline' ? 'baseline ' : ''}${t.year ?? 'none'}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

describe('targets of whole seeds', () => {
  it('every quote is verbatim in the paragraph its url points to, and the marks lie inside it', () => {
    for (const plan of Object.values(seeds)) {
      for (const t of extractTargets(plan)) {
        const blockId = t.url.split('#')[1];
        const block = plan.blocks.find((b) => b.id === blockId);
        expect(block, t.id).toBeDefined();
        expect(block!.text.includes(t.quote), t.id).toBe(true);
        const q = block!.text.indexOf(t.quote);
        expect(t.start >= q && t.end <= q + t.quote.length && t.start < t.end, t.id).toBe(true);
        expect(t.valueStart >= t.start && t.valueEnd <= t.end, t.id).toBe(true);
      }
    }
  });

  it('finds the commitments of each plan by year', () => {
    expect(byYear('000')).toEqual({ '2030': 4, '2045': 3, none: 2 });
    expect(byYear('001')).toEqual({ '2030': 13, '2045': 1 });
    expect(byYear('003')).toEqual({ '2025': 22, '2030': 33, '2045': 24 });
    expect(byYear('004')).toEqual({ 'baseline 2024': 2, '2030': 14, '2045': 3, none: 2 });
  });

  it('still reads the commitments of the damaged scan, if not all their indicators (seed 002)', () => {
    const t = extractTargets(seeds['002']);
    expect(t.filter((x) => x.year === 2030).map((x) => x.value)).toEqual([80, 80, 20, 1.5, 50, 3]);
    expect(t.find((x) => x.value === 1.5)?.indicator).toBe('rd-spending');
  });
});
