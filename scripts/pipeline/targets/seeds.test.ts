// Whole seeds, as the build parses them, through the extractor. The expected counts were
// checked by reading each plan's objectives section against the extracted list (see the
// report of issue 4); issue 10 kept every one of them.
import { describe, expect, it } from 'vitest';
import { SEED, seedPlan } from '../../../tests/seeds.ts';
import { extractTargets } from './extract.ts';

const seeds = {
  '000': seedPlan(SEED.phanRang),
  '001': seedPlan(SEED.dongThap),
  '002': seedPlan(SEED.rachGia),
  '003': seedPlan(SEED.yetKieu),
  '004': seedPlan(SEED.ninhThuan),
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
  it('every quote is the verbatim clause at its place in the paragraph its url points to, and the marks lie inside it', () => {
    for (const plan of Object.values(seeds)) {
      for (const t of extractTargets(plan)) {
        const blockId = t.url.split('#')[1];
        const block = plan.blocks.find((b) => b.id === blockId);
        expect(block, t.id).toBeDefined();
        expect(block!.text.slice(t.quoteStart, t.quoteEnd), t.id).toBe(t.quote);
        expect(t.start >= t.quoteStart && t.end <= t.quoteEnd && t.start < t.end, t.id).toBe(true);
        expect(t.valueStart >= t.start && t.valueEnd <= t.end, t.id).toBe(true);
      }
    }
  });

  it('gives every target an indicator, from the taxonomy for every seed target', () => {
    const all = Object.values(seeds).flatMap((p) => extractTargets(p));
    expect(all.every((t) => t.indicator !== '' && !t.derived)).toBe(true);
  });

  it('finds the commitments of each plan by year', () => {
    expect(byYear('000')).toEqual({ '2030': 4, '2045': 3, none: 2 });
    expect(byYear('001')).toEqual({ '2030': 13, '2045': 1 });
    expect(byYear('003')).toEqual({ '2025': 22, '2030': 33, '2045': 24 });
    expect(byYear('004')).toEqual({ 'baseline 2024': 2, '2030': 14, '2045': 3, none: 2 });
  });

  it('reads the 9 commitments of the damaged scan as the build restores it (seed 002), each of the taxonomy', () => {
    expect(extractTargets(seeds['002']).map((x) => [x.indicator, x.derived, x.year, x.value])).toEqual([
      ['online-public-service-use', false, 2030, 80],
      ['cashless-payments', false, 2030, 80],
      ['innovating-enterprises', false, 2030, 20],
      ['rd-spending', false, 2030, 1.5],
      ['rd-nonstate-share', false, 2030, 50],
      ['st-budget-share', false, 2030, 3],
      ['coverage-5g', false, 2030, 100],
      ['leaders-st-expertise', false, null, 25],
      ['digital-economy-sector-share', false, null, 70],
    ]);
  });
});
