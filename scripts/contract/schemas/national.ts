// National references (Resolution 57-NQ/TW, …) as reviewed facts, not copied text: the files of
// content/national/ (each document's metadata, where its official text is published, its numeric
// targets with their section) and their pages' entries (content/generated/national.json).
import { z } from 'zod';
import { NATIONAL_LEVEL } from '../levels.ts';
import { comparatorSchema } from './targets.ts';

const nationalTargetSchema = z
  .object({
    /** "II.1 Mục tiêu đến năm 2030": the label path of the section, then its name. */
    section: z.string().regex(/^[IVXLC]+(\.\d+)* \S/u, 'section starts with its label path, e.g. "II.1 …"'),
    indicator: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    year: z.number().int().min(2000).max(2100).nullable(),
    comparator: comparatorSchema,
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
    level: z.literal(NATIONAL_LEVEL),
    /** Where a reviewer found a metadata value, per field. */
    notes: z.record(z.string(), z.string()).default({}),
    /** Where the official text is published. */
    published: z.array(publicationSchema).min(1),
    targets: z.array(nationalTargetSchema).min(1),
  })
  .strict();

/** What the site shows of a reference: its facts, its address and the plans that implement it. */
export const nationalPageSchema = nationalReferenceSchema.extend({
  id: z.string(),
  url: z.string(),
  displayTitle: z.string(),
  implementedBy: z.array(z.string()),
  /** The reference local targets are compared with (the one most plans implement). */
  primary: z.boolean(),
});

export type NationalReference = z.infer<typeof nationalReferenceSchema>;
export type NationalTarget = NationalReference['targets'][number];
export type NationalPage = z.infer<typeof nationalPageSchema>;
