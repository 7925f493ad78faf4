// The findings page at scale (issue 16): counts by kind and indicator, then every finding in a
// paged list, by kind, then province, then place; the national targets a plan does not restate
// are one item per plan.
import { compareProvinces } from './groups.ts';

export const FINDING_KINDS = ['differs-from-national', 'differs-from-parent', 'conflicting-targets', 'national-not-restated'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

interface FindingLike { kind: FindingKind; plan: string; indicator: string; direction?: 'higher' | 'lower' }

export type FindingItem<F extends FindingLike> =
  | { kind: Exclude<FindingKind, 'national-not-restated'>; province: string; finding: F }
  | { kind: 'national-not-restated'; province: string; plan: string; indicators: string[] };

/**
 * Findings as list items: kinds in FINDING_KINDS order, then by province (`provinceOf` a plan),
 * then `planOrder` (the library's order of plans), "not restated" findings merged per plan.
 */
export function findingItems<F extends FindingLike>(findings: readonly F[], provinceOf: (plan: string) => string, planOrder: (plan: string) => number): FindingItem<F>[] {
  const items: FindingItem<F>[] = [];
  const missing = new Map<string, string[]>();
  for (const f of findings) {
    if (f.kind === 'national-not-restated') {
      const list = missing.get(f.plan) ?? [];
      if (!list.includes(f.indicator)) list.push(f.indicator);
      missing.set(f.plan, list);
    } else items.push({ kind: f.kind, province: provinceOf(f.plan), finding: f });
  }
  for (const [plan, indicators] of missing) items.push({ kind: 'national-not-restated', province: provinceOf(plan), plan, indicators });
  const planOf = (i: FindingItem<F>) => (i.kind === 'national-not-restated' ? i.plan : i.finding.plan);
  // A stable sort: findings of one plan keep the order the pipeline gave them.
  return items.sort((a, b) => FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind) || compareProvinces(a.province, b.province) || planOrder(planOf(a)) - planOrder(planOf(b)));
}

export interface IndicatorFindingCount { indicator: string; count: number; higher: number; lower: number }

/** Per kind, how many findings each indicator has (plans, for "not restated"), most first. */
export function countsByIndicator<F extends FindingLike>(findings: F[], kind: FindingKind): IndicatorFindingCount[] {
  const counts = new Map<string, IndicatorFindingCount>();
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.kind !== kind) continue;
    // "Not restated" counts plans: the pipeline may say it once per national target year.
    if (kind === 'national-not-restated') {
      if (seen.has(`${f.plan}|${f.indicator}`)) continue;
      seen.add(`${f.plan}|${f.indicator}`);
    }
    const c = counts.get(f.indicator) ?? { indicator: f.indicator, count: 0, higher: 0, lower: 0 };
    c.count++;
    if (f.direction) c[f.direction]++;
    counts.set(f.indicator, c);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.indicator.localeCompare(b.indicator));
}
