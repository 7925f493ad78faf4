// Stage 5: metadata from the header, the preamble and the signature block, as
// documents really arrive: plain text, Markdown, portal conversions whose header
// and signature tables come out as cells on their own lines between "|" lines,
// emphasis markers split over lines, hard wraps, a portal's metadata block.
// Every value is read from the text (or left unknown) with a note saying where;
// the words (bodies, units, titles, verbs) are data (content/taxonomy/document-header.json),
// places come from the gazetteer (content/gazetteer/). Matching is done on folded
// text (fold keeps indexes) so a scan's "KE HOACH" still counts, and the value
// shown is cut from the text itself.
import { isNational, NATIONAL_LEVEL } from '../contract/levels.ts';
import type { Block, Level, PlanMetadata, SourcedValue } from './types.ts';
import { typeAtStart, type DocumentVocabulary } from './document-types.ts';
import type { Body, HeaderVocabulary } from './header-vocabulary.ts';
import { isBeforeMerger, type ProvinceRef } from './gazetteer.ts';
import { NUMBER, canonicalNumber, findMentions, type Mention } from './references.ts';
import { fold, isAllCaps, isMostlyCaps } from './text.ts';

const unknown = <T>(): SourcedValue<T> => ({ value: null, source: null });
const fromText = <T>(value: T | null | undefined, note?: string): SourcedValue<T> =>
  value == null ? unknown<T>() : note ? { value, source: 'text', note } : { value, source: 'text' };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A folded word pattern that tolerates a scan's wrong letters: same first letter, about the same length. */
function tolerantWord(word: string): string {
  const w = fold(word);
  if (w.length <= 1) return escape(w);
  if (w.length === 2) return `${escape(w[0]!)}\\S{1,2}`;
  const head = w.length <= 3 ? 1 : 2;
  const rest = w.length - head;
  return `${escape(w.slice(0, head))}\\S{${Math.max(1, rest - 1)},${rest + 1}}`;
}
const tolerantPhrase = (phrase: string) => phrase.trim().split(/\s+/).map(tolerantWord).join('\\s+');

/** "YẾT KIÊU" → "Yết Kiêu": names written in capitals in the header. */
export function titleCaseName(name: string): string {
  return name
    .toLocaleLowerCase('vi')
    .split(/(\s+|-)/)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join('');
}

/** "VĂN HÓA, THỂ THAO VÀ DU LỊCH" → "Văn hóa, Thể thao và Du lịch": an agency's name, each part capitalised. */
function agencyCase(name: string): string {
  if (!isAllCaps(name)) return name;
  const lower = name.toLocaleLowerCase('vi');
  return lower.replace(/(^|,\s*|\bvà\s+)(\p{L})/gu, (_, before: string, first: string) => before + first.toLocaleUpperCase('vi'));
}

