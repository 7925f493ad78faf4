// Stage 2: text → paragraphs. Line endings to LF, Unicode NFC, page debris
// removed, hard-wrapped lines and paragraphs split by page breaks rejoined.
// Emphasis markers (**, *) are kept for `parse` to read. Tables (tables.ts) become
// paragraphs of their own, holding their cells.
import { isLayoutTable, readTable, startsAfterTable, type SourceLine } from './tables.ts';

export interface RawParagraph {
  /** Paragraph text; a kept line break (short lines such as a title) is "\n". For a table, its cells joined by "\n". */
  text: string;
  /** 1-based line of the normalized source where the paragraph starts. */
  line: number;
  /** Set for a table: rows of cell texts (Markdown emphasis kept, a kept line break is "\n"). */
  cells?: string[][];
}

type Line = SourceLine;


/** A line that is only a page number: "9", "/4", "- 3 -", "Trang 2", "2/12". */
const PAGE_DEBRIS = /^(?:\/?\s*\d{1,3}|\d{1,3}\s*\/\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–]|Trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?)$/i;
/** A bare number ("9", "/4", "2/12") is also what a table cell holds; "- 3 -" and "Trang 2" are only page numbers. */
const BARE_NUMBER = /^\/?\s*\d{1,3}(?:\s*\/\s*\d{1,3})?$/;
/** A line this short, next to others like it, is a table cell copied one per line. */
const CELL_LENGTH = 40;
/** A cell holding a value: "80", "1.250", "≥ 30%", "12,5". */
const NUMBER_CELL = /^[-–+≥≤<>~]?\s*\d[\d.,]*\s*%?$/;

/**
 * Invisible characters that change what a number or a word reads as ("1\u200b00%" is 100%):
 * zero-width spaces and joiners, word joiner, a byte-order mark inside the text, soft hyphen,
 * Mongolian vowel separator, bidi marks, embeddings, overrides and isolates.
 */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff]/g;
/** Private-use characters: the bullets of Symbol and Wingdings fonts ("\uf0b7") that Word pastes. */
const PRIVATE_USE = /[\ue000-\uf8ff]/g;

/** A line that starts a new paragraph even without a blank line before it. */
const STARTS_NEW_ITEM = /^(?:[-+•–_]\s|\*\*?[IVXLC]+\s*[.\-–]|[IVXLC]+\s*[.\-–]\s*\S|\d{1,3}(?:\.\d+)*\s*[.\-)]\s|[a-zđ]\)\s)/u;

/** The paragraph ends a sentence or clause, so a page break after it is a real break. */
const ENDS_CLAUSE = /[.;:!?…]["”’)\]*]*$/u;

export function isPageDebris(line: string): boolean {
  return PAGE_DEBRIS.test(line.trim());
}

/**
 * Indexes of the lines that are page numbers. A bare number counts only where the layout shows a
 * page break: a blank line before it, and no table around it (a table copied one cell per line has
 * short lines or other values on both sides, and its numbers are data).
 */
export function pageNumberLines(lines: string[]): Set<number> {
  const found = new Set<number>();
  const nonBlank = (from: number, step: -1 | 1, count: number) => {
    const out: string[] = [];
    for (let i = from + step; i >= 0 && i < lines.length && out.length < count; i += step) if (lines[i] !== '') out.push(lines[i]!);
    return out;
  };
  lines.forEach((line, i) => {
    if (!isPageDebris(line)) return;
    if (!BARE_NUMBER.test(line)) return void found.add(i);
    if (i > 0 && lines[i - 1] !== '') return;
    const around = [...nonBlank(i, -1, 3), ...nonBlank(i, 1, 3)];
    const cells = around.filter((l) => l.length <= CELL_LENGTH).length;
    const values = around.filter((l) => NUMBER_CELL.test(l)).length;
    if (cells < 4 && values < 2) found.add(i);
  });
  return found;
}

/**
 * Line endings (CRLF, CR, U+2028, U+0085) → LF, paragraph separators (U+2029) and form feeds
 * (a page break) → a blank line, invisible characters removed, private-use bullets → "•", NFC.
 */
export function normalizeUnicode(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u0085]/g, '\n')
    .replace(/[\u2029\f]/g, '\n\n')
    .replace(INVISIBLE, '')
    .replace(PRIVATE_USE, '•')
    .normalize('NFC');
}

