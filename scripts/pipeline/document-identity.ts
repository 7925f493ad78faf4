// Which document a citation means, once every plan is known. A national number
// ("57-NQ/TW", "03/NQ-CP") names one document in the country. A local one does not:
// every province has a "12-KH/TU", so two plans citing "12-KH/TU" may mean two documents.
// The date tells them apart: when the corpus shows one local number under two or more
// dates (in citations or as a plan's own date), each date becomes its own document
// ("12-KH/TU@2025-08-26"). With a single date the id stays the bare number, so URLs of
// today's corpus do not change until a real ambiguity appears.
import type { DocumentVocabulary } from './document-types.ts';
import { fold } from './text.ts';

/** A citation as the corpus stage sees it. */
export interface DatedCitation {
  /** The number-based id from findMentions ("12-KH/TU"). */
  docId: string;
  number: string | null;
  date: string | null;
  planId: string;
}

/** A plan's own number and date: it is the document others cite by that number. */
export interface OwnNumber {
  planId: string;
  number: string | null;
  date: string | null;
}

export interface DocumentIdentity {
  /** The id a citation resolves to. */
  citation(c: DatedCitation): string;
  /** The id other plans cite this plan by, or null when it has no number. */
  own(o: OwnNumber): string | null;
}

/** "57-NQ/TW" → "TW", "03/NQ-CP" → "CP", "36/2024/QH15" → "QH", "123/KH-UBND" → "UBND". */
export function issuerCodeOf(number: string): string | null {
  const segments = number.split(/[-/]/).filter((s) => /\p{L}/u.test(s));
  return segments.at(-1)?.replace(/\d+$/, '') ?? null;
}

export function isLocalNumber(number: string, vocabulary: DocumentVocabulary): boolean {
  const code = issuerCodeOf(number);
  if (!code) return false;
  const wanted = fold(code);
  const entry = Object.entries(vocabulary.issuerCodes).find(([key]) => fold(key) === wanted)?.[1];
  // An issuer the vocabulary does not know is treated as national: never split on a guess.
  return entry?.scope === 'local';
}

export function datedId(number: string, date: string): string {
  return `${number}@${date}`;
}

/** The date a dated id carries ("12-KH/TU@2025-08-26" → "2025-08-26"), else null. */
export function dateOfId(docId: string): string | null {
  return docId.split('@')[1] ?? null;
}

/** Adds a date to the set kept under a key. */
function addDate(map: Map<string, Set<string>>, key: string, date: string): void {
  map.set(key, (map.get(key) ?? new Set<string>()).add(date));
}

export function resolveDocumentIdentity(citations: DatedCitation[], owners: OwnNumber[], vocabulary: DocumentVocabulary): DocumentIdentity {
  const datesOf = new Map<string, Set<string>>();
  for (const c of citations) if (c.date && c.number && isLocalNumber(c.number, vocabulary)) addDate(datesOf, c.docId, c.date);
  for (const o of owners) if (o.date && o.number && isLocalNumber(o.number, vocabulary)) addDate(datesOf, o.number, o.date);
  const ambiguous = (id: string) => (datesOf.get(id)?.size ?? 0) > 1;

  // An undated citation of an ambiguous number means what the same plan cites with a date,
  // when it gives exactly one.
  const planDates = new Map<string, Set<string>>();
  for (const c of citations) if (c.date && ambiguous(c.docId)) addDate(planDates, `${c.planId}\u0000${c.docId}`, c.date);

  return {
    citation(c) {
      if (!ambiguous(c.docId) || !c.number) return c.docId;
      if (c.date) return datedId(c.number, c.date);
      const dates = planDates.get(`${c.planId}\u0000${c.docId}`);
      return dates?.size === 1 ? datedId(c.number, [...dates][0]!) : c.docId;
    },
    own(o) {
      if (!o.number) return null;
      return ambiguous(o.number) && o.date ? datedId(o.number, o.date) : o.number;
    },
  };
}
