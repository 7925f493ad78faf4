import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './gazetteer.ts';
import { provinceUrl } from '../contract/addresses.ts';
import { provinceEntries } from './provinces.ts';
import { seedLibrary } from '../../tests/seeds.ts';

describe('provinces of the seed plans (the real pipeline)', () => {
  const plans = seedLibrary().plans;
  const entries = provinceEntries(plans, loadGazetteer());
  const byName = new Map(entries.map((e) => [e.name, e]));
  const planOf = (locality: string) => plans.find((p) => p.metadata.locality.value === locality)!.id;

  it('lists the 34 provinces of today, each once, with a page address', () => {
    expect(entries).toHaveLength(34);
    expect(new Set(entries.map((e) => e.id)).size).toBe(34);
    expect(provinceUrl('Khánh Hòa')).toBe('/tinh-thanh/khanh-hoa/');
  });

  it('counts a plan for the province it lies in now, at every level: a commune for its city, a pre-merger province for the new one', () => {
    expect(byName.get('Hải Phòng')!.plans).toEqual([planOf('Yết Kiêu')]);
    expect(byName.get('Khánh Hòa')!.plans.sort()).toEqual([planOf('Ninh Thuận'), planOf('Phan Rang - Tháp Chàm')].sort());
    expect(byName.get('Đồng Tháp')!.plans).toEqual([planOf('Đồng Tháp')]);
  });

  it('says what each was formed from on 1 July 2025, and leaves out plans whose province the text does not give', () => {
    expect(byName.get('Khánh Hòa')!.formedFrom).toEqual(expect.arrayContaining(['Khánh Hòa', 'Ninh Thuận']));
    expect(byName.get('Hà Nội')!.formedFrom).toEqual(['Hà Nội']);
    const placed = new Set(entries.flatMap((e) => e.plans));
    for (const p of plans) expect(placed.has(p.id)).toBe(p.metadata.provinceNow.value !== null);
  });
});
