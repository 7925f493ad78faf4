// Read the generated data once per build (utils/generated-data.ts) and answer the questions pages ask.
// Every page of a build shares one read: a thousand plan pages must not each fetch and
// sort every plan (issue 16).
import { entries, type Entry } from './generated-data.ts';
import { compareReadingOrder } from '../../scripts/contract/reading-order.ts';

export type PlanEntry = Entry<'plans'>;
export type DocumentEntry = Entry<'documents'>;
export type NationalEntry = Entry<'national'>;

export interface Library {
  /** Every plan, in reading order. */
  plans: readonly PlanEntry[];
  plansById: ReadonlyMap<string, PlanEntry>;
  /** Plan id → its position in `plans`. */
  rank: ReadonlyMap<string, number>;
  documents: readonly DocumentEntry[];
  /** Per plan id, the cited document that is that plan (the page listing what cites and implements it). */
  documentOfPlan: ReadonlyMap<string, DocumentEntry>;
  /** Per plan id, the cited documents it cites, other than itself, in the documents' order. */
  citedBy: ReadonlyMap<string, DocumentEntry[]>;
  /** Per plan id, the documents it says it implements (its "văn bản căn cứ"), in the plan's order. */
  basedOn: ReadonlyMap<string, DocumentEntry[]>;
  /** Read when first asked for: the pipeline places national.json with the targets (which reference is primary), after the plans' files. */
  readonly national: readonly NationalEntry[];
}

let cache: Promise<Library> | null = null;

export function library(): Promise<Library> {
  cache ??= (async () => {
    const plans = [...entries('plans')].sort(compareReadingOrder);
    const documents = entries('documents');
    const citedBy = new Map<string, DocumentEntry[]>();
    for (const d of documents) {
      for (const planId of new Set(d.citations.map((c) => c.planId))) {
        if (planId === d.planId) continue;
        const list = citedBy.get(planId);
        if (list) list.push(d);
        else citedBy.set(planId, [d]);
      }
    }
    // The first document of each plan (the one a page links to), looked up rather than scanned for per page.
    const documentOfPlan = new Map<string, DocumentEntry>();
    for (const d of documents) if (d.planId && !documentOfPlan.has(d.planId)) documentOfPlan.set(d.planId, d);
    const byDocId = new Map<string, DocumentEntry>();
    for (const d of documents) if (!byDocId.has(d.docId)) byDocId.set(d.docId, d);
    const basedOn = new Map(plans.map((p) => [p.id, p.implements.flatMap((id) => byDocId.get(id) ?? [])]));
    return {
      plans,
      plansById: new Map(plans.map((p) => [p.id, p])),
      rank: new Map(plans.map((p, i) => [p.id, i])),
      documents,
      documentOfPlan,
      citedBy,
      basedOn,
      get national() {
        return entries('national');
      },
    };
  })();
  return cache;
}

/** Every plan in reading order (a copy the caller may sort). */
export async function allPlans(): Promise<PlanEntry[]> {
  return [...(await library()).plans];
}

/** Every cited document (a copy the caller may sort). */
export async function allDocuments(): Promise<DocumentEntry[]> {
  return [...(await library()).documents];
}

/** National references (57-NQ/TW): facts and targets, no text. */
export async function allNationalReferences(): Promise<NationalEntry[]> {
  return [...(await library()).national];
}
