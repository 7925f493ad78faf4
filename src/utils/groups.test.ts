import { describe, expect, it } from 'vitest';
import { seedPageData } from '../../tests/helpers/seed-page-data.ts';
import { byProvinceThenPlace, compareProvinces, countsByProvince, indicatorCounts, localitiesByProvince, localityProvince, planProvince, provinceOfPlanId, UNKNOWN_PROVINCE } from './groups.ts';
import type { Locality } from './localities.ts';

const { plans, targets } = seedPageData();
const local = plans.filter((p) => p.metadata.level.value !== 'trung ương');

describe('countsByProvince', () => {
  it('counts every plan once, under its province of today, per level', () => {
    const counts = countsByProvince(local);
    expect(counts.reduce((n, c) => n + c.total, 0)).toBe(local.length);
    for (const c of counts) expect(c.levels.reduce((n, l) => n + l.count, 0)).toBe(c.total);
    // Ninh Thuận's plan and Phan Rang - Tháp Chàm's are both in Khánh Hòa since 1 July 2025.
    const merged = counts.find((c) => c.province === planProvince(local.find((p) => p.metadata.province.value !== p.metadata.provinceNow.value && p.metadata.provinceNow.value)!));
    expect(merged?.total).toBeGreaterThanOrEqual(2);
    expect(counts.map((c) => c.province)).toEqual([...counts.map((c) => c.province)].sort(compareProvinces));
  });

  it('puts plans whose province is unknown last, never drops them', () => {
    const unknown = local.filter((p) => !p.metadata.provinceNow.value);
    const counts = countsByProvince(local);
    if (unknown.length) expect(counts.at(-1)).toMatchObject({ province: UNKNOWN_PROVINCE, total: unknown.length });
    expect(compareProvinces(UNKNOWN_PROVINCE, 'An Giang')).toBeGreaterThan(0);
  });
});

describe('localitiesByProvince', () => {
  it('orders localities by province, then level, then name', () => {
    const list: Locality[] = local.map((p) => ({ slug: p.id, name: p.metadata.locality.value ?? '', level: p.metadata.level.value, province: p.metadata.province.value, plans: [p] }));
    const sorted = localitiesByProvince(list);
    expect(sorted).toHaveLength(list.length);
    const provinces = sorted.map(localityProvince);
    expect(provinces).toEqual([...provinces].sort(compareProvinces));
  });
});

describe('byProvinceThenPlace', () => {
  it('puts the national reference first, then provinces in order, commitments before baselines', () => {
    const plansById = new Map(plans.map((p) => [p.id, p]));
    const provinceOfPlan = provinceOfPlanId(plansById);
    const provinceOf = (t: (typeof targets)[number]) => provinceOfPlan(t.plan);
    const sorted = [...targets].sort(byProvinceThenPlace(provinceOf, (a, b) => a.plan.localeCompare(b.plan)));
    const firstLocal = sorted.findIndex((t) => t.level !== 'trung ương');
    expect(sorted.slice(firstLocal).some((t) => t.level === 'trung ương')).toBe(false);
    const provinces = sorted.slice(firstLocal).map(provinceOf);
    expect(provinces).toEqual([...provinces].sort(compareProvinces));
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!, sorted[i]!];
      if (a.plan === b.plan) expect(Number(a.kind !== 'target')).toBeLessThanOrEqual(Number(b.kind !== 'target'));
    }
  });
});

describe('indicatorCounts', () => {
  it('counts plans and rows per indicator, most plans first', () => {
    const counts = indicatorCounts(targets);
    expect(counts.reduce((n, c) => n + c.rows, 0)).toBe(targets.length);
    for (const c of counts) expect(c.plans).toBe(new Set(targets.filter((t) => t.indicator === c.indicator).map((t) => t.plan)).size);
    expect(counts.map((c) => c.plans)).toEqual([...counts.map((c) => c.plans)].sort((a, b) => b - a));
  });
});
