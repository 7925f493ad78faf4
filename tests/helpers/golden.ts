// What a golden file holds of one document (tests/golden.test.ts): what the pipeline read from
// it — metadata, outline, references, targets — and how the build accounted for the file.
// A document written elsewhere (../shared/corpus/) must leave none of its words in the
// repository: `withoutText` keeps its ids, numbers, dates, levels, values and offsets and
// replaces every string read from its words by a hash, so a change still shows as a diff.
import { createHash } from 'node:crypto';
import type { FileAccount } from '../../scripts/build/report.ts';
import type { Target } from '../../scripts/pipeline/targets/types.ts';
import type { Plan, PlanMetadata, SourcedValue } from '../../scripts/pipeline/types.ts';

/** The fields of a target a golden file keeps: the plan, its place and its url are the document's own. */
const TARGET_FIELDS = [
  'id', 'kind', 'indicator', 'derived', 'year', 'periodStart', 'comparator', 'value', 'valueMax', 'unit', 'unitKind',
  'blockId', 'quoteStart', 'quoteEnd', 'start', 'end', 'valueStart', 'valueEnd', 'quote',
] as const satisfies readonly (keyof Target)[];

type GoldenTarget = Pick<Target, (typeof TARGET_FIELDS)[number]>;

export interface GoldenRecord {
  file: string;
  outcome: FileAccount['outcome'];
  /** The plan it was published as (for a duplicate: the plan published instead). */
  plan?: string;
  docId?: string | null;
  implements?: string[];
  ocr?: Plan['ocr'];
  /** Blocks of each kind. */
  blocks?: Record<string, number>;
  metadata?: PlanMetadata;
  outline?: Plan['outline'];
  references?: Plan['references'];
  targets?: GoldenTarget[];
}

/** The golden record of one input file: its account, and when it was published, what was read from it. */
export function goldenRecord(account: FileAccount, plan: Plan | undefined, targets: Target[]): GoldenRecord {
  const head = { file: account.file, outcome: account.outcome, ...(account.plan ? { plan: account.plan } : {}) };
  if (!plan) return head;
  const blocks: Record<string, number> = {};
  for (const b of plan.blocks) blocks[b.kind] = (blocks[b.kind] ?? 0) + 1;
  return {
    ...head,
    docId: plan.docId,
    implements: plan.implements,
    ...(plan.ocr ? { ocr: plan.ocr } : {}),
    blocks,
    metadata: plan.metadata,
    outline: plan.outline,
    references: plan.references,
    targets: targets.map((t) => Object.fromEntries(TARGET_FIELDS.map((f) => [f, t[f]])) as GoldenTarget),
  };
}

/** "sha256:" and the first 16 hex digits of the NFC text's SHA-256. */
export function textHash(text: string): string {
  return `sha256:${createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 16)}`;
}

/** Metadata fields whose values are vocabulary, numbers or gazetteer names, not the document's own words. */
const VOCABULARY_FIELDS = new Set<keyof PlanMetadata>(['type', 'number', 'date', 'level', 'province', 'provinceNow']);

function redactField(field: keyof PlanMetadata, v: PlanMetadata[keyof PlanMetadata]): unknown {
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(textHash);
  const sourced = v as SourcedValue<string>;
  const value = sourced.value === null || VOCABULARY_FIELDS.has(field) ? sourced.value : textHash(sourced.value);
  return { ...sourced, value, ...(sourced.note === undefined ? {} : { note: textHash(sourced.note) }) };
}

/** The record with every string read from the document's words hashed: subject lines, names, notes, headings, mentions, quotes, units and derived indicator ids. */
export function withoutText(record: GoldenRecord): GoldenRecord {
  const { metadata, outline, references, targets } = record;
  if (!metadata || !outline || !references || !targets) return record;
  return {
    ...record,
    metadata: Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, redactField(k as keyof PlanMetadata, v)])) as unknown as PlanMetadata,
    outline: outline.map((o) => ({ ...o, text: textHash(o.text) })),
    references: references.map((r) => ({ ...r, mention: textHash(r.mention) })),
    targets: targets.map((t) => ({
      ...t,
      indicator: t.derived ? textHash(t.indicator) : t.indicator,
      unit: t.unit === null ? null : textHash(t.unit),
      quote: textHash(t.quote),
    })),
  };
}

/** JSON with each object of only plain values on one line (a metadata field, an outline entry, a target), so a diff shows whole entries. */
export function goldenJson(value: unknown, indent = ''): string {
  const flat = (v: unknown) => v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'));
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((x) => flat(x))) return JSON.stringify(value);
    return `[\n${value.map((v) => inner + goldenJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.every(([, v]) => flat(v))) return JSON.stringify(Object.fromEntries(entries));
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${goldenJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** The strings of a golden record that could be words of the document: any with a space, outside the vocabulary fields. */
export function wordyStrings(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return /\s/u.test(value) ? [`${path.join('.')}: ${value}`] : [];
  if (value === null || typeof value !== 'object') return [];
  if (path.length === 2 && path[0] === 'metadata' && VOCABULARY_FIELDS.has(path[1] as keyof PlanMetadata)) return [];
  return Object.entries(value).flatMap(([k, v]) => wordyStrings(v, [...path, k]));
}
