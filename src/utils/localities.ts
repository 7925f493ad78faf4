// The localities of the library (a province, a city, a commune…), each with its plans: the
// locality pages and their list. Pure: tested on the seed plans (localities.test.ts).
import { localitySlug } from '../../scripts/contract/addresses.ts';
import { collator, levelRank } from './format.ts';
import type { PlanEntry } from './plans.ts';

/** The slug of the page of a plan's locality; null when the text does not say where it was issued. */
function slugOf(plan: PlanEntry): string | null {
  const name = plan.metadata.locality.value;
  return name ? localitySlug(name, plan.metadata.level.value) : null;
}

export interface Locality {
  slug: string;
  name: string;
  level: string | null;
  plans: PlanEntry[];
}

/** Every locality with a plan, by level (centre first) then name; its plans in the order given. */
export function localities(plans: readonly PlanEntry[]): Locality[] {
  const map = new Map<string, Locality>();
  for (const plan of plans) {
    const slug = slugOf(plan);
    if (!slug) continue;
    const entry = map.get(slug) ?? { slug, name: plan.metadata.locality.value!, level: plan.metadata.level.value, plans: [] };
    entry.plans.push(plan);
    map.set(slug, entry);
  }
  return [...map.values()].sort((a, b) => levelRank(a.level) - levelRank(b.level) || collator.compare(a.name, b.name));
}
