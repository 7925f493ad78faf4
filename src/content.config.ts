// Content collections over what scripts/build.ts generates in content/generated/.
// The schemas check that contract at build time: a pipeline change that breaks
// it fails the Astro build instead of rendering a broken page.
import { BLOCK_ID } from '../scripts/pipeline/block-ids.ts';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { nationalReferenceSchema } from '../scripts/pipeline/national.ts';
import { provinceEntrySchema } from '../scripts/pipeline/provinces.ts';

// Tests build hostile fixtures into a folder of their own; the real build uses content/generated.
const generated = process.env.CONTENT_GENERATED ?? 'content/generated';

const sourced = <T extends z.ZodType>(value: T) =>
  z.object({ value: value.nullable(), source: z.enum(['text', 'sidecar']).nullable(), note: z.string().optional() });

const span = z.object({ start: z.number().int(), end: z.number().int() });

const block = z.object({
  id: z.string().regex(BLOCK_ID),
  kind: z.enum(['heading', 'paragraph', 'item', 'table']),
  depth: z.number().int().min(0),
  label: z.string().nullable(),
  text: z.string(),
  emphasis: z.array(span.extend({ kind: z.enum(['strong', 'em']) })),
  line: z.number().int(),
  part: z.enum(['header', 'body', 'closing']),
  original: z.string().optional(),
  uncertain: z.array(span).optional(),
  cells: z.array(z.array(span)).optional(),
  headerRow: z.boolean().optional(),
});

const plans = defineCollection({
  loader: file(`${generated}/plans.json`),
  schema: z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    displayTitle: z.string(),
    url: z.string(),
    sourceUrl: z.string(),
    sourceFile: z.string(),
    sourceSha256: z.string().length(64),
    metadata: z.object({
      type: sourced(z.string()),
      number: sourced(z.string()),
      date: sourced(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
      place: sourced(z.string()),
      issuer: sourced(z.string()),
      locality: sourced(z.string()),
      level: sourced(z.string()),
      province: sourced(z.string()),
      provinceNow: sourced(z.string()),
      approves: sourced(z.string()),
      summary: z.boolean(),
      signer: sourced(z.string()),
      signerCapacity: sourced(z.string()),
      title: sourced(z.string()),
      recipients: z.array(z.string()),
      footnotes: z.array(z.string()),
    }),
    blocks: z.array(block).min(1),
    outline: z.array(z.object({ id: z.string(), depth: z.number().int(), text: z.string() })),
    references: z.array(z.object({ docId: z.string(), mention: z.string(), blockId: z.string(), start: z.number(), end: z.number() })),
    docId: z.string().nullable(),
    implements: z.array(z.string()),
    implementedBy: z.array(z.string()),
    leadIn: z.number().int().optional(),
    ocr: z.object({ damageScore: z.number(), restored: z.boolean() }).optional(),
    sourceEncoding: z.object({ name: z.string(), note: z.string() }).optional(),
  }),
});

const planTexts = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${generated}/plans` }),
  schema: z.object({ planId: z.string() }),
});

const documents = defineCollection({
  loader: file(`${generated}/documents.json`),
  schema: z.object({
    id: z.string(),
    docId: z.string(),
    slug: z.string(),
    type: z.string(),
    number: z.string().nullable(),
    date: z.string().nullable(),
    title: z.string(),
    planId: z.string().nullable(),
    citations: z.array(z.object({ planId: z.string(), blockId: z.string(), sentence: z.string() })),
    implementedBy: z.array(z.string()),
  }),
});

// Targets (issue 4): every numeric commitment, and the findings computed from them.
const target = z.object({
  id: z.string(),
  plan: z.string(),
  locality: z.string().nullable(),
  level: z.string().nullable(),
  summary: z.boolean(),
  indicator: z.string(),
  derived: z.boolean(),
  year: z.number().int().nullable(),
  periodStart: z.number().int().nullable(),
  comparator: z.enum(['>', '>=', '=', '<', '<=', 'range']),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  unitKind: z.enum(['percent', 'percentPerYear', 'per10k', 'count', 'index', 'rank']),
  quote: z.string(),
  quoteStart: z.number().int(),
  quoteEnd: z.number().int(),
  paraphrase: z.literal(true).optional(),
  url: z.string(),
  kind: z.enum(['target', 'baseline']),
  blockId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  valueStart: z.number().int(),
  valueEnd: z.number().int(),
});

const targets = defineCollection({ loader: file(`${generated}/targets.json`), schema: target });

const findings = defineCollection({
  loader: file(`${generated}/findings.json`),
  schema: z.object({
    id: z.string(),
    kind: z.enum(['differs-from-national', 'differs-from-parent', 'conflicting-targets', 'national-not-restated']),
    plan: z.string(),
    indicator: z.string(),
    year: z.number().int(),
    text: z.string(),
    direction: z.enum(['higher', 'lower']).optional(),
    target: target.optional(),
    reference: target.optional(),
    targets: z.array(target).optional(),
  }),
});

// National references (57-NQ/TW): reviewed facts from content/national/, no text.
const national = defineCollection({
  loader: file(`${generated}/national.json`),
  schema: nationalReferenceSchema.extend({ id: z.string(), url: z.string(), displayTitle: z.string(), implementedBy: z.array(z.string()), primary: z.boolean() }),
});

const provinces = defineCollection({ loader: file(`${generated}/provinces.json`), schema: provinceEntrySchema });

export const collections = { plans, planTexts, documents, targets, findings, national, provinces };