/** Markdown backslash escapes ("\\-", "1\\.", "R\\&D", as in press reprints) → the character itself. */
export function unescapeMarkdown(line: string): string {
  return line.replace(/\\([\\`*_{}[\]()#+\-.!&<>|~])/g, '$1');
}

function startsLowercase(text: string): boolean {
  const first = text.replace(/^[\s"“(]+/u, '').charAt(0);
  return first !== '' && first === first.toLowerCase() && first !== first.toUpperCase();
}

/** The 95th-percentile line length: the wrap width of a hard-wrapped scan, huge for clean files. */
export function wrapWidth(lines: Line[]): number {
  const lengths = lines.map((l) => l.text.length).filter((n) => n > 0).sort((a, b) => a - b);
  if (lengths.length === 0) return 0;
  return lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.95))]!;
}

/** Join two pieces of one paragraph: no space after a number split at its hyphen ("57-" + "NQ/TW"). */
function joinPieces(left: string, right: string, separator: string): string {
  if (/\d-$/.test(left)) return left + right;
  return left + separator + right;
}

/**
 * A cell's lines as one text: wrapped lines rejoined with a space; a line of its own
 * (an item, a line in capitals such as a committee's name, after a clause's end) kept.
 */
function joinCellLines(cell: Line[]): string {
  return cell.reduce((text, l, i) => {
    if (i === 0) return l.text;
    const own = STARTS_NEW_ITEM.test(l.text) || ENDS_CLAUSE.test(text) || isAllCaps(l.text) || isAllCaps(cell[i - 1]!.text) || /^[-–_=]{3,}$/.test(l.text);
    return joinPieces(text, l.text, own ? '\n' : ' ');
  }, '');
}

/**
 * Split a source text into paragraphs. Pure: the same text always gives the same paragraphs.
 */
export function toParagraphs(source: string): RawParagraph[] {
  const lines: Line[] = normalizeUnicode(source)
    .split('\n')
    .map((text, i) => ({ text: unescapeMarkdown(text).replace(/[ \t\u00a0]+$/u, '').replace(/^[ \t\u00a0]+/u, ''), line: i + 1 }));
  const width = wrapWidth(lines);
  const softWrapAt = width * 0.75;
  const pageNumbers = pageNumberLines(lines.map((l) => l.text));

  // Paragraphs inside each blank-line-separated group: a bullet or numbering starts a new one.
  const paragraphs: RawParagraph[] = [];
  let inGroup = false;
  let previousLine: Line | null = null;
  // A header or signature laid out as a table keeps its lines as they came, up to here.
  let layoutEnd = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    // Read before the page-number rule: a number alone on a line inside a table is a cell.
    // An appendix title right after the signature's layout starts a paragraph of its own.
    if (i === layoutEnd && i > 0 && startsAfterTable(l.text)) inGroup = false;
    const table = i < layoutEnd ? null : readTable(lines, i);
    if (table && isLayoutTable(table)) layoutEnd = table.end;
    else if (table) {
      const cells = table.rows.map((row) => row.map(joinCellLines));
      paragraphs.push({ text: cells.flat().join('\n'), line: table.line, cells });
      inGroup = false;
      previousLine = null;
      i = table.end - 1;
      continue;
    }
    if (l.text === '' || pageNumbers.has(l.line - 1)) {
      inGroup = false;
      previousLine = null;
      continue;
    }
    if (!inGroup || STARTS_NEW_ITEM.test(l.text)) {
      paragraphs.push({ text: l.text, line: l.line });
      inGroup = true;
    } else {
      const last = paragraphs[paragraphs.length - 1]!;
      const soft = previousLine !== null && previousLine.text.length >= softWrapAt && width <= 120;
      last.text = joinPieces(last.text, l.text, soft || /\d-$/.test(last.text) ? ' ' : '\n');
    }
    previousLine = l;
  }

  // Rejoin paragraphs split by a page break: the first does not end a clause and the next starts in lowercase.
  const merged: RawParagraph[] = [];
  for (const p of paragraphs) {
    const prev = merged[merged.length - 1];
    if (p.cells) {
      merged.push(p);
      continue;
    }
    if (prev && !prev.cells && !p.cells && !ENDS_CLAUSE.test(prev.text) && startsLowercase(p.text) && !STARTS_NEW_ITEM.test(p.text) && !isAllCaps(prev.text)) {
      prev.text = joinPieces(prev.text, p.text, ' ');
    } else {
      merged.push({ text: p.text, line: p.line });
    }
  }
  return merged;
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
}

