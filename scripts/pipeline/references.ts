// Stage 6: cited documents. Every "Nghị quyết số 57-NQ/TW ngày 22/12/2024",
// "Kế hoạch số 12-KH/TU", bare "57-NQ/TW", "Luật Dữ liệu" becomes a Reference
// with one normalized identifier, so plans can link to what they implement.
import type { Block, CitedDocument, Reference } from './types.ts';
import { typeAtStart, typeForCode, type DocumentVocabulary } from './document-types.ts';
import { fold, slugify } from './text.ts';
import { dateOfId, issuerCodeOf } from './document-identity.ts';
import { formatIsoDate } from '../contract/format.ts';

/** A document number: "57-NQ/TW", "319-CTr/TU", "03/NQ-CP", "204-QĐ/TW", "09-KH/ĐU", "36/2024/QH15", "6225/BVHTTDL-VP". */
export const NUMBER = String.raw`\d{1,4}(?:\/\d{4})?\s?[-\/]\s?[A-ZĐ][A-Za-zĐđ]{0,7}(?:\s?[-\/][A-ZĐ][A-Za-zĐđ0-9]{0,7}){1,2}`;
// "ngày", or a scan's "ngay".
const DATE = String.raw`(?:\s*,?\s*\(?ng\p{L}{1,2}y\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})\)?)?`;
/** A law named by its title: "Luật Dữ liệu", "Luật Khoa học, công nghệ và đổi mới sáng tạo" stops at punctuation or a linking word. */
const LAW = /Luật\s+(\p{Lu}[\p{Ll}]*(?:\s+(?!và\b|của\b|năm\b|số\b|để\b|theo\b|được\b|có\b|đã\b)[\p{Ll}\d]+){0,6})/gu;

export interface Mention {
  docId: string;
  type: string;
  number: string | null;
  date: string | null;
  title: string;
  start: number;
  end: number;
  text: string;
}

function typePattern(vocabulary: DocumentVocabulary): string {
  return vocabulary.types
    .filter((t) => t.name !== 'Luật')
    .map((t) => t.name)
    .join('|');
}

/** "57 - NQ/TW" → "57-NQ/TW". */
export function canonicalNumber(raw: string): string {
  return raw.replace(/\s+/g, '');
}

