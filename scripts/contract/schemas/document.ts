// A plan as the pipeline reads it (blocks, metadata with where each value comes from, references)
// and as the site publishes it (plans.json, documents.json). Key order is the order of the
// published JSON: a collection entry comes out of its schema in this order.
import { z } from 'zod';
import { LEVELS } from '../levels.ts';

export const levelSchema = z.enum(LEVELS);

/** Every block id matches this: "p" and five base-36 digits of its content hash, "-2"… for a repeat (pipeline/block-ids.ts). */
export const BLOCK_ID = /^p[0-9a-z]{5}(-\d+)?$/;

/** An inline span inside a block's text: [start, end) in UTF-16 code units of `Block.text`. */
export const spanSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const emphasisSpanSchema = spanSchema.extend({ kind: z.enum(['strong', 'em']) });

/**
 * One unit of the document as displayed: a heading, a paragraph, a list item or a table.
 * `text` is exactly what the reader sees (NFC, no Markdown markers); emphasis is kept
 * separately as spans so that quotes and search use plain text.
 */
export const blockSchema = z.object({
  /** Stable id, unique in the document, the permalink anchor (from its content, see pipeline/block-ids.ts). */
  id: z.string().regex(BLOCK_ID),
  kind: z.enum(['heading', 'paragraph', 'item', 'table']),
  /** Heading depth (1 = "I.", 2 = "1.", 3 = "1.1.", 4 = "a)"); 0 for paragraphs and items. */
  depth: z.number().int().min(0),
  /** The numbering as written ("I-", "2.1.", "a)"), or null. It is also the start of `text`. */
  label: z.string().nullable(),
  text: z.string(),
  emphasis: z.array(emphasisSpanSchema),
  /** 1-based line in the normalized source where the block starts (for error messages). */
  line: z.number().int(),
  /** Which part of the document the block belongs to. */
  part: z.enum(['header', 'body', 'closing']),
  /** Set only when the text was restored from a damaged scan: the text as scanned. */
  original: z.string().optional(),
  /** Spans of `text` the OCR restorer was not sure about (left as scanned). */
  uncertain: z.array(spanSchema).optional(),
  /** Tables only: rows of cells, each cell a span of `text` (cells are joined by "\n" in `text`). */
  cells: z.array(z.array(spanSchema)).optional(),
  /** Tables only: the first row names the columns. */
  headerRow: z.boolean().optional(),
});

export const outlineEntrySchema = z.object({ id: z.string(), depth: z.number().int(), text: z.string() });

/** 'text' = read from the document; 'sidecar' = from the reviewed .meta.json file; null = unknown. */
export const valueSourceSchema = z.enum(['text', 'sidecar']).nullable();

/** A field read from the text, or supplied by a reviewed sidecar file, or unknown (value null). */
export const sourced = <T extends z.ZodType>(value: T) =>
  z.object({
    value: value.nullable(),
    source: valueSourceSchema,
    /** For sidecar values: the note saying where the reviewer found it; for some text values, where in the text. */
    note: z.string().optional(),
  });

const sourcedText = sourced(z.string());

