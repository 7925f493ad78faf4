// Geography for readers: the 34 provinces and centrally-run cities (since 1 July 2025), each with
// the provinces it was formed from and every plan of the library issued inside it, at any level
// (a commune's plan counts for its province). Published as provinces.json; pages only render it.
import type { ProvinceEntry } from '../contract/schemas/provinces.ts';
import { formedFrom, type Gazetteer } from './gazetteer.ts';
import { provinceSlug } from '../contract/addresses.ts';
import type { Plan } from './types.ts';

export type { ProvinceEntry };

/**
 * Every current province, with the plans whose province (now) it is. `plans` are taken in the
 * order given; a plan whose province is unknown, and a national one, belongs to none.
 */
export function provinceEntries(plans: Plan[], gazetteer: Gazetteer): ProvinceEntry[] {
  return gazetteer.data.provinces.map((p) => ({
    id: provinceSlug(p.name),
    name: p.name,
    kind: p.kind,
    formedFrom: formedFrom(gazetteer, p.name),
    plans: plans.filter((plan) => plan.metadata.provinceNow.value === p.name).map((plan) => plan.id),
  }));
}
