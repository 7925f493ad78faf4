// Stage 5: metadata from the header, the preamble and the signature block.
// Every value is read from the text (or left unknown); matching is done on
// folded text (fold keeps indexes) so a scan's "KE HOACH" or "T/M BAN THUONG VU"
// still counts, and the value shown is cut from the text itself.
import type { Block, Level, PlanMetadata, SourcedValue } from './types.ts';
import { typeAtStart, type DocumentVocabulary } from './document-types.ts';
import { fold, isAllCaps, isMostlyCaps } from './text.ts';

const unknown = <T>(): SourcedValue<T> => ({ value: null, source: null });
const fromText = <T>(value: T | null): SourcedValue<T> => (value == null ? unknown<T>() : { value, source: 'text' });

/** "Số 319- CTr/TU", "S4 233-KH/TU", "Số 09 -KH/ĐU" → "319-CTr/TU". Only a line that is nothing but the number. */
const NUMBER_LINE = /^(?:\S{1,3}\s*)?(\d{1,4})\s*-\s*([\p{L}]{1,6})\s*\/\s*([\p{L}]{1,6}(?:-[\p{L}]{1,6})?)$/u;
/** "Ninh Thuận, ngày 19 tháng 02 năm 2025" (folded, tolerant of a scan's vowels). */
const PLACE_DATE = /^(.+?),\s*ng\S{1,3}\s+(\d{1,2})\s+th\S{2,4}\s+(\d{1,2})\s+n\S{1,3}\s+(\d{4})/;
/** Capacity words at the end of a signature line: "BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "T/M BAN THƯỜNG VỤ". */
const CAPACITY_START = /(?:^|[\s,:;])((?:t\/m|kt\.?|tm\.?)\s+\S.*|(?:ph\S{0,2}\s+)?b\S{1,2}\s+th\S{0,2}(?:\s+th\S+\s+tr\S+)?|ch\S{0,2}\s+t\S{2,4})$/;
const PERSON_NAME = /^(?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;

export interface HeaderFacts {
  type: string | null;
  title: string | null;
  number: string | null;
  place: string | null;
  date: string | null;
  /** Committee named in the header ("ĐẢNG ỦY XÃ YẾT KIÊU"), as [committee, name]. */
  organization: { committee: string; name: string | null } | null;
}

function lines(blocks: Block[]): string[] {
  return blocks.flatMap((b) => b.text.split('\n')).map((l) => l.trim()).filter(Boolean);
}

/** "YẾT KIÊU" → "Yết Kiêu": names written in capitals in the header. */
export function titleCaseName(name: string): string {
  return name
    .toLocaleLowerCase('vi')
    .split(/(\s+|-)/)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join('');
}

function isoDate(day: string, month: string, year: string): string | null {
  const d = Number(day), m = Number(month), y = Number(year);
  // A date that is not in the calendar (30/02) is not published.
  if (m < 1 || m > 12 || d < 1 || new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A committee ("Tỉnh ủy", "Đảng ủy xã") at `index` of the folded text, longest first. */
function committeeAt(folded: string, index: number, vocabulary: DocumentVocabulary): string | null {
  const names = Object.keys(vocabulary.committees).sort((a, b) => b.length - a.length);
  return names.find((c) => folded.startsWith(fold(c), index) && !/\p{L}/u.test(folded.charAt(index + c.length))) ?? null;
}

export function readHeader(header: Block[], vocabulary: DocumentVocabulary): HeaderFacts {
  const facts: HeaderFacts = { type: null, title: null, number: null, place: null, date: null, organization: null };
  const typeIndex = header.findIndex((b) => typeAtStart(b.text.split('\n')[0]!, vocabulary));
  if (typeIndex >= 0) {
    const [typeLine, ...rest] = header[typeIndex]!.text.split('\n');
    const subject = rest.length ? rest.join(' ') : header[typeIndex + 1]?.text.replace(/\n/g, ' ') ?? null;
    // "CHƯƠNG TRÌNH" + "hành động thực hiện …" is a Chương trình hành động.
    const longer = subject ? typeAtStart(`${typeLine} ${subject}`, vocabulary) : null;
    facts.type = (longer ?? typeAtStart(typeLine!, vocabulary))!.name;
    facts.title = subject;
  }
  for (const line of lines(header)) {
    const number = NUMBER_LINE.exec(line);
    if (number && !facts.number) facts.number = `${number[1]}-${number[2]}/${number[3]}`;
    const placeDate = PLACE_DATE.exec(fold(line));
    if (placeDate && !facts.date) {
      facts.place = line.slice(0, placeDate[1]!.length).trim();
      facts.date = isoDate(placeDate[2]!, placeDate[3]!, placeDate[4]!);
    }
    if (isAllCaps(line)) {
      const committee = committeeAt(fold(line), 0, vocabulary);
      if (committee) {
        const name = line.slice(committee.length).trim();
        facts.organization = { committee, name: name ? titleCaseName(name) : null };
      }
    }
  }
  return facts;
}

/** "Ban Thường vụ Thành ủy Phan Rang - Tháp Chàm ban hành …" → committee and name, from the preamble or title. */
export function readIssuer(texts: string[], vocabulary: DocumentVocabulary): { committee: string; name: string | null } | null {
  for (const text of texts) {
    const folded = fold(text);
    const re = /ban th\S{3,6}\s+v\S\s+/g;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const at = m.index + m[0].length;
      const committee = committeeAt(folded, at, vocabulary);
      if (!committee) continue;
      const after = text.slice(at + committee.length);
      // The name runs from the committee to the verb: "… Phan Rang - Tháp Chàm ban hành".
      const name = /^\s+((?:\p{Lu}[\p{L}]*)(?:\s*-\s*\p{Lu}[\p{L}]*|\s+\p{Lu}[\p{L}]*)*)\s+(?:ban hành|xây dựng|triển khai)/u.exec(after);
      const verbFollows = /^\s*(?:\S+\s+){0,5}?(?:ban h|x\S{1,2}y d|tri\S{1,3}n khai)/.test(fold(after));
      if (name || verbFollows) return { committee, name: name?.[1] ?? null };
    }
  }
  return null;
}

export interface Signature {
  capacity: string | null;
  signer: string | null;
  recipients: string[];
  footnotes: string[];
}

export function readSignature(closing: Block[]): Signature {
  const capacity: string[] = [];
  const recipients: string[] = [];
  const footnotes: string[] = [];
  let signer: string | null = null;
  let inRecipients = false;
  for (const block of closing) {
    for (const rawLine of block.text.split('\n')) {
      let line = rawLine.trim();
      const folded = fold(line);
      const cap = CAPACITY_START.exec(folded);
      if (cap && isMostlyCaps(line.slice(folded.length - cap[1]!.length))) {
        capacity.push(line.slice(folded.length - cap[1]!.length).trim());
        line = line.slice(0, folded.length - cap[1]!.length).trim().replace(/[,;]$/, '').trim();
      }
      const heading = /^noi nh\S{1,3}\s*:?\s*/.exec(fold(line));
      if (heading) {
        inRecipients = true;
        line = line.slice(heading[0].length).trim();
      }
      if (!line) continue;
      if (block.kind === 'item' && inRecipients) recipients.push(line);
      else if (PERSON_NAME.test(line) && !isAllCaps(line) && capacity.length) signer = line;
      else if (!isAllCaps(line)) footnotes.push(line);
    }
  }
  return { capacity: capacity.length ? capacity.join(', ') : null, signer, recipients, footnotes };
}

export function levelOf(committee: string | null, vocabulary: DocumentVocabulary): Level | null {
  return committee ? (vocabulary.committees[committee] ?? null) : null;
}

/** All metadata the text gives. Unknown fields stay null; a sidecar may fill them later. */
export function extractMetadata(blocks: Block[], vocabulary: DocumentVocabulary): PlanMetadata {
  const header = blocks.filter((b) => b.part === 'header');
  const body = blocks.filter((b) => b.part === 'body');
  const facts = readHeader(header, vocabulary);
  const issuer = readIssuer([...header, ...body.slice(0, 3)].map((b) => b.text.replace(/\n/g, ' ')), vocabulary);
  const org = facts.organization;
  // "Ban Thường vụ Đảng ủy" in the preamble + "ĐẢNG ỦY XÃ YẾT KIÊU" in the header: the header is more precise.
  const committee = org && issuer && fold(org.committee).startsWith(fold(issuer.committee)) ? org.committee : (issuer?.committee ?? org?.committee ?? null);
  const locality = issuer?.name ?? (org && committee === org.committee ? org.name : null) ?? (committee ? facts.place : null);
  const signature = readSignature(blocks.filter((b) => b.part === 'closing'));
  return {
    type: fromText(facts.type),
    number: fromText(facts.number),
    date: fromText(facts.date),
    place: fromText(facts.place),
    issuer: fromText(committee ? `Ban Thường vụ ${committee}${locality ? ` ${locality}` : ''}` : null),
    locality: fromText(locality),
    level: fromText(levelOf(committee, vocabulary)),
    signer: fromText(signature.signer),
    signerCapacity: fromText(signature.capacity),
    title: fromText(facts.title),
    recipients: signature.recipients,
    footnotes: signature.footnotes,
  };
}
