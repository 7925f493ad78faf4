// The localities of the library (a province, a city, a commune…), each with its plans: the
// locality pages and their list. A locality is its level, name and province at issuance
// (communes' names repeat across provinces). Pure: tested on the seed plans (localities.test.ts).
import { localityOf, localityPageOf, localitySlug, provinceUrl, type LocalityKey } from '../../scripts/contract/addresses.ts';
import { collator, levelRank } from './format.ts';
import type { PlanEntry } from './plans.ts';

export interface Locality extends LocalityKey {
  slug: string;
  plans: PlanEntry[];
}

/** Every locality with a plan, by level (centre first), name, then province; its plans in the order given. */
export function localities(plans: readonly PlanEntry[]): Locality[] {
  const map = new Map<string, Locality>();
  for (const plan of plans) {
    const key = localityOf(plan.metadata);
    if (!key) continue;
    const slug = localitySlug(key);
    const entry = map.get(slug) ?? { ...key, slug, plans: [] };
    entry.plans.push(plan);
    map.set(slug, entry);
  }
  return [...map.values()].sort(
    (a, b) => levelRank(a.level) - levelRank(b.level) || collator.compare(a.name, b.name) || collator.compare(a.province ?? '', b.province ?? ''),
  );
}

/** The lede of a locality's page: the province it lies in, as its plans' text says (then, and since the merger of 1 July 2025); null when unsaid. */
export function localityLede(locality: Locality): { before: string; link: string; href: string } | null {
  const now = locality.plans[0]!.metadata.provinceNow.value;
  const then = locality.province;
  if (!now) return null;
  return {
    href: provinceUrl(now),
    ...(then === locality.name
      ? now === then ? { before: '', link: `Mọi văn bản trong ${now}, ở mọi cấp` } : { before: 'Nay thuộc ', link: now }
      : { before: then && then !== now ? `Thuộc ${then}, nay thuộc ` : 'Thuộc ', link: now }),
  };
}

/** How many localities the plans given were issued in: namesakes of two provinces are two (a plan that does not say where counts as one unknown place). */
export function localityCount(planIds: Iterable<string>, plansById: ReadonlyMap<string, PlanEntry>): number {
  return new Set([...new Set(planIds)].map((id) => {
    const plan = plansById.get(id);
    return plan ? localityPageOf(plan.metadata) : null;
  })).size;
}
