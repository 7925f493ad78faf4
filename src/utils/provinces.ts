// The 34 provinces and centrally-run cities as the pipeline published them (provinces.json),
// each with its plans, in the library's order.
import { entries, type Entry } from './generated-data.ts';
import type { Library, PlanEntry } from './plans.ts';

export type ProvinceEntry = Entry<'provinces'>;

export async function allProvinces(): Promise<ProvinceEntry[]> {
  return [...entries('provinces')];
}

/** A province's plans in reading order (level, then place, then date), looked up, not scanned for. */
export function plansOf(province: ProvinceEntry, library: Pick<Library, 'plansById' | 'rank'>): PlanEntry[] {
  return province.plans
    .map((id) => library.plansById.get(id))
    .filter((p) => p !== undefined)
    .sort((a, b) => library.rank.get(a.id)! - library.rank.get(b.id)!);
}
