// "Which plans implement document X", answered in one place for the cited documents' pages,
// a plan's "văn bản triển khai" and the national references: every plan is indexed once
// under each document it says it implements (a lookup, not a scan of every plan per document).

import type { Plan } from './types.ts';

/** The form two ways of writing one document number share: "57 - NQ/TW" and "57-NQ/TW" name one document. */
export function documentKey(docId: string): string {
  return docId.replace(/\s+/g, '').toUpperCase();
}

/** A function from a document id to the ids of the plans implementing it, in the order of `plans`. */
export function implementersOf(plans: Pick<Plan, 'id' | 'implements'>[]): (docId: string) => string[] {
  const index = new Map<string, string[]>();
  for (const plan of plans) {
    for (const key of new Set(plan.implements.map(documentKey))) {
      const list = index.get(key);
      if (list) list.push(plan.id);
      else index.set(key, [plan.id]);
    }
  }
  return (docId) => [...(index.get(documentKey(docId)) ?? [])];
}