export function findMentions(text: string, vocabulary: DocumentVocabulary): Mention[] {
  const mentions: Mention[] = [];
  const typed = new RegExp(String.raw`(?:(${typePattern(vocabulary)})\s+(?:số\s+)?)?(${NUMBER})(?![\p{L}\d])${DATE}`, 'gu');
  for (let m = typed.exec(text); m; m = typed.exec(text)) {
    const number = canonicalNumber(m[2]!);
    const code = /[-\/]([A-ZĐ][A-Za-zĐđ]{0,5})[-\/]/.exec(number)?.[1] ?? '';
    const type = m[1] ?? typeForCode(code, vocabulary)?.name ?? 'Văn bản';
    const date = m[3] ? `${m[5]}-${m[4]!.padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
    mentions.push({ docId: number, type, number, date, title: `${type} số ${number}`, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (let m = LAW.exec(text); m; m = LAW.exec(text)) {
    const name = m[1]!.trim();
    mentions.push({ docId: `luat-${slugify(name)}`, type: 'Luật', number: null, date: null, title: `Luật ${name}`, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

export function findReferences(blocks: Block[], vocabulary: DocumentVocabulary): { references: Reference[]; mentions: (Mention & { blockId: string })[] } {
  const mentions = blocks.flatMap((b) => findMentions(b.text, vocabulary).map((m) => ({ ...m, blockId: b.id })));
  const references = mentions.map((m) => ({ docId: m.docId, mention: m.text, blockId: m.blockId, start: m.start, end: m.end }));
  return { references, mentions };
}

/** The sentence around [start, end) of a text: from the previous ". " or "; " to the next one. */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '));
  const after = text.slice(end).search(/[.;](\s|$)/);
  const to = after < 0 ? text.length : end + after + 1;
  // A title's kept line breaks are not sentence breaks.
  return text.slice(from < 0 ? 0 : from + 2, to).replace(/\s*\n\s*/g, ' ').trim();
}

/** Per block id, ranges of its text: [start, end) pairs. */
export type BlockRanges = [string, [number, number][]][];

/**
 * Where a plan says what it carries out: its header and the preamble paragraphs that open its
 * body ("Căn cứ …", "Thực hiện …", "Triển khai …"); in a portal page whose header the parser
 * did not find, the opener clauses of its first block. The plan's own (block-facts.ts).
 */
export function implementsScope(blocks: readonly Block[], vocabulary: DocumentVocabulary): BlockRanges {
  const { openers } = vocabulary.implements;
  const opener = new RegExp(`^[*_\\s]*(?:${openers.map((o) => fold(o)).join('|')})\\b`);
  const header = blocks.filter((b) => b.part === 'header');
  const scope = new Map<string, [number, number][]>(header.map((b) => [b.id, [[0, b.text.length]]]));
  const body = blocks.filter((b) => b.part === 'body');
  for (const b of body) {
    if (!opener.test(fold(b.text))) break;
    scope.set(b.id, [[0, b.text.length]]);
  }
  if (header.length === 0 && body[0] && !scope.has(body[0].id)) {
    // Opener clauses inside one long block: from "Căn cứ" to the end of its line's clause (";" or "." closing a line).
    const text = body[0].text;
    const folded = fold(text);
    const clauses: [number, number][] = [];
    for (const line of folded.matchAll(/^.*$/gmu)) {
      if (!opener.test(line[0])) continue;
      const end = /[;.][*_]*\s*(?:\n|$)/u.exec(folded.slice(line.index));
      clauses.push([line.index, end ? line.index + end.index + end[0].length : text.length]);
    }
    scope.set(body[0].id, clauses);
  }
  return [...scope];
}

/**
 * The documents a plan says it carries out: those cited where it says so (`scope`,
 * implementsScope). Legal bases (laws, the State's decisions) are left out, a Party body's
 * decisions are not.
 */
export function implementedDocuments(scope: BlockRanges, references: Reference[], vocabulary: DocumentVocabulary): string[] {
  const { legalBasisTypes } = vocabulary.implements;
  const ranges = new Map(scope);
  const legalBasis = new Set(legalBasisTypes.map(fold));
  const partyCodes = new Set(Object.entries(vocabulary.issuerCodes).filter(([, c]) => c.party).map(([k]) => fold(k)));
  const isLegalBasis = (r: Reference) => {
    if (r.docId.startsWith('luat-')) return true;
    const number = r.docId.split('@')[0]!;
    const type = typeAtStart(r.mention, vocabulary)?.name ?? typeForCode(/[-/]([A-ZĐ][A-Za-zĐđ]{0,5})[-/]/u.exec(number)?.[1] ?? '', vocabulary)?.name;
    const code = issuerCodeOf(number);
    return type !== undefined && legalBasis.has(fold(type)) && !(code && partyCodes.has(fold(code)));
  };
  const ids = references
    .filter((r) => ranges.get(r.blockId)?.some(([from, to]) => r.start >= from && r.end <= to))
    .filter((r) => !isLegalBasis(r))
    .map((r) => r.docId);
  return [...new Set(ids)];
}

/** One entry per cited document across all plans; the first date any mention gives is kept. */
export function citedDocuments(mentions: Mention[]): CitedDocument[] {
  const byId = new Map<string, CitedDocument>();
  for (const m of mentions) {
    // A local number told apart by its date ("12-KH/TU@2025-08-26") shows the date in its title.
    const dated = dateOfId(m.docId);
    const title = (t: string) => (dated ? `${t} ngày ${formatIsoDate(dated)}` : t);
    const known = byId.get(m.docId);
    if (!known) byId.set(m.docId, { docId: m.docId, type: m.type, number: m.number, date: m.date ?? dated, title: title(m.title) });
    else {
      known.date ??= m.date;
      // A typed mention ("Nghị quyết số …") names the type better than a bare number.
      if (known.type === 'Văn bản' && m.type !== 'Văn bản') Object.assign(known, { type: m.type, title: title(m.title) });
    }
  }
  return [...byId.values()];
}

export function documentSlug(docId: string): string {
  return slugify(docId);
}
