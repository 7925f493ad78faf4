// National references (Resolution 57-NQ/TW, …) as reviewed facts, not as copied text:
// content/national/*.json holds each document's metadata, where its official text is
// published, and its numeric targets, each with the section it comes from. The project
// holds no text written elsewhere except the seeds, so these documents have no body.
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { slugify } from './text.ts';
import { planAnchorUrl, planUrl, targetAnchor } from '../contract/addresses.ts';
import type { Target, Taxonomy } from './targets/types.ts';
import type { Plan } from './types.ts';
import { implementersOf } from './implementers.ts';

const nationalTargetSchema = z
  .object({
    /** "II.1 Mục tiêu đến năm 2030": the label path of the section, then its name. */
    section: z.string().regex(/^[IVXLC]+(\.\d+)* \S/u, 'section starts with its label path, e.g. "II.1 …"'),
    indicator: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    year: z.number().int().min(2000).max(2100).nullable(),
    comparator: z.enum(['>', '>=', '=', '<', '<=', 'range']),
    value: z.number(),
    valueMax: z.number().optional(),
    unit: z.string().min(1),
    kind: z.enum(['target', 'baseline']).default('target'),
    /** The text states the level in words, not as a number ("toàn quốc" = 100%). */
    implicit: z.boolean().default(false),
    /** The reviewer's own short paraphrase, never a quotation. */
    label: z.string().min(5),
  })
  .strict()
  .refine((t) => (t.comparator === 'range') === (t.valueMax !== undefined), 'a range, and only a range, has valueMax');

const publicationSchema = z.object({ name: z.string().min(3), url: z.url().optional(), note: z.string().optional() }).strict();

export const nationalReferenceSchema = z
  .object({
    $comment: z.string().min(20),
    type: z.string().min(3),
    number: z.string().min(3),
    issuer: z.string().min(3),
    date: z.iso.date(),
    signer: z.string().min(3),
    signerCapacity: z.string().optional(),
    title: z.string().min(10),
    locality: z.string().min(2),
    level: z.literal('trung ương'),
    /** Where a reviewer found a metadata value, per field. */
    notes: z.record(z.string(), z.string()).default({}),
    /** Where the official text is published. */
    published: z.array(publicationSchema).min(1),
    targets: z.array(nationalTargetSchema).min(1),
  })
  .strict();

export type NationalReference = z.infer<typeof nationalReferenceSchema>;
export type NationalTarget = NationalReference['targets'][number];


const defaultDir = new URL('../../content/national/', import.meta.url);

/** Every reference of content/national/, validated; a file that breaks the schema stops the build. */
export function loadNationalReferences(dir: URL = defaultDir): NationalReference[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.map((f) => {
    const parsed = nationalReferenceSchema.safeParse(JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
    if (!parsed.success) throw new Error(`content/national/${f}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

/** Page id, built like a plan's (locality + number), so the page keeps the address it had: "viet-nam-57-nq-tw". */
export function nationalId(ref: Pick<NationalReference, 'locality' | 'number'>): string {
  return slugify(`${ref.locality} ${ref.number}`);
}

/** "Nghị quyết số 57-NQ/TW của Bộ Chính trị". */
export function nationalTitle(ref: Pick<NationalReference, 'type' | 'number' | 'issuer'>): string {
  return `${ref.type} số ${ref.number} của ${ref.issuer}`;
}

/**
 * The facts as target records, so that findings, charts and open data compare local plans
 * with them like with any plan's targets. The quote is the reviewer's paraphrase (the text
 * is not held); the url is the target's row on the reference's page.
 */
export function nationalTargets(ref: NationalReference, taxonomy: Taxonomy): Target[] {
  const id = nationalId(ref);
  const kinds = new Map(taxonomy.indicators.map((i) => [i.id, i.unitKind]));
  return ref.targets.map((t, i) => {
    const unitKind = kinds.get(t.indicator);
    if (!unitKind) throw new Error(`content/national: ${ref.number} names indicator "${t.indicator}", not in content/indicators/indicators.json`);
    const anchor = targetAnchor(i);
    return {
      id: `${id}:${anchor}:1`,
      plan: id,
      locality: ref.locality,
      level: ref.level,
      summary: false,
      indicator: t.indicator,
      derived: false,
      year: t.year,
      periodStart: null,
      comparator: t.comparator,
      value: t.value,
      valueMax: t.valueMax ?? null,
      unit: t.unit,
      unitKind,
      quote: t.label,
      quoteStart: 0,
      quoteEnd: t.label.length,
      paraphrase: true,
      url: planAnchorUrl(id, anchor),
      kind: t.kind,
      blockId: anchor,
      start: 0,
      end: t.label.length,
      valueStart: 0,
      valueEnd: 0,
    };
  });
}

/** The reference most plans say they implement (57-NQ/TW for this library): the "national target" of comparisons. */
export function primaryReference(refs: NationalReference[], plans: Pick<Plan, 'id' | 'implements'>[]): NationalReference | null {
  const implementers = implementersOf(plans);
  let best: { ref: NationalReference; n: number } | null = null;
  for (const ref of refs) {
    const n = implementers(ref.number).length;
    if (!best || n > best.n) best = { ref, n };
  }
  return best?.ref ?? null;
}

/** What the site shows of a reference: its facts, its address and the plans that implement it. */
export function nationalPage(ref: NationalReference, plans: Pick<Plan, 'id' | 'implements'>[]) {
  const id = nationalId(ref);
  return {
    ...ref,
    id,
    url: planUrl(id),
    displayTitle: nationalTitle(ref),
    implementedBy: implementersOf(plans)(ref.number),
  };
}
