// Geography for readers: the 34 provinces and centrally-run cities (since 1 July 2025), each with
// the provinces it was formed from and every plan of the library issued inside it, at any level
// (a commune's plan counts for its province). Published as provinces.json; pages only render it.
import { z } from 'astro/zod';
import { formedFrom, type Gazetteer } from './gazetteer.ts';
import { provinceSlug } from '../contract/addresses.ts';
import type { Plan } from './types.ts';

export const provinceEntrySchema = z.object({
  /** URL slug: /tinh-thanh/<id>/. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  kind: z.enum(['tỉnh', 'thành phố trực thuộc trung ương']),
  /** The provinces of before the merger that make it up (itself included when it kept its name). */
  formedFrom: z.array(z.string()),
  /** Ids of the plans issued inside it, any level, in the library's order. */
  plans: z.array(z.string()),
});
export type ProvinceEntry = z.infer<typeof provinceEntrySchema>;

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
