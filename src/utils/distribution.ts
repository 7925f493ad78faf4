// An indicator's targets as a distribution (issue 16): with hundreds of localities a row per
// locality is no chart. Per panel (one target year, one rank scope, as the dot chart), the
// values, their histogram (d3's bin), median and extremes, how many stand above / at / below
// the national target, and the most and least ambitious localities.
import { bin, extent, quantileSorted } from 'd3';
import { collator } from './format.ts';
import type { Direction, Indicator, Target } from '../../scripts/contract/schemas/targets.ts';
import { formatYear } from '../../scripts/contract/format.ts';

export interface Panel { key: string; year: number; period: string; unit: string; rows: Target[] }

/** Targets with a year, one panel per year and rank scope (a top-20 among provinces is not on a world scale), in year order. */
export function panelsOf(targets: Target[]): Panel[] {
  const panels = new Map<string, Panel>();
  for (const t of targets) {
    if (t.year == null) continue;
    const unit = t.unitKind === 'rank' ? (t.unit ?? '') : '';
    const key = `${t.year}|${unit}`;
    const panel = panels.get(key) ?? { key, year: t.year, period: formatYear(t), unit, rows: [] };
    panel.rows.push(t);
    panels.set(key, panel);
  }
  return [...panels.values()].sort((a, b) => a.year - b.year || collator.compare(a.unit, b.unit));
}

export interface Bin { x0: number; x1: number; count: number }

export interface Distribution {
  /** Local targets (the national one left out), least to most ambitious. */
  ranked: Target[];
  values: number[];
  min: number;
  max: number;
  median: number;
  bins: Bin[];
  /** The national target of this panel, if any. */
  national: Target | null;
  versus: { higher: number; same: number; lower: number; none: number };
}

/**
 * The distribution of a panel's local values (a range counts by its lower end, as the findings
 * compare); `versus` says how a target stands against the national one (utils/targets.ts).
 */
export function distributionOf(panel: Panel, versus: (t: Target) => Direction | null, indicator: Pick<Indicator, 'higherIsBetter'>, thresholds = 10): Distribution | null {
  const local = panel.rows.filter((t) => t.level !== 'trung ương');
  if (local.length === 0) return null;
  const ambition = (t: Target) => (indicator.higherIsBetter ? t.value : -t.value);
  const ranked = [...local].sort((a, b) => ambition(a) - ambition(b));
  const values = local.map((t) => t.value).sort((a, b) => a - b);
  const [min, max] = extent(values) as [number, number];
  const bins = bin().domain([min, max]).thresholds(thresholds)(values).map((b) => ({ x0: b.x0!, x1: b.x1!, count: b.length }));
  const counts = { higher: 0, same: 0, lower: 0, none: 0 };
  for (const t of local) counts[versus(t) ?? 'none']++;
  return { ranked, values, min, max, median: quantileSorted(values, 0.5)!, bins, national: panel.rows.find((t) => t.level === 'trung ương') ?? null, versus: counts };
}

/** The `n` most and least ambitious local targets (none in both when there are few). */
export function extremes(d: Distribution, n = 5): { top: Target[]; bottom: Target[] } {
  const k = Math.min(n, Math.floor(d.ranked.length / 2));
  return { top: d.ranked.slice(-k).reverse(), bottom: d.ranked.slice(0, k) };
}
