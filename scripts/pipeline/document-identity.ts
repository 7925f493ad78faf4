// Which document a citation means, once every plan is known. A national number
// ("57-NQ/TW", "03/NQ-CP") names one document in the country. A local one does not:
// every province has a "12-KH/TU", so two plans citing "12-KH/TU" may mean two documents.
// The date tells them apart: when the library shows one local number under two or more
// dates (in citations or as a plan's own date), each date becomes its own document
// ("12-KH/TU@2025-08-26"). The province does too: a plan cites the local documents of its
// own province, so an undated citation takes the one date its province shows, and a number
// seen in two provinces with no date to tell them apart is one document per province
// ("12-KH/TU@hai-phong"). With a single date and province the id stays the bare number,
// so URLs of today's library do not change until a real ambiguity appears.
import type { DocumentVocabulary } from './document-types.ts';
import { fold, slugify } from './text.ts';

/** A citation as the library stage sees it. */
export interface DatedCitation {
  /** The number-based id from findMentions ("12-KH/TU"). */
  docId: string;
  number: string | null;
  date: string | null;
  planId: string;
  /** The citing plan's province (gazetteer name), when known: a local number is that province's. */
  province?: string | null;
}

/** A plan's own number and date: it is the document others cite by that number. */
export interface OwnNumber {
  planId: string;
  number: string | null;
  date: string | null;
  province?: string | null;
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

/** "12-KH/TU" of Hải Phòng → "12-KH/TU@hai-phong". */
export function provincialId(number: string, province: string): string {
  return `${number}@${slugify(province)}`;
}

/** The date a dated id carries ("12-KH/TU@2025-08-26", "12-KH/TU@hai-phong@2025-08-26" → "2025-08-26"), else null. */
export function dateOfId(docId: string): string | null {
  return docId.split('@').find((part) => /^\d{4}-\d{2}-\d{2}$/.test(part)) ?? null;
}

/** Adds a date to the set kept under a key. */
function addDate(map: Map<string, Set<string>>, key: string, date: string): void {
  map.set(key, (map.get(key) ?? new Set<string>()).add(date));
}

export function resolveDocumentIdentity(citations: DatedCitation[], owners: OwnNumber[], vocabulary: DocumentVocabulary): DocumentIdentity {
  const occurrences = [
    ...citations.filter((c) => c.number && isLocalNumber(c.number, vocabulary)).map((c) => ({ key: c.docId, date: c.date, province: c.province ?? null })),
    ...owners.filter((o) => o.number && isLocalNumber(o.number, vocabulary)).map((o) => ({ key: o.number!, date: o.date, province: o.province ?? null })),
  ];
  const datesOf = new Map<string, Set<string>>();
  const provincesOf = new Map<string, Set<string>>();
  const datesIn = new Map<string, Set<string>>();
  for (const o of occurrences) {
    if (o.date) addDate(datesOf, o.key, o.date);
    if (o.province) addDate(provincesOf, o.key, o.province);
    if (o.date && o.province) addDate(datesIn, `${o.key}\u0000${o.province}`, o.date);
  }
  const several = (map: Map<string, Set<string>>, key: string) => (map.get(key)?.size ?? 0) > 1;
  const single = (set: Set<string> | undefined) => (set?.size === 1 ? [...set][0]! : null);

  // An undated citation means what the same plan cites with a date, else what its province's documents show, when either gives exactly one date.
  const planDates = new Map<string, Set<string>>();
  for (const c of citations) if (c.date) addDate(planDates, `${c.planId}\u0000${c.docId}`, c.date);

  const resolve = (number: string, date: string | null, province: string | null): string => {
    if (several(datesOf, number) && date) return datedId(number, date);
    if (several(provincesOf, number) && province) return provincialId(number, province);
    return number;
  };
  return {
    citation(c) {
      if (!c.number || !isLocalNumber(c.number, vocabulary)) return c.docId;
      const province = c.province ?? null;
      const date = c.date ?? single(planDates.get(`${c.planId}\u0000${c.docId}`)) ?? (province ? single(datesIn.get(`${c.docId}\u0000${province}`)) : null);
      return resolve(c.docId, date, province);
    },
    own(o) {
      if (!o.number) return null;
      if (!isLocalNumber(o.number, vocabulary)) return o.number;
      const province = o.province ?? null;
      return resolve(o.number, o.date ?? (province ? single(datesIn.get(`${o.number}\u0000${province}`)) : null), province);
    },
  };
}
