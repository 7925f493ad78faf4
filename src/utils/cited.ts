// A cited document's page lists the plans that cite or implement it, each with its citing
// sentences; at thousands of plans (57-NQ/TW is cited by all) that list is paged.
import { collator } from './format.ts';
import type { DocumentEntry, Library, PlanEntry } from './plans.ts';

export interface CitingPlan {
  plan: PlanEntry;
  sentences: DocumentEntry['citations'];
  /** The plan says it implements the document (a citing sentence or not). */
  implements: boolean;
}

/** Every plan citing or implementing `doc`, in the library's order, none twice: looked up, not a scan of every plan per document. */
export function citingPlans(doc: DocumentEntry, library: Pick<Library, 'plansById' | 'rank'>): CitingPlan[] {
  const sentences = Map.groupBy(doc.citations, (c) => c.planId);
  const implementers = new Set(doc.implementedBy);
  return [...new Set([...sentences.keys(), ...implementers])]
    .flatMap((id) => library.plansById.get(id) ?? [])
    .sort((a, b) => library.rank.get(a.id)! - library.rank.get(b.id)!)
    .map((plan) => ({ plan, sentences: sentences.get(plan.id) ?? [], implements: implementers.has(plan.id) }));
}

/** The list of cited documents: most cited first, then by title. */
export function byCitations(documents: DocumentEntry[]): DocumentEntry[] {
  return [...documents].sort((a, b) => b.citations.length - a.citations.length || collator.compare(a.title, b.title));
}
