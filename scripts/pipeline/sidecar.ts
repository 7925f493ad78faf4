// Reviewed sidecar files: `<seed>.meta.json` next to a seed supplies metadata
// the text does not give, each value with a note saying where a person found it.
// A sidecar fills unknown fields only, unless a field says "override": true
// (for a scan whose header is garbled, say); a conflict is reported.
import { z } from 'zod';
import type { PlanMetadata, SourcedValue } from './types.ts';
import { SeedError } from './types.ts';

const fieldSchema = z.object({
  value: z.string().min(1),
  note: z.string().min(1, 'every sidecar value needs a note saying where it comes from'),
  override: z.boolean().optional(),
});

const FIELD_NAMES = ['type', 'number', 'date', 'place', 'issuer', 'locality', 'level', 'province', 'provinceNow', 'signer', 'signerCapacity', 'title'] as const;
type FieldName = (typeof FIELD_NAMES)[number];

export const sidecarSchema = z.object({
  $comment: z.string().optional(),
  fields: z.partialRecord(z.enum(FIELD_NAMES), fieldSchema).default({}),
  /** The first N paragraphs are not the document's own text (a publisher's lead-in): shown, marked, not extracted. */
  leadIn: z.number().int().min(0).default(0),
});

export type Sidecar = z.infer<typeof sidecarSchema>;

export function parseSidecar(json: string, file: string): Sidecar {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new SeedError(file, null, `sidecar is not valid JSON: ${(error as Error).message}`);
  }
  const result = sidecarSchema.safeParse(data);
  if (!result.success) {
    throw new SeedError(file, null, `sidecar does not match its schema: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (result.data.fields.date && !/^\d{4}-\d{2}-\d{2}$/.test(result.data.fields.date.value)) {
    throw new SeedError(file, null, 'sidecar date must be written YYYY-MM-DD');
  }
  return result.data;
}

/** Metadata with the sidecar's values applied, and the conflicts found (text value kept unless override). */
export function applySidecar(metadata: PlanMetadata, sidecar: Sidecar | null): { metadata: PlanMetadata; conflicts: string[] } {
  if (!sidecar) return { metadata, conflicts: [] };
  const next = { ...metadata } as PlanMetadata;
  const conflicts: string[] = [];
  for (const name of FIELD_NAMES) {
    const field = sidecar.fields[name as FieldName];
    if (!field) continue;
    const current = next[name] as SourcedValue<string>;
    if (current.value !== null && current.value !== field.value && !field.override) {
      conflicts.push(`${name}: text says "${current.value}", sidecar says "${field.value}" (text kept)`);
      continue;
    }
    if (current.value === null || field.override) {
      (next as unknown as Record<string, SourcedValue<string>>)[name] = { value: field.value, source: 'sidecar', note: field.note };
    }
  }
  return { metadata: next, conflicts };
}
