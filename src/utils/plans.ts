// Read the generated collections once per build and answer the questions pages ask.
import { getCollection, type CollectionEntry } from 'astro:content';
import { slugify } from '../../scripts/pipeline/text.ts';
import { collator, levelRank } from './format.ts';

export type PlanEntry = CollectionEntry<'plans'>['data'];
export type DocumentEntry = CollectionEntry<'documents'>['data'];
export type NationalEntry = CollectionEntry<'national'>['data'];

export async function allPlans(): Promise<PlanEntry[]> {
  const plans = (await getCollection('plans')).map((e) => e.data);
  return plans.sort(
    (a, b) =>
      levelRank(a.metadata.level.value) - levelRank(b.metadata.level.value) ||
      collator.compare(a.metadata.locality.value ?? '', b.metadata.locality.value ?? '') ||
      (a.metadata.date.value ?? '').localeCompare(b.metadata.date.value ?? ''),
  );
}

export async function allDocuments(): Promise<DocumentEntry[]> {
  return (await getCollection('documents')).map((e) => e.data);
}

/** National references (57-NQ/TW): facts and targets, no text. */
export async function allNationalReferences(): Promise<NationalEntry[]> {
  return (await getCollection('national')).map((e) => e.data);
}

export function localitySlug(plan: PlanEntry): string | null {
  const name = plan.metadata.locality.value;
  return name ? slugify(`${plan.metadata.level.value ?? ''} ${name}`) : null;
}

export interface Locality {
  slug: string;
  name: string;
  level: string | null;
  plans: PlanEntry[];
}

export function localities(plans: PlanEntry[]): Locality[] {
  const map = new Map<string, Locality>();
  for (const plan of plans) {
    const slug = localitySlug(plan);
    if (!slug) continue;
    const entry = map.get(slug) ?? { slug, name: plan.metadata.locality.value!, level: plan.metadata.level.value, plans: [] };
    entry.plans.push(plan);
    map.set(slug, entry);
  }
  return [...map.values()].sort((a, b) => levelRank(a.level) - levelRank(b.level) || collator.compare(a.name, b.name));
}

/** Where a cited document's page is: the plan itself when the library has it. */
export function documentHref(doc: Pick<DocumentEntry, 'slug' | 'planId'>): string {
  return `/van-ban-dan-chieu/${doc.slug}/`;
}