export const planMetadataSchema = z.object({
  /** "Chương trình hành động", "Kế hoạch", "Nghị quyết"… */
  type: sourcedText,
  /** "319-CTr/TU". */
  number: sourcedText,
  /** ISO "2025-02-19". */
  date: sourced(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  /** "Ninh Thuận" as in "Ninh Thuận, ngày …". */
  place: sourcedText,
  /** "Ban Thường vụ Tỉnh ủy Ninh Thuận". */
  issuer: sourcedText,
  /** "Ninh Thuận", "Yết Kiêu", "Việt Nam" for a central body. */
  locality: sourcedText,
  level: sourced(levelSchema),
  /** The province or centrally-run city the locality was in when the document was issued (gazetteer name). */
  province: sourcedText,
  /** The province it is part of since the merger of 1 July 2025 (the same name when unchanged). */
  provinceNow: sourcedText,
  /** For a decision approving a plan or programme: what it approves ("Chương trình phát triển Chính phủ số"). */
  approves: sourcedText,
  /** A portal or press summary of a plan, not the plan itself. */
  summary: z.boolean(),
  signer: sourcedText,
  /** "T/M BAN THƯỜNG VỤ, BÍ THƯ". */
  signerCapacity: sourcedText,
  /** The subject line, trích yếu ("Triển khai thực hiện …"). */
  subject: sourcedText,
  recipients: z.array(z.string()),
  footnotes: z.array(z.string()),
});

/** A document cited in the text, normalized to one identifier. */
export const referenceSchema = z.object({
  /** Normalized identifier, e.g. "57-NQ/TW", "03/NQ-CP", "luat-du-lieu". */
  docId: z.string(),
  /** The words as written, e.g. "Nghị quyết số 57-NQ/TW ngày 22/12/2024". */
  mention: z.string(),
  blockId: z.string(),
  start: z.number(),
  end: z.number(),
});

/** A plan as the pipeline makes it, before the site adds its addresses. */
export const planSchema = z.object({
  /** URL slug, stable across rebuilds. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** File name under seeds/. */
  sourceFile: z.string(),
  sourceSha256: z.string().length(64),
  metadata: planMetadataSchema,
  blocks: z.array(blockSchema).min(1),
  outline: z.array(outlineEntrySchema),
  references: z.array(referenceSchema),
  /**
   * The id other plans cite this one by: its number, or number@date when the library holds
   * two local documents with that number (see pipeline/document-identity.ts). Null without a number.
   */
  docId: z.string().nullable(),
  /** docIds of the documents this plan says it implements ("Thực hiện ..."). */
  implements: z.array(z.string()),
  /** The first N blocks are a publisher's lead-in, not the document (from the reviewed sidecar). */
  leadIn: z.number().int().optional(),
  /** Set when the text came from a damaged scan and was restored. */
  ocr: z.object({ damageScore: z.number(), restored: z.boolean() }).optional(),
  /** Set when the file was in a legacy encoding (or mis-converted) and was converted: said on the page. */
  sourceEncoding: z.object({ name: z.string(), note: z.string() }).optional(),
});

/** The plan with its title and addresses, as the build holds it (its text included). */
export const sitePlanSchema = planSchema.extend({
  /** "Kế hoạch số 233-KH/TU của Ban Thường vụ Thành ủy Rạch Giá". */
  displayTitle: z.string(),
  url: z.string(),
  sourceUrl: z.string(),
  /** Plans of the library that say they implement this one. */
  implementedBy: z.array(z.string()),
});

/**
 * An entry of plans.json: the plan without its text. The text reaches the pages once, as the
 * plan's HTML file (pipeline/emit-html.ts); what pages need from it is computed by the pipeline.
 * Strict: a plans.json that carries the text again is refused, not silently read.
 */
export const planEntrySchema = sitePlanSchema
  .extend({
    /** The blocks' ids in reading order (targets are placed by them, contract/reading-order.ts). */
    blocks: z.array(blockSchema.pick({ id: true }).strict()),
    /** The abbreviations of the glossary the text uses (contract/glossary.ts), in glossary order. */
    abbreviations: z.array(z.string()),
  })
  .strict();

export const citedDocumentSchema = z.object({
  docId: z.string(),
  /** "Nghị quyết", "Quyết định", "Luật"… */
  type: z.string(),
  number: z.string().nullable(),
  /** ISO, when any mention gives it. */
  date: z.string().nullable(),
  /** Display title, e.g. "Nghị quyết số 57-NQ/TW". */
  title: z.string(),
});

export const citationSchema = z.object({
  planId: z.string(),
  blockId: z.string(),
  /** The sentence of the block that holds the mention, as displayed. */
  sentence: z.string(),
});

/** A cited document with every sentence that cites it. */
export const citedDocumentPageSchema = citedDocumentSchema.extend({
  slug: z.string(),
  /** The plan in this library that has this number, if any. */
  planId: z.string().nullable(),
  citations: z.array(citationSchema),
  /** Plans that say they implement this document. */
  implementedBy: z.array(z.string()),
});

/** An entry of documents.json: its id is its slug. */
export const documentEntrySchema = z.object({ id: z.string() }).extend(citedDocumentPageSchema.shape);

export type Span = z.infer<typeof spanSchema>;
export type EmphasisSpan = z.infer<typeof emphasisSpanSchema>;
export type Block = z.infer<typeof blockSchema>;
export type OutlineEntry = z.infer<typeof outlineEntrySchema>;
export type SourcedValue<T> = { value: T | null } & Omit<z.infer<typeof sourcedText>, 'value'>;
export type PlanMetadata = z.infer<typeof planMetadataSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type Plan = z.infer<typeof planSchema>;
export type SitePlan = z.infer<typeof sitePlanSchema>;
export type PlanEntry = z.infer<typeof planEntrySchema>;
export type CitedDocument = z.infer<typeof citedDocumentSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type CitedDocumentPage = z.infer<typeof citedDocumentPageSchema>;
