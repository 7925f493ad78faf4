// The document-type vocabulary (content/taxonomy/document-types.json), loaded once.
import { readFileSync } from 'node:fs';
import { fold } from './text.ts';
import type { Level } from './types.ts';

export interface DocumentType {
  name: string;
  codes: string[];
  slug: string;
}

export interface IssuerCode {
  name: string;
  /** "national": numbers unique in the country; "local": the same number recurs in every province. */
  scope: 'national' | 'local';
}

export interface DocumentVocabulary {
  types: DocumentType[];
  issuerCodes: Record<string, IssuerCode>;
  committees: Record<string, Level>;
  /** Words that open an appendix ("Phụ lục"), folded. */
  appendixStarts: string[];
}

const file = new URL('../../content/taxonomy/document-types.json', import.meta.url);

function withoutComments<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !k.startsWith('$'))) as T;
}

export function loadVocabulary(): DocumentVocabulary {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Omit<DocumentVocabulary, 'appendixStarts'> & { appendices: { starts: string[] } };
  return {
    appendixStarts: raw.appendices.starts.map(fold),
    types: [...raw.types].sort((a, b) => b.name.length - a.name.length),
    issuerCodes: withoutComments(raw.issuerCodes),
    committees: withoutComments(raw.committees),
  };
}

/** The document type a line starts with, matched on folded text so that a scan's "KE HOACH" counts. */
export function typeAtStart(line: string, vocabulary: DocumentVocabulary): DocumentType | null {
  const folded = fold(line).replace(/[*_]/g, '').trim();
  for (const type of vocabulary.types) {
    const name = fold(type.name);
    if (folded === name || folded.startsWith(name + ' ')) return type;
  }
  return null;
}

/** The type whose number code this is: "CTr" → Chương trình hành động. */
export function typeForCode(code: string, vocabulary: DocumentVocabulary): DocumentType | null {
  const wanted = fold(code);
  return vocabulary.types.find((t) => t.codes.some((c) => fold(c) === wanted)) ?? null;
}
