// The data contract shared by every pipeline stage (decode → normalize → parse →
// restore → metadata → references → targets → emit) and by the site.
// Stages are plain functions from one of these shapes to the next.

/** Administrative level of the issuing locality. */
export type Level = 'trung ương' | 'tỉnh' | 'thành phố' | 'huyện' | 'quận' | 'thị xã' | 'xã' | 'phường' | 'thị trấn' | 'đặc khu';

/** An inline span inside a block's text: [start, end) in UTF-16 code units of `Block.text`. */
export interface Span {
  start: number;
  end: number;
}

export interface EmphasisSpan extends Span {
  kind: 'strong' | 'em';
}

/**
 * One unit of the document as displayed: a heading, a paragraph or a list item.
 * `text` is exactly what the reader sees (NFC, no Markdown markers); emphasis is
 * kept separately as spans so that quotes and search use plain text.
 */
export interface Block {
  /** Stable id, unique in the document, used as the permalink anchor (e.g. "p0k3xz": from its content, see block-ids.ts). */
  id: string;
  kind: 'heading' | 'paragraph' | 'item' | 'table';
  /** Heading depth (1 = "I.", 2 = "1.", 3 = "1.1.", 4 = "a)"); 0 for paragraphs and items. */
  depth: number;
  /** The numbering as written ("I-", "2.1.", "a)"), or null. It is also the start of `text`. */
  label: string | null;
  text: string;
  emphasis: EmphasisSpan[];
  /** 1-based line in the normalized source where the block starts (for error messages). */
  line: number;
  /** Which part of the document the block belongs to. */
  part: 'header' | 'body' | 'closing';
  /** Tables only: rows of cells, each cell a span of `text` (cells are joined by "\n" in `text`). */
  cells?: Span[][];
  /** Tables only: the first row names the columns. */
  headerRow?: boolean;
  /** Set only when the text was restored from a damaged scan: the text as scanned. */
  original?: string;
  /** Spans of `text` the OCR restorer was not sure about (left as scanned). */
  uncertain?: Span[];
}

export interface OutlineEntry {
  id: string;
  depth: number;
  text: string;
}

/** A field read from the text, or supplied by a reviewed sidecar file, or unknown. */
export interface SourcedValue<T> {
  value: T | null;
  /** 'text' = read from the document; 'sidecar' = from the reviewed .meta.json file; null = unknown. */
  source: 'text' | 'sidecar' | null;
  /** For sidecar values: the note saying where the reviewer found it; for some text values, where in the text. */
  note?: string;
}

export interface PlanMetadata {
  type: SourcedValue<string>; // "Chương trình hành động" | "Kế hoạch" | "Kế hoạch hành động" | "Nghị quyết" ...
  number: SourcedValue<string>; // "319-CTr/TU"
  date: SourcedValue<string>; // ISO "2025-02-19"
  place: SourcedValue<string>; // "Ninh Thuận" as in "Ninh Thuận, ngày ..."
  issuer: SourcedValue<string>; // "Ban Thường vụ Tỉnh ủy Ninh Thuận"
  locality: SourcedValue<string>; // "Ninh Thuận", "Yết Kiêu", "Việt Nam" for a central body
  level: SourcedValue<Level>;
  /** The province or centrally-run city the locality was in when the document was issued (gazetteer name). */
  province: SourcedValue<string>;
  /** The province it is part of since the merger of 1 July 2025 (the same name when unchanged). */
  provinceNow: SourcedValue<string>;
  /** For a decision approving a plan or programme: what it approves ("Chương trình phát triển Chính phủ số"). */
  approves: SourcedValue<string>;
  /** A portal or press summary of a plan, not the plan itself. */
  summary: boolean;
  signer: SourcedValue<string>;
  signerCapacity: SourcedValue<string>; // "T/M BAN THƯỜNG VỤ, BÍ THƯ"
  title: SourcedValue<string>; // the subject line ("Triển khai thực hiện ...")
  recipients: string[];
  footnotes: string[];
}

/** A document cited in the text, normalized to one identifier. */
export interface Reference {
  /** Normalized identifier, e.g. "57-NQ/TW", "03/NQ-CP", "luat-du-lieu". */
  docId: string;
  /** The words as written, e.g. "Nghị quyết số 57-NQ/TW ngày 22/12/2024". */
  mention: string;
  blockId: string;
  start: number;
  end: number;
}

export interface CitedDocument {
  docId: string;
  type: string; // "Nghị quyết", "Quyết định", "Luật" ...
  number: string | null;
  date: string | null; // ISO when any mention gives it
  title: string; // display title, e.g. "Nghị quyết số 57-NQ/TW"
}

export interface Plan {
  /** URL slug, stable across rebuilds. */
  id: string;
  sourceFile: string; // file name under seeds/
  sourceSha256: string;
  metadata: PlanMetadata;
  blocks: Block[];
  outline: OutlineEntry[];
  references: Reference[];
  /**
   * The id other plans cite this one by: its number, or number@date when the corpus holds
   * two local documents with that number (see document-identity.ts). Null without a number.
   */
  docId: string | null;
  /** docIds of the documents this plan says it implements ("Thực hiện ..."). */
  implements: string[];
  /** The first N blocks are a publisher's lead-in, not the document (from the reviewed sidecar). */
  leadIn?: number;
  /** Set when the text came from a damaged scan and was restored. */
  ocr?: { damageScore: number; restored: boolean };
  /** Set when the file was in a legacy encoding (or mis-converted) and was converted: said on the page. */
  sourceEncoding?: { name: string; note: string };
}

/** Raised for bad input: always names the file, and the line or byte when known. */
export class SeedError extends Error {
  readonly file: string;
  readonly line: number | null;
  constructor(file: string, line: number | null, message: string) {
    super(`${file}${line != null ? `:${line}` : ''}: ${message}`);
    this.name = 'SeedError';
    this.file = file;
    this.line = line;
  }
}
