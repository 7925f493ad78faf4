// A cited document's page lists the plans that cite or implement it, each with its citing
// sentences; at thousands of plans (57-NQ/TW is cited by all) that list is paged.
import { collator } from './format.ts';
import type { DocumentEntry, PlanEntry } from './plans.ts';

export interface CitingPlan {
  plan: PlanEntry;
  sentences: DocumentEntry['citations'];
  /** The plan says it implements the document (a citing sentence or not). */
  implements: boolean;
}

/** Every plan citing or implementing `doc`, in the order of `plans` (the library's), none twice. */
export function citingPlans(doc: DocumentEntry, plans: PlanEntry[]): CitingPlan[] {
  const sentences = Map.groupBy(doc.citations, (c) => c.planId);
  const implementers = new Set(doc.implementedBy);
  return plans
    .filter((p) => sentences.has(p.id) || implementers.has(p.id))
    .map((plan) => ({ plan, sentences: sentences.get(plan.id) ?? [], implements: implementers.has(plan.id) }));
}

/** The list of cited documents: most cited first, then by title. */
export function byCitations(documents: DocumentEntry[]): DocumentEntry[] {
  return [...documents].sort((a, b) => b.citations.length - a.citations.length || collator.compare(a.title, b.title));
}
