// Cross-plan facts: which plan implements which, every cited document with the
// sentences that cite it. Input: all plans of the build; output: plain data.
import type { Citation, CitedDocumentPage } from '../contract/schemas/document.ts';
import type { Plan } from './types.ts';
import { citedDocuments, documentSlug, implementedDocuments, type Mention } from './references.ts';
import { resolveDocumentIdentity } from './document-identity.ts';
import { blockFacts } from './block-facts.ts';
import { implementersOf } from './implementers.ts';
import type { DocumentVocabulary } from './document-types.ts';

export type { Citation, CitedDocumentPage };

/** A mention in a plan: its block, and the sentence around it there (sentenceAround, found when the plan is assembled). */
export type PlanMention = Mention & { planId: string; blockId: string; sentence: string };

/**
 * Every citation and every plan's own number resolved to one document id across the library
 * (a local number cited under two dates is two documents), and each plan's references and
 * `implements` rewritten with those ids.
 */
export function resolveCitations(plans: Plan[], mentions: PlanMention[], vocabulary: DocumentVocabulary): { plans: Plan[]; mentions: PlanMention[] } {
  // A plan cites the local documents of its own province ("12-KH/TU" of Hải Phòng is not Lạng Sơn's).
  const provinceOf = new Map(plans.map((p) => [p.id, p.metadata.province.value]));
  const identity = resolveDocumentIdentity(
    mentions.map((m) => ({ ...m, province: provinceOf.get(m.planId) ?? null })),
    plans.map((p) => ({ planId: p.id, number: p.metadata.number.value, date: p.metadata.date.value, province: p.metadata.province.value })),
    vocabulary,
  );
  const resolved = mentions.map((m) => ({ ...m, docId: identity.citation({ ...m, province: provinceOf.get(m.planId) ?? null }) }));
  const idAt = new Map(resolved.map((m) => [`${m.planId}#${m.blockId}#${m.start}`, m.docId]));
  return {
    mentions: resolved,
    plans: plans.map((plan) => {
      const references = plan.references.map((r) => ({ ...r, docId: idAt.get(`${plan.id}#${r.blockId}#${r.start}`) ?? r.docId }));
      const docId = plan.metadata.summary ? null : identity.own({ planId: plan.id, number: plan.metadata.number.value, date: plan.metadata.date.value, province: plan.metadata.province.value });
      return { ...plan, docId, references, implements: implementedDocuments(blockFacts(plan.blocks, vocabulary).implementsScope, references, vocabulary) };
    }),
  };
}

/** A plan whose own document id is the cited document's id. */
function planByDocId(plans: Plan[]): Map<string, Plan> {
  const map = new Map<string, Plan>();
  for (const plan of plans) if (plan.docId) map.set(plan.docId, plan);
  return map;
}

export function buildCitedDocuments(plans: Plan[], mentions: PlanMention[]): CitedDocumentPage[] {
  const byDocId = planByDocId(plans);
  const implementers = implementersOf(plans);
  const mentionsOf = Map.groupBy(mentions, (m) => m.docId);
  return citedDocuments(mentions).map((doc) => {
    const citations = (mentionsOf.get(doc.docId) ?? []).map((m) => ({ planId: m.planId, blockId: m.blockId, sentence: m.sentence }));
    // One citation per plan and sentence: a sentence naming a document twice is listed once.
    const unique = [...new Map(citations.map((c) => [`${c.planId}#${c.blockId}#${c.sentence}`, c])).values()];
    return {
      ...doc,
      slug: documentSlug(doc.docId),
      planId: byDocId.get(doc.docId)?.id ?? null,
      citations: unique,
      implementedBy: implementers(doc.docId),
    };
  });
}

/** For each plan: the ids of the plans that implement it (their `implements` names its docId). */
export function implementedByMap(plans: Plan[]): Map<string, string[]> {
  const implementers = implementersOf(plans);
  return new Map(plans.map((plan) => [plan.id, plan.docId ? implementers(plan.docId).filter((id) => id !== plan.id) : []]));
}
