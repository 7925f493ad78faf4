// Grouping by province of today (issue 16): at thousands of plans, the home page, the list
// of localities and the 2030 comparison show the 34 provinces, each with its own rows or counts.
import { collator, levelRank } from './format.ts';
import type { PlanEntry } from './plans.ts';
import type { Locality } from './localities.ts';

/** The group of plans whose province the text does not say. */
export const UNKNOWN_PROVINCE = 'Chưa rõ tỉnh, thành phố';

export function planProvince(plan: PlanEntry): string {
  return plan.metadata.provinceNow.value ?? UNKNOWN_PROVINCE;
}

/** The province of a plan given by id (targets and findings name their plan by id). */
export function provinceOfPlanId(plansById: ReadonlyMap<string, PlanEntry>): (id: string) => string {
  return (id) => {
    const plan = plansById.get(id);
    return plan ? planProvince(plan) : UNKNOWN_PROVINCE;
  };
}

export function localityProvince(locality: Locality): string {
  return planProvince(locality.plans[0]!);
}

/** Provinces in Vietnamese order, the unknown group last. */
export function compareProvinces(a: string, b: string): number {
  return Number(a === UNKNOWN_PROVINCE) - Number(b === UNKNOWN_PROVINCE) || collator.compare(a, b);
}

/** Localities (utils/plans.ts localities()) by province of today, then level (province before commune), then name. */
export function localitiesByProvince(list: Locality[]): Locality[] {
  return [...list].sort(
    (a, b) => compareProvinces(localityProvince(a), localityProvince(b)) || levelRank(a.level) - levelRank(b.level) || collator.compare(a.name, b.name),
  );
}

export interface ProvinceCount {
  province: string;
  total: number;
  /** Plans per level, levels from the centre down. */
  levels: { level: string | null; count: number }[];
}

/** How many plans each province has, at each level (the home page's table). */
export function countsByProvince(plans: PlanEntry[]): ProvinceCount[] {
  const byProvince = new Map<string, Map<string | null, number>>();
  for (const p of plans) {
    const province = planProvince(p);
    const levels = byProvince.get(province) ?? new Map<string | null, number>();
    levels.set(p.metadata.level.value, (levels.get(p.metadata.level.value) ?? 0) + 1);
    byProvince.set(province, levels);
  }
  return [...byProvince.entries()]
    .sort(([a], [b]) => compareProvinces(a, b))
    .map(([province, levels]) => ({
      province,
      total: [...levels.values()].reduce((s, n) => s + n, 0),
      levels: [...levels.entries()].sort(([a], [b]) => levelRank(a) - levelRank(b)).map(([level, count]) => ({ level, count })),
    }));
}

/**
 * An indicator's table order: the national reference first, then by province of today, then
 * `place` (level, locality, plan), then commitments before baselines, then year.
 */
export function byProvinceThenPlace<T extends { level: string | null; kind: string; year: number | null }>(
  provinceOf: (t: T) => string,
  place: (a: T, b: T) => number,
): (a: T, b: T) => number {
  const national = (t: T) => Number(t.level !== 'trung ương');
  return (a, b) =>
    national(a) - national(b) ||
    compareProvinces(provinceOf(a), provinceOf(b)) ||
    place(a, b) ||
    Number(a.kind !== 'target') - Number(b.kind !== 'target') ||
    (a.year ?? 9999) - (b.year ?? 9999);
}

export interface IndicatorCount { indicator: string; plans: number; rows: number }

/** A province's commitments counted per indicator (its page at scale): how many plans, how many rows; most plans first. */
export function indicatorCounts(targets: { indicator: string; plan: string }[]): IndicatorCount[] {
  const byIndicator = new Map<string, { plans: Set<string>; rows: number }>();
  for (const t of targets) {
    const entry = byIndicator.get(t.indicator) ?? { plans: new Set<string>(), rows: 0 };
    entry.plans.add(t.plan);
    entry.rows++;
    byIndicator.set(t.indicator, entry);
  }
  return [...byIndicator]
    .map(([indicator, { plans, rows }]) => ({ indicator, plans: plans.size, rows }))
    .sort((a, b) => b.plans - a.plans || b.rows - a.rows || a.indicator.localeCompare(b.indicator));
}
