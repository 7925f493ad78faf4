import { describe, expect, it } from 'vitest';
import { seedPageData } from '../../tests/helpers/seed-page-data.ts';
import type { Target } from '../../scripts/contract/schemas/targets.ts';
import { distributionOf, extremes, panelsOf } from './distribution.ts';

const { targets, indicators: siteIndicators } = seedPageData();
const indicators = new Map(siteIndicators.map((i) => [i.id, i]));
const dated = targets.filter((t) => t.kind === 'target' && t.year != null);
const byIndicator = Map.groupBy(dated, (t) => t.indicator);
const noComparison = () => null;

// Hundreds of localities: an indicator's seed targets repeated with values spread deterministically.
function scaled(rows: Target[], n: number): Target[] {
  return Array.from({ length: n }, (_, i) => {
    const t = rows[i % rows.length]!;
    return t.level === 'trung ương' ? t : { ...t, plan: `${t.plan}-${i}`, value: Math.round(t.value * (0.5 + ((i * 37) % 100) / 100)) };
  }).filter((t, i) => t.level !== 'trung ương' || i < rows.length);
}

describe('panelsOf', () => {
  it('puts every dated target of an indicator in exactly one panel, by year and rank scope', () => {
    for (const rows of byIndicator.values()) {
      const panels = panelsOf(rows);
      expect(panels.flatMap((p) => p.rows).sort((a, b) => a.id.localeCompare(b.id))).toEqual([...rows].sort((a, b) => a.id.localeCompare(b.id)));
      for (const p of panels) expect(new Set(p.rows.map((t) => t.year))).toEqual(new Set([p.year]));
      expect(panels.map((p) => p.year)).toEqual([...panels.map((p) => p.year)].sort((a, b) => a - b));
    }
  });
});

describe('distributionOf', () => {
  const [id, rows] = [...byIndicator].sort((a, b) => b[1].length - a[1].length)[0]!;
  const indicator = indicators.get(id)!;
  const many = scaled(rows, 700);

  it('counts every local value once, in bins, with the median and extremes', () => {
    for (const panel of panelsOf(many)) {
      const d = distributionOf(panel, noComparison, indicator)!;
      const local = panel.rows.filter((t) => t.level !== 'trung ương');
      expect(d.values).toHaveLength(local.length);
      expect(d.bins.reduce((n, b) => n + b.count, 0)).toBe(local.length);
      expect(d.min).toBe(Math.min(...local.map((t) => t.value)));
      expect(d.max).toBe(Math.max(...local.map((t) => t.value)));
      expect(d.median).toBeGreaterThanOrEqual(d.min);
      expect(d.median).toBeLessThanOrEqual(d.max);
      expect(d.versus.none).toBe(local.length);
      expect(d.national?.level ?? 'trung ương').toBe('trung ương');
    }
  });

  it('ranks by ambition: the highest value first, or the smallest for a rank', () => {
    const panel = panelsOf(many)[0]!;
    const { top, bottom } = extremes(distributionOf(panel, noComparison, indicator)!, 5);
    expect(top).toHaveLength(5);
    expect(Math.min(...top.map((t) => t.value))).toBeGreaterThanOrEqual(Math.max(...bottom.map((t) => t.value)));
    const reversed = extremes(distributionOf(panel, noComparison, { higherIsBetter: false })!, 5);
    expect(reversed.top.map((t) => t.value)).toEqual(bottom.map((t) => t.value));
  });

  it('counts the comparison with the national target as the caller says', () => {
    const panel = panelsOf(many)[0]!;
    const d = distributionOf(panel, (t) => (t.value >= 50 ? 'higher' : 'lower'), indicator)!;
    expect(d.versus.higher + d.versus.lower).toBe(d.values.length);
    expect(d.versus.higher).toBe(d.values.filter((v) => v >= 50).length);
  });

  it('keeps one bin when every locality sets the same value, and nothing when none is local', () => {
    const same = rows.filter((t) => t.level !== 'trung ương').map((t) => ({ ...t, value: 100, year: 2030 }));
    const d = distributionOf(panelsOf(same)[0]!, noComparison, indicator)!;
    expect(d.bins).toEqual([{ x0: 100, x1: 100, count: same.length }]);
    const national = rows.filter((t) => t.level === 'trung ương');
    if (national.length) expect(distributionOf(panelsOf(national)[0]!, noComparison, indicator)).toBeNull();
  });
});
