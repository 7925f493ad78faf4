// Scores what the pipeline publishes for the real documents of ../shared/corpus/ against their
// hand-read labels.json (issue 10's measures). Pure: labels and published records in, figures out.
//
// - metadata: locality, level, number, date of each labelled document (4 fields a document);
// - a labelled target is found when a published record of that document has the labelled value,
//   one of the labelled years (null matching null) and one of its keywords in the folded quote;
// - precision: the share of the document's published records that match some labelled target;
// - classified: found targets whose record has an indicator; comparator: found targets whose
//   record has the labelled comparator.
import { z } from 'zod';
import { fold } from '../pipeline/text.ts';

export const LabelsSchema = z.object({
  documents: z.array(
    z.object({
      file: z.string(),
      locality: z.string(),
      level: z.string(),
      issuer: z.string(),
      type: z.string(),
      number: z.string(),
      date: z.string(),
      signer: z.string(),
      implements: z.array(z.string()),
    }),
  ),
  targets: z.array(
    z.object({
      file: z.string(),
      concept: z.string(),
      years: z.array(z.number().nullable()),
      cmp: z.string(),
      value: z.number(),
      value_max: z.number().nullable(),
      keywords: z.array(z.string()),
      kind: z.string(),
      quote: z.string(),
    }),
  ),
});
export type Labels = z.infer<typeof LabelsSchema>;
type LabelledTarget = Labels['targets'][number];

/** The few fields of a published plan (plans.json) the score reads. */
export interface PublishedPlan {
  id: string;
  sourceFile: string;
  metadata: Record<string, { value: unknown } | unknown>;
}

/** The few fields of a published target record (targets.json) the score reads. */
export interface PublishedTarget {
  plan: string;
  indicator: string | null;
  year: number | null;
  comparator: string;
  value: number;
  quote: string;
}

export const METADATA_FIELDS = ['locality', 'level', 'number', 'date'] as const;

export interface FieldResult {
  field: string;
  expected: string;
  got: string | null;
  right: boolean;
}

export interface DocumentScore {
  file: string;
  planId: string | null;
  fields: FieldResult[];
  labelled: number;
  found: number;
  records: number;
  matchingRecords: number;
  classified: number;
  comparatorRight: number;
  missed: LabelledTarget[];
  unmatched: PublishedTarget[];
  /** concept → indicators its found records carry. */
  concepts: Map<string, Set<string | null>>;
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** Compare as a reader would: NFC, case and spacing aside ("310/KH-UBND" = "310/KH-UBND "). */
export function sameValue(expected: string, got: unknown): boolean {
  if (typeof got !== 'string') return false;
  const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, '');
  return norm(expected) === norm(got);
}

function fieldValue(plan: PublishedPlan, field: string): string | null {
  const entry = plan.metadata[field];
  const value = entry && typeof entry === 'object' && 'value' in entry ? (entry as { value: unknown }).value : entry;
  return typeof value === 'string' ? value : null;
}

export function matches(label: LabelledTarget, record: PublishedTarget): boolean {
  if (Math.abs(record.value - label.value) > 1e-9) return false;
  if (!label.years.includes(record.year)) return false;
  const quote = fold(record.quote.normalize('NFC')).replace(/\s+/g, ' ');
  return label.keywords.some((k) => quote.includes(fold(k.normalize('NFC')).replace(/\s+/g, ' ')));
}

export function scoreDocument(
  doc: Labels['documents'][number],
  labels: LabelledTarget[],
  plans: PublishedPlan[],
  targets: PublishedTarget[],
): DocumentScore {
  const plan = plans.find((p) => baseName(p.sourceFile) === doc.file) ?? null;
  const fields = METADATA_FIELDS.map((field) => {
    const got = plan ? fieldValue(plan, field) : null;
    return { field, expected: doc[field], got, right: sameValue(doc[field], got) };
  });
  const records = plan ? targets.filter((t) => t.plan === plan.id) : [];
  const concepts = new Map<string, Set<string | null>>();
  let found = 0;
  let classified = 0;
  let comparatorRight = 0;
  const missed: LabelledTarget[] = [];
  for (const label of labels) {
    const hits = records.filter((r) => matches(label, r));
    if (hits.length === 0) {
      missed.push(label);
      continue;
    }
    found++;
    const best = hits.find((r) => r.comparator === label.cmp) ?? hits[0]!;
    if (best.indicator) classified++;
    if (best.comparator === label.cmp) comparatorRight++;
    const set = concepts.get(label.concept) ?? new Set();
    set.add(best.indicator);
    concepts.set(label.concept, set);
  }
  const unmatched = records.filter((r) => !labels.some((l) => matches(l, r)));
  return {
    file: doc.file,
    planId: plan?.id ?? null,
    fields,
    labelled: labels.length,
    found,
    records: records.length,
    matchingRecords: records.length - unmatched.length,
    classified,
    comparatorRight,
    missed,
    unmatched,
    concepts,
  };
}

export function scoreCorpus(labels: Labels, plans: PublishedPlan[], targets: PublishedTarget[]): DocumentScore[] {
  return labels.documents.map((doc) =>
    scoreDocument(
      doc,
      labels.targets.filter((t) => t.file === doc.file),
      plans,
      targets,
    ),
  );
}

export interface Totals {
  fieldsRight: number;
  fields: number;
  found: number;
  labelled: number;
  matchingRecords: number;
  records: number;
  classified: number;
  comparatorRight: number;
}

export function totals(scores: DocumentScore[]): Totals {
  const sum = (f: (s: DocumentScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  return {
    fieldsRight: sum((s) => s.fields.filter((f) => f.right).length),
    fields: sum((s) => s.fields.length),
    found: sum((s) => s.found),
    labelled: sum((s) => s.labelled),
    matchingRecords: sum((s) => s.matchingRecords),
    records: sum((s) => s.records),
    classified: sum((s) => s.classified),
    comparatorRight: sum((s) => s.comparatorRight),
  };
}
