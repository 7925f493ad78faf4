// The 34 provinces and centrally-run cities as the pipeline published them (provinces.json),
// each with its plans, in the library's order.
import { getCollection, type CollectionEntry } from 'astro:content';
import type { PlanEntry } from './plans.ts';

export type ProvinceEntry = CollectionEntry<'provinces'>['data'];

export async function allProvinces(): Promise<ProvinceEntry[]> {
  return (await getCollection('provinces')).map((e) => e.data);
}

/** A province's plans in the order of `plans` (the library's: level, then place, then date). */
export function plansOf(province: ProvinceEntry, plans: PlanEntry[]): PlanEntry[] {
  const ids = new Set(province.plans);
  return plans.filter((p) => ids.has(p.id));
}
