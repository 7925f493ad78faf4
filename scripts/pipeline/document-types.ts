// The document vocabulary: types (content/taxonomy/document-types.json), the words of
// headers and signatures (header-vocabulary.ts) and the gazetteer, loaded together.
import { readFileSync } from 'node:fs';
import { fold } from './text.ts';
import { loadHeaderVocabulary, type HeaderVocabulary } from './header-vocabulary.ts';
import { loadGazetteer, type Gazetteer } from './gazetteer.ts';

export interface DocumentType {
  name: string;
  codes: string[];
  slug: string;
}

export interface IssuerCode {
  name: string;
  /** "national": numbers unique in the country; "local": the same number recurs in every province. */
  scope: 'national' | 'local';
  /** A Party body or steering committee: its decisions are part of the programme a plan implements. */
  party?: boolean;
}

/** Which cited documents a plan implements (see "implements" in document-types.json). */
export interface ImplementsRule {
  openers: string[];
  legalBasisTypes: string[];
}

export interface DocumentVocabulary {
  types: DocumentType[];
  issuerCodes: Record<string, IssuerCode>;
  /** Words that open an appendix ("Phụ lục"), folded. */
  appendixStarts: string[];
  implements: ImplementsRule;
  header: HeaderVocabulary;
  gazetteer: Gazetteer;
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
    implements: withoutComments(raw.implements),
    header: loadHeaderVocabulary(),
    gazetteer: loadGazetteer(),
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
