// The data contract shared by every pipeline stage (decode → normalize → parse →
// restore → metadata → references → targets → emit) and by the site is defined once,
// as Zod schemas in scripts/contract/schemas/; its types are re-exported here under the
// names the stages use.
export type { Level } from '../contract/levels.ts';
export type { Block, CitedDocument, EmphasisSpan, OutlineEntry, Plan, PlanMetadata, Reference, SourcedValue, Span } from '../contract/schemas/document.ts';

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