function isoDate(day: string, month: string, year: string): string | null {
  const d = Number(day), m = Number(month), y = Number(year);
  // A date that is not in the calendar (30/02) is not published.
  if (m < 1 || m > 12 || d < 1 || new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A run of lines that belong together: a table cell of a portal conversion, or a plain paragraph. */
export interface Cell {
  lines: string[];
  /** The lines joined by spaces: a hard-wrapped or cell-split phrase read whole. */
  text: string;
}

/** A line that only separates cells: "|", a rule "-----", an empty emphasis "** **". */
const SEPARATOR = /^(?:\|+|[-–_=]{3,}|[*_\s]*)$/u;

/** Lines of block texts, emphasis markers left over by the parser removed, split into cells at separator lines and " | ". */
export function cellsOf(texts: string[]): Cell[] {
  const cells: Cell[] = [];
  for (const text of texts) {
    let lines: string[] = [];
    const flush = () => {
      if (lines.length) cells.push({ lines, text: lines.join(' ') });
      lines = [];
    };
    for (const raw of text.split(/\n|<br\s*\/?>/i)) {
      // " | " between Markdown cells; a wide gap between the two columns of a plain-text header.
      for (const [i, part] of raw.split(/\s\|\s|^\||\|$|[ \t\u00a0]{3,}|\t/).entries()) {
        if (i > 0) flush();
        // Emphasis markers, and a rule under a name that a hard-wrap join put on its line ("BỘ … DU LỊCH -------").
        const line = part.replace(/\*+|(?<![\p{L}\d])_+|_+(?![\p{L}\d])/gu, '').replace(/(?:^|\s)[-–_=]{3,}(?=\s|$)/gu, ' ').replace(/\s+/g, ' ').trim();
        if (SEPARATOR.test(line)) flush();
        else lines.push(line);
      }
    }
    flush();
  }
  return cells;
}

// ---------------------------------------------------------------------------
// Issuing bodies: "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "ĐẢNG ỦY XÃ YẾT KIÊU", "THỦ TƯỚNG CHÍNH PHỦ".

export interface Organization {
  body: Body;
  /** The unit word as written ("tỉnh", "Tỉnh", "thành phố"), or null. */
  unit: string | null;
  level: Level | null;
  /** The place's name, as the text gives it (capitals title-cased, a gazetteer name canonical). */
  name: string | null;
  /** The body's own name when it is not "<body> <unit> <place>": a ministry, a steering committee, an agency's party committee. */
  agency?: string;
  /** The words the body was read from. */
  source: string;
}

interface BodyMatch {
  body: Body;
  start: number;
  end: number;
}

function bodyPatterns(header: HeaderVocabulary): { key: string; exact: string | null; body: Body }[] {
  return header.bodies
    .flatMap((body) =>
      // A one-word name ("Sở", "Bộ") folds onto common words ("số"): it must match with its diacritics.
      [body.name, ...(body.abbreviations ?? [])].map((n) => ({ key: fold(n), exact: /\s/.test(n) ? null : n.toLocaleLowerCase('vi'), body })),
    )
    .sort((a, b) => b.key.length - a.key.length);
}

/** Every body named in a text, left to right, longest name first at each word. */
function findBodies(text: string, header: HeaderVocabulary): BodyMatch[] {
  const folded = fold(text);
  const patterns = bodyPatterns(header);
  const found: BodyMatch[] = [];
  for (const word of folded.matchAll(/[\p{L}\d]+/gu)) {
    const at = word.index;
    if (found.length && at < found.at(-1)!.end) continue;
    const hit = patterns.find(
      (p) =>
        folded.startsWith(p.key, at) &&
        !/[\p{L}\d]/u.test(folded.charAt(at + p.key.length)) &&
        (p.exact === null || text.slice(at, at + p.key.length).toLocaleLowerCase('vi') === p.exact),
    );
    if (hit) found.push({ body: hit.body, start: at, end: at + hit.key.length });
  }
  return found;
}

/** The unit word a phrase starts with ("TỈNH ĐỒNG THÁP" → tỉnh), longest first. */
function unitAt(phrase: string, header: HeaderVocabulary): { unit: string; level: Level } | null {
  const folded = fold(phrase);
  const units = Object.keys(header.units).sort((a, b) => b.length - a.length);
  const unit = units.find((u) => folded.startsWith(fold(u)) && !/[\p{L}\d]/u.test(folded.charAt(u.length)));
  return unit ? { unit: phrase.slice(0, unit.length), level: header.units[unit]! } : null;
}

function placeName(raw: string, vocabulary: DocumentVocabulary): string | null {
  const name = raw.replace(/^[\s,.:;–-]+|[\s,.:;–-]+$/g, '');
  if (!name) return null;
  return vocabulary.gazetteer.lookup(name)?.name ?? (isAllCaps(name) ? titleCaseName(name) : name);
}

/** A body and the words after it ("TỈNH ĐỒNG THÁP") → an organization. */
function organization(match: BodyMatch, rest: string, text: string, vocabulary: DocumentVocabulary): Organization {
  const { body } = match;
  const source = text.slice(match.start, match.end + rest.length).replace(/\s+/g, ' ').trim();
  const national = vocabulary.header.nationalLocality;
  const words = rest.trim();
  switch (body.role) {
    case 'national':
      return { body, unit: null, level: NATIONAL_LEVEL, name: national, source };
    case 'ministry':
      return { body, unit: null, level: NATIONAL_LEVEL, name: national, agency: words ? `${body.name} ${agencyCase(words)}` : body.name, source };
    case 'committee':
      return { body, unit: null, level: body.level ?? null, name: placeName(words, vocabulary), source };
    case 'steering':
    case 'agency':
    case 'department': {
      // The place is the last one the name gives: "BAN CHỈ ĐẠO … TỈNH LÀO CAI"; else a parent line above says it.
      const agency = `${body.name} ${body.role === 'department' ? agencyCase(words) : words.toLocaleLowerCase('vi')}`.trim();
      if (/(?:^|\s)trung uong$/u.test(fold(words))) return { body, unit: null, level: NATIONAL_LEVEL, name: national, agency, source };
      const province = vocabulary.gazetteer.mentions(words).at(-1);
      if (province) return { body, unit: null, level: levelOfProvince(province.province), name: province.province.name, agency: `${body.name} ${words.slice(0, province.start).toLocaleLowerCase('vi')}${province.province.name}`, source };
      return { body, unit: lastUnit(words, vocabulary.header)?.unit ?? null, level: null, name: null, agency, source };
    }
    default: {
      const unit = unitAt(words, vocabulary.header);
      const name = placeName(unit ? words.slice(unit.unit.length) : words, vocabulary);
      return { body, unit: unit?.unit ?? null, level: unit?.level ?? null, name, source };
    }
  }
}

function lastUnit(words: string, header: HeaderVocabulary): { unit: string; level: Level } | null {
  const folded = fold(words);
  let best: { unit: string; level: Level; at: number } | null = null;
  for (const [unit, level] of Object.entries(header.units)) {
    const re = new RegExp(`(?:^|\\s)(${escape(fold(unit))})(?![\\p{L}\\d])`, 'gu');
    for (const m of folded.matchAll(re)) {
      const at = m.index + m[0].length - m[1]!.length;
      if (!best || at > best.at) best = { unit: words.slice(at, at + unit.length), level, at };
    }
  }
  return best;
}

const levelOfProvince = (p: ProvinceRef): Level => (p.kind === 'tỉnh' ? 'tỉnh' : 'thành phố');

/** The bodies named in a run of capital lines: "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG ĐẢNG ỦY XÃ YẾT KIÊU" → parent, issuer. */
export function readOrganizations(text: string, vocabulary: DocumentVocabulary): Organization[] {
  let cleaned = text;
  const folded = fold(text);
  for (const motto of vocabulary.header.mottoLines) {
    const re = new RegExp(tolerantPhrase(motto).replace(/\\s\+/g, '\\s*[-–]?\\s*'), 'g');
    for (const m of folded.matchAll(re)) cleaned = cleaned.slice(0, m.index) + ' '.repeat(m[0].length) + cleaned.slice(m.index + m[0].length);
  }
  const matches = findBodies(cleaned, vocabulary.header);
  // A ministry, a steering committee or a department is named by all the words after it: bodies inside its name are not bodies.
  const takesRest = (m: BodyMatch) => ['ministry', 'steering', 'agency', 'department'].includes(m.body.role);
  const last = matches.findIndex(takesRest);
  return matches.slice(0, last < 0 ? matches.length : last + 1).map((m, i) => {
    const end = takesRest(m) ? cleaned.length : (matches[i + 1]?.start ?? cleaned.length);
    return organization(m, cleaned.slice(m.end, end), cleaned, vocabulary);
  });
}

// ---------------------------------------------------------------------------
// The header: organization lines, number, place and date, type and subject, the portal's block.

export interface HeaderFacts {
  type: string | null;
  /** The subject line (trích yếu): "Triển khai thực hiện …". */
  subject: string | null;
  number: string | null;
  place: string | null;
  date: string | null;
  /** Bodies named in the header's capital lines, in order: parents first, the issuer last. */
  organizations: Organization[];
  /** The portal's metadata block, when the text carries one: field → value. */
  portal: Partial<Record<'number' | 'type' | 'issuer' | 'signer' | 'date', string>>;
}

function placeDatePattern(header: HeaderVocabulary): RegExp {
  const { day, month, year } = header.dateWords;
  // "Ninh Thuận, ngày 19 tháng 02 năm 2025", "Hà Nội, ngày 01 / tháng 12 năm 2025", a scan's "ngay".
  return new RegExp(`^([^,;:|]{2,50}?)\\s*,\\s*${tolerantWord(day)}\\s+(\\d{1,2})\\s*\\/?\\s*${tolerantWord(month)}\\s+(\\d{1,2})\\s*\\/?\\s*${tolerantWord(year)}\\s+(\\d{4})`, 'u');
}

const NUMBER_AT_START = new RegExp(`^(${NUMBER})(?![\\p{L}\\d])`, 'u');
/** A line that is nothing but a number with a scan's garbled "Số": "S4 233-KH/TU". */
const NUMBER_ALONE = new RegExp(`^(?:\\S{1,3}\\s*:?\\s*)?(${NUMBER})$`, 'u');

/** "Số: 552/KH-UBND", "Số 319- CTr/TU", "S4 233-KH/TU" → the number; the label is matched folded, the number as written. */
function readNumber(text: string, label: RegExp): string | null {
  const labelled = label.exec(fold(text));
  const number = labelled ? NUMBER_AT_START.exec(text.slice(labelled[0].length)) : NUMBER_ALONE.exec(text);
  return number ? canonicalNumber(number[1]!) : null;
}

/** The header zone: the header blocks, or, when the parser found none (a portal page), the text up to the first heading. */
function headerZone(blocks: Block[]): Block[] {
  const header = blocks.filter((b) => b.part === 'header');
  if (header.length) return header;
  const firstHeading = blocks.findIndex((b) => b.kind === 'heading');
  return blocks.slice(0, firstHeading < 0 ? 1 : Math.max(1, firstHeading));
}

/** The portal's block: a cell "Số hiệu:" and the cell after it holding the value. */
function readPortal(cells: Cell[], header: HeaderVocabulary): { fields: HeaderFacts['portal']; cells: Set<number> } {
  const labels = new Map(Object.entries(header.portal).map(([label, field]) => [fold(label), field]));
  const fields: HeaderFacts['portal'] = {};
  const used = new Set<number>();
  cells.forEach((cell, i) => {
    const label = /^(.+?)\s*:$/.exec(cell.text);
    const field = label ? labels.get(fold(label[1]!)) : undefined;
    if (!field) return;
    used.add(i).add(i + 1);
    const value = cells[i + 1]?.text;
    if (value && !labels.has(fold(value.replace(/:$/, ''))) && !(field in fields)) fields[field] = value;
  });
  return { fields, cells: used };
}

export function readHeader(blocks: Block[], vocabulary: DocumentVocabulary): HeaderFacts {
  const { header } = vocabulary;
  const zone = headerZone(blocks);
  const cellBlock = zone.flatMap((b, i) => cellsOf([b.text]).map(() => i));
  const cells = cellsOf(zone.map((b) => b.text));
  const portal = readPortal(cells, header);
  const facts: HeaderFacts = { type: null, subject: null, number: null, place: null, date: null, organizations: [], portal: portal.fields };

  // Type and subject: the type line first in a header block (the parser's find), else a capital line inside the zone.
  const typeIndex = zone.findIndex((b) => b.part === 'header' && typeAtStart(b.text.split('\n')[0]!, vocabulary));
  if (typeIndex >= 0) {
    const [typeLine, ...rest] = zone[typeIndex]!.text.split('\n');
    const subject = rest.length ? rest.join(' ') : zone[typeIndex + 1]?.text.replace(/\n/g, ' ') ?? null;
    // "CHƯƠNG TRÌNH" + "hành động thực hiện …" is a Chương trình hành động.
    const longer = subject ? typeAtStart(`${typeLine} ${subject}`, vocabulary) : null;
    facts.type = (longer ?? typeAtStart(typeLine!, vocabulary))!.name;
    facts.subject = subject;
  }
  const lines = cells.flatMap((c, ci) => c.lines.map((text) => ({ text, cell: ci })));
  const typeLine = typeIndex >= 0 ? -1 : lines.findIndex((l) => isAllCaps(l.text) && typeAtStart(l.text, vocabulary)?.name && fold(l.text).replace(/[^a-z ]/g, '').trim() === fold(typeAtStart(l.text, vocabulary)!.name));
  if (typeLine >= 0) {
    facts.type = typeAtStart(lines[typeLine]!.text, vocabulary)!.name;
    const subject: string[] = [];
    for (const l of lines.slice(typeLine + 1)) {
      // The subject runs to the next cell, a body's own line ("THỦ TƯỚNG CHÍNH PHỦ") or the preamble.
      if (l.cell !== lines[typeLine]!.cell || !isAllCaps(l.text) || readOrganizations(l.text, vocabulary).some((o) => fold(o.source) === fold(l.text))) break;
      subject.push(l.text);
    }
    facts.subject = subject.length ? subject.join(' ') : null;
  }

  // Organization lines: capital lines before the type line.
  const stopCell = typeLine >= 0 ? lines[typeLine]!.cell : typeIndex >= 0 ? cellBlock.indexOf(typeIndex) : cells.length;
  const numberLabel = new RegExp(`^(?:${header.numberLabels.map(tolerantPhrase).sort((a, b) => b.length - a.length).join('|')})\\s*:?\\s*`, 'u');
  const letterSubject = new RegExp(`^(?:${header.letter.subjectMarkers.map(escape).join('|')})\\s*:?\\s+`, 'u');
  const placeDate = placeDatePattern(header);
  const capsLines: string[] = [];
  cells.forEach((cell, i) => {
    if (portal.cells.has(i)) return;
    // A number or a place-date line starts a line of the cell and may wrap onto the next ones.
    for (const text of cell.lines.map((_, l) => cell.lines.slice(l).join(' '))) {
      const number = readNumber(text, numberLabel);
      if (number && !facts.number) facts.number = number;
      const pd = placeDate.exec(fold(text));
      if (pd && !facts.date) {
        facts.place = text.slice(0, pd[1]!.length).trim();
        facts.date = isoDate(pd[2]!, pd[3]!, pd[4]!);
      }
      const subject = letterSubject.exec(text);
      if (subject && !facts.type && typeLine < 0) {
        facts.type = header.letter.type;
        facts.subject = text.slice(subject[0].length).split(/\s*[,]?\s*(?=\S+,\s*ngày)/u)[0]!.trim() || null;
      }
    }
    if (i < stopCell) capsLines.push(...cell.lines.filter((l) => isAllCaps(l) && !typeAtStart(l, vocabulary)));
  });
  // Read as one phrase: a name wraps over cells and lines ("ỦY BAN NHÂN DÂN" | motto | "TỈNH ĐỒNG NAI" in a two-column header).
  facts.organizations = readOrganizations(capsLines.join(' '), vocabulary);
  return facts;
}

// ---------------------------------------------------------------------------
// The preamble: "Ban Thường vụ Tỉnh ủy … ban hành", "Ủy ban nhân dân tỉnh Đồng Tháp ban hành", "UBND tỉnh X vừa ban hành".

export interface PreambleIssuer extends Organization {
  /** "Ban Thường vụ" stood before a party committee. */
  standing: boolean;
}

export function readIssuer(texts: string[], vocabulary: DocumentVocabulary, verbs: string[] = vocabulary.header.preambleVerbs): PreambleIssuer | null {
  const { header } = vocabulary;
  const verb = new RegExp(`^\\s*(?:${verbs.map(tolerantPhrase).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])`, 'u');
  const standing = new RegExp(`${tolerantPhrase(header.partyStanding)}\\s+$`, 'u');
  for (const raw of texts) {
    const text = raw.replace(/\s+/g, ' ');
    const folded = fold(text);
    for (const match of findBodies(text, header)) {
      if (match.body.role === 'parent') continue;
      // The name runs from the body to the verb: "… Phan Rang - Tháp Chàm ban hành", "… tỉnh Đồng Tháp ban hành".
      const after = text.slice(match.end, match.end + 80);
      const words = /^((?:\s+(?:\p{Lu}[\p{L}.]*|-|–))*)/u.exec(after)?.[1] ?? '';
      const unit = unitAt(after.trim(), header);
      const named = unit ? /^((?:\s+(?:\p{Lu}[\p{L}.]*|-|–))*)/u.exec(after.trimStart().slice(unit.unit.length))?.[1] ?? '' : words;
      const consumed = unit ? after.length - after.trimStart().length + unit.unit.length + named.length : words.length;
      const verbMatch = verb.exec(fold(after.slice(consumed)));
      if (!verbMatch) continue;
      const org = organization(match, after.slice(0, consumed), text, vocabulary);
      const standingMatch = standing.exec(folded.slice(0, match.start));
      const from = standingMatch ? standingMatch.index : match.start;
      return { ...org, source: text.slice(from, match.end + consumed + verbMatch[0].length).trim(), standing: Boolean(standingMatch) };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// The signature block: recipients, the signer's capacity and name.

export interface Signature {
  capacity: string | null;
  signer: string | null;
  recipients: string[];
  footnotes: string[];
}

const PERSON_NAME = /^(?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;

export interface SignatureLine {
  text: string;
  /** A list item ("- Bộ Xây dựng;"), marker removed. */
  item: boolean;
}

function signaturePatterns(header: HeaderVocabulary) {
  const { prefixes, titles, recipientsHeading } = header.signature;
  const prefix = prefixes.map((p) => escape(fold(p)).replace(/\\\.$/, '\\.?')).sort((a, b) => b.length - a.length).join('|');
  const title = titles.map(tolerantPhrase).sort((a, b) => b.length - a.length).join('|');
  return {
    /** Capacity words at the end of a line: "BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH". */
    capacityAtEnd: new RegExp(`(?:^|[\\s,:;])((?:${prefix})\\s+\\S.*|(?:${title}))$`, 'u'),
    startsPart: new RegExp(`^(?:(?:${prefix})\\s|(?:${title})$)`, 'u'),
    heading: new RegExp(`^${tolerantPhrase(recipientsHeading)}\\s*:?\\s*`, 'u'),
  };
}

export function readSignature(closing: SignatureLine[], header: HeaderVocabulary, stopAtSigner = false): Signature {
  const patterns = signaturePatterns(header);
  const capacity: string[] = [];
  const recipients: string[] = [];
  const footnotes: string[] = [];
  let signer: string | null = null;
  let inRecipients = false;
  for (const { text, item } of closing) {
    let line = text.trim();
    const folded = fold(line);
    const cap = patterns.capacityAtEnd.exec(folded);
    if (cap && isMostlyCaps(line.slice(folded.length - cap[1]!.length))) {
      const words = line.slice(folded.length - cap[1]!.length).trim();
      // A wrapped capacity ("TM. ỦY BAN NHÂN" + "DÂN") continues its part; a prefix or a title starts a new one.
      if (capacity.length && !patterns.startsPart.test(fold(words)) && line === words) capacity[capacity.length - 1] += ` ${words}`;
      else capacity.push(words);
      line = line.slice(0, folded.length - cap[1]!.length).trim().replace(/[,;]$/, '').trim();
    } else if (capacity.length && !signer && !item && isAllCaps(line)) {
      capacity[capacity.length - 1] += ` ${line}`;
      line = '';
    }
    const heading = patterns.heading.exec(fold(line));
    if (heading) {
      inRecipients = true;
      line = line.slice(heading[0].length).trim();
    }
    if (!line) continue;
    if (item && inRecipients) recipients.push(line);
    else if (inRecipients && !capacity.length && recipients.length && !isAllCaps(line)) recipients[recipients.length - 1] += ` ${line}`;
    else if (PERSON_NAME.test(line) && !isAllCaps(line) && capacity.length) {
      signer = line;
      if (stopAtSigner) break;
    } else if (!isAllCaps(line)) footnotes.push(line);
  }
  return { capacity: capacity.length ? capacity.join(', ') : null, signer, recipients, footnotes };
}

/** The closing's lines: the closing part, or, when the parser did not find one (a portal conversion), the lines from "Nơi nhận" on. */
function closingLines(blocks: Block[], header: HeaderVocabulary): { lines: SignatureLine[]; fromRecipients: boolean } {
  const toLines = (bs: Block[]) =>
    bs.flatMap((b) =>
      // In a list item only the first cell is the item: a portal puts the signature's cells after the last recipient.
      cellsOf([b.text]).flatMap((c, i) =>
        c.lines.map((text) => (b.kind === 'item' && i === 0 ? { text, item: true } : /^[-–+•]\s/.test(text) ? { text: text.replace(/^[-–+•]\s+/, ''), item: true } : { text, item: false })),
      ),
    );
  const closing = blocks.filter((b) => b.part === 'closing');
  if (closing.length) return { lines: toLines(closing), fromRecipients: false };
  const heading = signaturePatterns(header).heading;
  const at = blocks.findIndex((b) => b.part === 'body' && b.text.split('\n').some((l) => heading.test(fold(l.replace(/^[|*\s]+/, '')))));
  if (at < 0) return { lines: [], fromRecipients: true };
  // The signature follows the recipients within a few dozen lines; reading stops at the signer's name.
  const all = toLines(blocks.slice(at, at + 40));
  const start = all.findIndex((l) => heading.test(fold(l.text)));
  return { lines: all.slice(start), fromRecipients: true };
}

// ---------------------------------------------------------------------------
// Where the document is from: locality, level, province then and now.

interface Place {
  locality: SourcedValue<string>;
  level: SourcedValue<Level>;
  province: SourcedValue<string>;
  provinceNow: SourcedValue<string>;
}

/** The province a text is about: after a locality phrase ("đưa Đồng Tháp", "tỉnh Nghệ An") first, then the most named. */
export function provinceInText(texts: string[], vocabulary: DocumentVocabulary): { province: ProvinceRef; quote: string } | null {
  const phrases = vocabulary.header.localityPhrases.before.map((p) => fold(p));
  const counts = new Map<string, { province: ProvinceRef; quote: string; strong: number; all: number; first: number }>();
  let order = 0;
  for (const raw of texts) {
    const text = raw.replace(/\s+/g, ' ');
    const folded = fold(text);
    for (const m of vocabulary.gazetteer.mentions(text)) {
      const before = folded.slice(Math.max(0, m.start - 24), m.start).trimEnd();
      const strong = phrases.some((p) => before.endsWith(p)) ? 1 : 0;
      const quote = text.slice(Math.max(0, text.lastIndexOf(' ', Math.max(0, m.start - 2))), m.end).trim();
      const entry = counts.get(m.province.name) ?? { province: m.province, quote, strong: 0, all: 0, first: order++ };
      if (strong && !entry.strong) entry.quote = quote;
      entry.strong += strong;
      entry.all += 1;
      counts.set(m.province.name, entry);
    }
  }
  const best = [...counts.values()].sort((a, b) => b.strong - a.strong || b.all - a.all || a.first - b.first)[0];
  return best ? { province: best.province, quote: best.quote } : null;
}

function provinceFields(ref: ProvinceRef | null, date: string | null, note: string, vocabulary: DocumentVocabulary): Pick<Place, 'province' | 'provinceNow'> {
  if (!ref) return { province: unknown(), provinceNow: unknown() };
  // A name of the 63 used after the merger means the new province of that name (the merger kept every new province's name).
  const now = ref.now;
  const then = ref.merged && date !== null && !isBeforeMerger(date, vocabulary.gazetteer) ? now : ref.name;
  return {
    province: fromText(then, note),
    provinceNow: fromText(now, then === now ? note : `${note}; sáp nhập theo ${vocabulary.gazetteer.data.source.document}`),
  };
}

// ---------------------------------------------------------------------------

/**
 * A secondary text (a portal or press summary of a plan): no formal header (no number, place-date
 * line, type line or portal block), and an opening that reports a document being issued: a reporting
 * verb ("vừa ban hành"), a headline "Lào Cai: Ban hành Kế hoạch …", or "UBND tỉnh X ban hành Kế hoạch số …".
 */
export function isSummary(blocks: Block[], facts: HeaderFacts, vocabulary: DocumentVocabulary): boolean {
  if (facts.number || facts.date || facts.type || Object.keys(facts.portal).length) return false;
  const texts = blocks.slice(0, 3).map((b) => b.text);
  const opening = texts.map((t) => fold(t.replace(/\s+/g, ' ')));
  const verbs = vocabulary.header.summaryVerbs.map(fold);
  const headline = new RegExp(`^[^:]{2,40}:\\s*(?:${vocabulary.header.preambleVerbs.map((v) => escape(fold(v))).join('|')})\\b`);
  if (opening.some((t) => verbs.some((v) => t.includes(v)) || headline.test(t))) return true;
  return readIssuer(texts, vocabulary) !== null && reportedDocument(texts, vocabulary)?.number != null;
}

/** All metadata the text gives. Unknown fields stay null; a sidecar may fill them later. */
export function extractMetadata(blocks: Block[], vocabulary: DocumentVocabulary): PlanMetadata {
  const { header } = vocabulary;
  const facts = readHeader(blocks, vocabulary);
  const summary = isSummary(blocks, facts, vocabulary);
  const body = blocks.filter((b) => b.part === 'body');
  const opening = (summary ? blocks.slice(0, 3) : [...blocks.filter((b) => b.part === 'header'), ...body.slice(0, 3)]).map((b) => b.text);
  const preamble = readIssuer(opening, vocabulary, summary ? [...header.summaryVerbs, ...header.preambleVerbs] : header.preambleVerbs);
  const lastBody = facts.organizations.filter((o) => o.body.role !== 'parent').at(-1) ?? null;
  const parents = facts.organizations.filter((o) => o !== lastBody);
  // An agency's committee or a steering committee without a place of its own is the parent line's ("TỈNH ỦY AN GIANG" above it).
  const parentPlace = parents.filter((p) => p.name && p.level).at(-1);
  const headerIssuer = lastBody && lastBody.agency && !lastBody.level && parentPlace ? { ...lastBody, name: parentPlace.name, level: parentPlace.level } : lastBody;

  // The header is more precise ("ĐẢNG ỦY XÃ YẾT KIÊU"); the preamble says "Ban Thường vụ" and names a committee the header may not.
  const compatible = headerIssuer && preamble && fold(headerIssuer.body.name).startsWith(fold(preamble.body.name));
  const issuerOrg: Organization | null = headerIssuer ?? preamble;
  const standing = Boolean(preamble?.standing && (compatible || !headerIssuer));
  const issuerNote = headerIssuer ? `đầu văn bản: “${headerIssuer.source}”` : preamble ? `lời dẫn: “${preamble.source}”` : undefined;

  // Locality: the issuer's own name, else the place-date line's place, else a province the text names.
  const national = isNational(issuerOrg?.level);
  let localityValue = issuerOrg?.name ?? (compatible ? preamble!.name : null) ?? null;
  let localityNote = issuerNote;
  let fromPlaceLine = false;
  if (!localityValue && issuerOrg && facts.place) {
    localityValue = placeName(facts.place, vocabulary);
    fromPlaceLine = true;
    localityNote = `dòng địa danh, ngày tháng: “${facts.place}”`;
  }
  const allText = blocks.filter((b) => b.part !== 'closing').map((b) => b.text);
  if (!localityValue && issuerOrg && (issuerOrg.level === 'tỉnh' || issuerOrg.level === 'thành phố')) {
    const named = provinceInText(allText, vocabulary);
    if (named) {
      localityValue = named.province.name;
      localityNote = `nội dung văn bản: “${named.quote}”`;
    }
  }
  if (!issuerOrg && summary) {
    // A summary's headline "Lào Cai: Ban hành …" names the place.
    const named = provinceInText(blocks.slice(0, 2).map((b) => b.text), vocabulary);
    if (named) localityValue = named.province.name, localityNote = `tiêu đề và câu đầu của bản tóm tắt: “${named.quote}”`;
  }
  const levelValue: Level | null = issuerOrg?.level ?? (localityValue && vocabulary.gazetteer.lookup(localityValue) ? levelOfProvince(vocabulary.gazetteer.lookup(localityValue)!) : null);

  // Province then and now: the locality when it is one, else a parent in the header, else the province the text names.
  let provinceRef: ProvinceRef | null = null;
  let provinceNote = localityNote ?? '';
  if (!national) {
    const own = localityValue ? vocabulary.gazetteer.lookup(localityValue) : null;
    const parent = parents.map((p) => (p.name ? vocabulary.gazetteer.lookup(p.name) : null)).find((p) => p) ?? null;
    if (own && (levelValue === 'tỉnh' || levelValue === 'thành phố' || levelValue === null)) provinceRef = own;
    else if (parent) {
      provinceRef = parent;
      provinceNote = `đầu văn bản: “${parents.find((p) => p.name && vocabulary.gazetteer.lookup(p.name))!.source}”`;
    } else if (localityValue || issuerOrg) {
      const named = provinceInText(allText, vocabulary);
      if (named) provinceRef = named.province, provinceNote = `nội dung văn bản: “${named.quote}”`;
    }
  }

  // A committee named without its place ("Ban Thường vụ Tỉnh ủy") takes the place of its own place-date line.
  const namedIssuer = issuerOrg && !issuerOrg.name && !national && fromPlaceLine ? { ...issuerOrg, name: localityValue } : issuerOrg;
  const issuer = namedIssuer ? issuerName(namedIssuer, standing, header) : (facts.portal.issuer ?? null);
  const closing = closingLines(blocks, header);
  const signature = readSignature(closing.lines, header, closing.fromRecipients);
  // A summary names the plan it reports on: "… vừa ban hành Kế hoạch số 123/KH-UBND ngày 5/6/2025 …".
  const reported = summary ? reportedDocument(opening, vocabulary) : null;
  // Its headline is its subject.
  if (summary) facts.subject ??= blocks[0]?.text.replace(/\s+/g, ' ') ?? null;
  const reportedNote = reported ? 'văn bản mà bản tóm tắt thuật lại' : undefined;
  if (reported) {
    facts.type ??= reported.type;
    facts.number ??= reported.number;
    facts.date ??= reported.date;
  }
  const portalNote = 'khối thông tin của cổng văn bản đầu tệp';
  const portalDate = facts.portal.date ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(facts.portal.date) : null;
  const date = facts.date ?? (portalDate ? isoDate(portalDate[1]!, portalDate[2]!, portalDate[3]!) : null);
  const portalType = facts.portal.type ? typeAtStart(facts.portal.type, vocabulary)?.name : null;
  const type = facts.type ?? portalType ?? null;
  return {
    type: fromText(type, reportedNote),
    number: fromText(facts.number ?? facts.portal.number ?? null, reportedNote ?? (facts.number ? undefined : portalNote)),
    date: fromText(date, reportedNote ?? (facts.date ? undefined : portalNote)),
    place: fromText(facts.place),
    issuer: fromText(issuer, issuerNote),
    locality: fromText(national ? header.nationalLocality : localityValue, localityNote),
    level: fromText(levelValue, issuerNote),
    ...provinceFields(provinceRef, date, provinceNote, vocabulary),
    signer: fromText(signature.signer ?? facts.portal.signer ?? null, signature.signer ? undefined : facts.portal.signer ? portalNote : undefined),
    signerCapacity: fromText(signature.capacity),
    subject: fromText(facts.subject),
    approves: fromText(type ? approvedDocument(type, facts.subject, body, vocabulary) : null),
    summary,
    recipients: signature.recipients,
    footnotes: signature.footnotes,
  };
}

/** The first typed document a summary's opening reports as issued, after a verb of issuing. */
function reportedDocument(texts: string[], vocabulary: DocumentVocabulary): Pick<Mention, 'type' | 'number' | 'date'> | null {
  const verbs = new RegExp(`(?:${[...vocabulary.header.summaryVerbs, ...vocabulary.header.preambleVerbs].map((v) => escape(fold(v))).join('|')})\\s+$`, 'u');
  for (const text of texts) {
    const flat = text.replace(/\s+/g, ' ');
    const found = findMentions(flat, vocabulary).find((m) => m.type !== 'Văn bản' && m.type !== 'Luật' && verbs.test(fold(flat.slice(Math.max(0, m.start - 30), m.start))));
    if (found) return found;
  }
  // "… vừa ban hành kế hoạch thực hiện …": the type without a number.
  const after = new RegExp(`(?:${[...vocabulary.header.summaryVerbs, ...vocabulary.header.preambleVerbs].map((v) => escape(fold(v))).join('|')})\\s+`, 'gu');
  for (const text of texts) {
    const flat = text.replace(/\s+/g, ' ');
    for (const m of fold(flat).matchAll(after)) {
      const type = typeAtStart(flat.slice(m.index + m[0].length), vocabulary);
      if (type) return { type: type.name, number: null, date: null };
    }
  }
  return null;
}

function issuerName(org: Organization, standing: boolean, header: HeaderVocabulary): string {
  const { body } = org;
  if (body.role === 'national') return body.name;
  if (org.agency) return org.agency;
  const prefix = standing && body.role !== 'unit' ? `${header.partyStanding} ` : '';
  if (body.role === 'committee') return `${prefix}${body.name}${org.name ? ` ${org.name}` : ''}`;
  // A People's Committee is named by its level ("Ủy ban nhân dân tỉnh"); the place is the locality field.
  return `${prefix}${body.name}${org.level ? ` ${org.level}` : ''}`;
}

/** A decision that approves a plan or programme: "Điều 1. Phê duyệt Chương trình phát triển Chính phủ số (…)", else its subject line. */
function approvedDocument(type: string, subject: string | null, body: Block[], vocabulary: DocumentVocabulary): string | null {
  const decision = vocabulary.types.find((t) => t.name === type);
  if (!decision || !decision.codes.some((c) => fold(c) === 'qd')) return null;
  const verbs = new RegExp(`(?:^|[\\s*_])(?:${vocabulary.header.approvalVerbs.map((v) => escape(fold(v))).join('|')})\\s+`, 'gu');
  const candidates = (text: string) =>
    [...fold(text).matchAll(verbs)]
      .map((m) => text.slice(m.index + m[0].length))
      .filter((rest) => typeAtStart(rest, vocabulary))
      .map((rest) => rest.split(/\s*[(:;,.]|\s+với\s|\s+như sau/u)[0]!.trim());
  const opening = body.slice(0, 3).map((b) => b.text.replace(/\s+/g, ' ')).join(' ');
  const article = fold(opening).search(/\bdieu 1\b/);
  // The decision's own article first (written in running text), then its subject line (in capitals).
  const fromArticle = article >= 0 ? candidates(opening.slice(article)).find((c) => !isAllCaps(c)) : undefined;
  const fromSubject = subject ? candidates(subject)[0] : undefined;
  const name = fromArticle ?? fromSubject;
  if (!name) return null;
  return isAllCaps(name) ? name.charAt(0) + name.slice(1).toLocaleLowerCase('vi') : name;
}
