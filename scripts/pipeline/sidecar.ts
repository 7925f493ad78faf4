// Reviewed sidecar files: `<seed>.meta.json` next to a seed supplies metadata
// the text does not give, each value with a note saying where a person found it.
// A sidecar fills unknown fields only, unless a field says "override": true
// (for a scan whose header is garbled, say); a conflict is reported.
import { z } from 'zod';
import { levelSchema } from '../contract/schemas/document.ts';
import type { PlanMetadata } from './types.ts';
import { SeedError } from './types.ts';

const fieldSchema = z.strictObject({
  value: z.string().min(1),
  note: z.string().min(1, 'every sidecar value needs a note saying where it comes from'),
  override: z.boolean().optional(),
});

const FIELD_NAMES = ['type', 'number', 'date', 'place', 'issuer', 'locality', 'level', 'province', 'provinceNow', 'signer', 'signerCapacity', 'subject'] as const;
type FieldName = (typeof FIELD_NAMES)[number];

const fieldsSchema = z.strictObject(
  Object.fromEntries(FIELD_NAMES.map((name) => [name, fieldSchema.optional()])) as Record<FieldName, z.ZodOptional<typeof fieldSchema>>,
).extend({
  // A real calendar date written YYYY-MM-DD: 2025-02-30 is refused.
  date: fieldSchema.extend({ value: z.iso.date('a real date written YYYY-MM-DD') }).optional(),
  // One of the administrative levels, as the published data names them ("tỉnh", "xã").
  level: fieldSchema.extend({ value: levelSchema }).optional(),
});

export const sidecarSchema = z.strictObject({
  $comment: z.string().optional(),
  fields: fieldsSchema.default({}),
  /** The first N paragraphs are not the document's own text (a publisher's lead-in): shown, marked, not extracted. */
  leadIn: z.number().int().min(0).default(0),
});

export type Sidecar = z.infer<typeof sidecarSchema>;

/** Every problem of a sidecar in one line each: where (a path such as fields.date.value) and what. */
function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((i) => {
      const where = i.path.length ? i.path.join('.') : '(top level)';
      const allowed = i.code === 'unrecognized_keys' ? ` (allowed: ${Object.keys(i.path.length === 0 ? sidecarSchema.shape : i.path.length === 1 ? fieldsSchema.shape : fieldSchema.shape).join(', ')})` : '';
      return `${where}: ${i.message}${allowed}`;
    })
    .join('; ');
}

/** A sidecar's bytes (UTF-8, with or without the byte-order mark Notepad writes) → its reviewed values. */
export function parseSidecar(bytes: Uint8Array, file: string): Sidecar {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'not valid UTF-8';
    throw new SeedError(file, null, `sidecar is not valid JSON: ${reason}`);
  }
  const result = sidecarSchema.safeParse(data);
  if (!result.success) throw new SeedError(file, null, `sidecar does not match its schema: ${describeIssues(result.error.issues)}`);
  return result.data;
}

/** Metadata with the sidecar's values applied, and the conflicts found (text value kept unless override). */
export function applySidecar(metadata: PlanMetadata, sidecar: Sidecar | null): { metadata: PlanMetadata; conflicts: string[] } {
  if (!sidecar) return { metadata, conflicts: [] };
  const next: PlanMetadata = { ...metadata };
  const conflicts: string[] = [];
  for (const name of FIELD_NAMES) {
    const field = sidecar.fields[name as FieldName];
    if (!field) continue;
    const current = next[name];
    if (current.value !== null && current.value !== field.value && !field.override) {
      conflicts.push(`${name}: text says "${current.value}", sidecar says "${field.value}" (text kept)`);
      continue;
    }
    if (current.value === null || field.override) {
      Object.assign(next, { [name]: { value: field.value, source: 'sidecar', note: field.note } });
    }
  }
  return { metadata: next, conflicts };
}
