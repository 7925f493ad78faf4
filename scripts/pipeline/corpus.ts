// Cross-plan facts: which plan implements which, every cited document with the
// sentences that cite it. Input: all plans of the build; output: plain data.
import type { CitedDocument, Plan } from './types.ts';
import { citedDocuments, documentSlug, type Mention } from './references.ts';

export interface Citation {
  planId: string;
  blockId: string;
  /** The sentence of the block that holds the mention, as displayed. */
  sentence: string;
}

export interface CitedDocumentPage extends CitedDocument {
  slug: string;
  /** The plan in this corpus that has this number, if any. */
  planId: string | null;
  citations: Citation[];
  /** Plans that say they implement this document. */
  implementedBy: string[];
}

/** The sentence around [start, end) of a text: from the previous ". " or "; " to the next one. */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '));
  const after = text.slice(end).search(/[.;](\s|$)/);
  const to = after < 0 ? text.length : end + after + 1;
  // A title's kept line breaks are not sentence breaks.
  return text.slice(from < 0 ? 0 : from + 2, to).replace(/\s*\n\s*/g, ' ').trim();
}

/** A plan whose own number is the document's id. */
function planByNumber(plans: Plan[]): Map<string, Plan> {
  const map = new Map<string, Plan>();
  for (const plan of plans) if (plan.metadata.number.value) map.set(plan.metadata.number.value, plan);
  return map;
}

export function buildCitedDocuments(plans: Plan[], mentions: (Mention & { planId: string; blockId: string })[]): CitedDocumentPage[] {
  const byNumber = planByNumber(plans);
  const blockText = new Map(plans.flatMap((p) => p.blocks.map((b) => [`${p.id}#${b.id}`, b.text] as const)));
  return citedDocuments(mentions).map((doc) => {
    const citations = mentions
      .filter((m) => m.docId === doc.docId)
      .map((m) => ({ planId: m.planId, blockId: m.blockId, sentence: sentenceAround(blockText.get(`${m.planId}#${m.blockId}`) ?? '', m.start, m.end) }));
    // One citation per plan and sentence: a sentence naming a document twice is listed once.
    const unique = [...new Map(citations.map((c) => [`${c.planId}#${c.blockId}#${c.sentence}`, c])).values()];
    return {
      ...doc,
      slug: documentSlug(doc.docId),
      planId: byNumber.get(doc.docId)?.id ?? null,
      citations: unique,
      implementedBy: plans.filter((p) => p.implements.includes(doc.docId)).map((p) => p.id),
    };
  });
}

/** For each plan: the ids of the plans that implement it (their `implements` names its number). */
export function implementedByMap(plans: Plan[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const plan of plans) {
    const number = plan.metadata.number.value;
    map.set(plan.id, number ? plans.filter((p) => p.id !== plan.id && p.implements.includes(number)).map((p) => p.id) : []);
  }
  return map;
}
