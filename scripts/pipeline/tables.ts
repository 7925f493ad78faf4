// Tables in a source text → rows of cells, before paragraphs are built (normalize.ts).
// Two layouts arrive: Markdown pipe tables ("| a | b |" over a "|---|---|" row) and a
// portal's conversion that puts every cell on its own lines between lines holding only
// "|": a row is "|", cell, "|", cell, …, "|", and the next row opens with its own "|",
// so two pipe lines in a row close one row and open the next (more pipe lines: empty
// cells at the end of the row). Cells keep their lines; the caller joins them.
import layout from '../../content/tables/layout.json' with { type: 'json' };
import { fold } from './text.ts';
import { loadHeaderVocabulary } from './header-vocabulary.ts';

export interface SourceLine {
  text: string;
  line: number;
}

export interface TableRegion {
  /** Rows of cells; a cell is its source lines (Markdown kept). */
  rows: SourceLine[][][];
  /** First line of the table (1-based, in the normalized source). */
  line: number;
  /** Index in the lines just after the table. */
  end: number;
}

const isPipeLine = (text: string) => text.trim() === '|';
/** Markdown table row: starts and ends with "|" and has a cell between. */
const PIPE_ROW = /^\|.*\|$/u;
const DELIMITER_ROW = /^\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-{2,}:?\s*\|?$|^\|(?:\s*:?-{2,}:?\s*\|)+$/u;
// A chunk this long between pipe lines is running text after a table, not a cell.
const MAX_CELL_LINES = layout.maxCellLines;
const breakWords = layout.tableEndsBefore.map((w) => fold(w));
/** Words that start the text after a table rather than a cell ("PHỤ LỤC I" after the signature). */
export function startsAfterTable(first: string): boolean {
  const f = fold(first.replace(/[*_]/g, '')).trim();
  return breakWords.some((w) => f.startsWith(w) && !/\p{L}/u.test(f.charAt(w.length)));
}

/** Cells of one Markdown row: split at "|" not escaped by a backslash. */
function pipeCells(text: string): string[] {
  const inner = text.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

function readPipeTable(lines: SourceLine[], at: number): TableRegion | null {
  const row = (i: number) => (i < lines.length && PIPE_ROW.test(lines[i]!.text.trim()) ? pipeCells(lines[i]!.text) : null);
  const first = row(at);
  if (!first) return null;
  const delimited = DELIMITER_ROW.test(lines[at + 1]?.text.trim() ?? '');
  // Without a delimiter row (some conversions drop it): two rows or more with the same cells.
  if (!delimited && (first.length < 2 || row(at + 1)?.length !== first.length)) return null;
  const rows: SourceLine[][][] = [];
  let i = at;
  for (; row(i); i++) {
    if (delimited && i === at + 1) continue;
    const l = lines[i]!;
    rows.push(row(i)!.map((c) => (c === '' ? [] : [{ text: c, line: l.line }])));
  }
  return { rows, line: lines[at]!.line, end: i };
}

/** Lines from `from` up to the next pipe line or blank line; whether a pipe line ended them. */
function chunk(lines: SourceLine[], from: number): { end: number; closed: boolean } {
  let i = from;
  while (i < lines.length && lines[i]!.text.trim() !== '' && !isPipeLine(lines[i]!.text)) i++;
  return { end: i, closed: i < lines.length && isPipeLine(lines[i]!.text) };
}

function readCellTable(lines: SourceLine[], at: number): TableRegion | null {
  if (!isPipeLine(lines[at]!.text)) return null;
  const rows: SourceLine[][][] = [];
  let row: SourceLine[][] = [];
  let i = at + 1; // just after the opening pipe
  let end = at + 1;
  for (;;) {
    const c = chunk(lines, i);
    const size = c.end - i;
    // The table ends before a chunk that is not a cell: text ended by a blank line or the
    // end of the file, a chunk too long to be a cell, or the start of what follows a table.
    if (size === 0 || !c.closed || size > MAX_CELL_LINES || (i > at + 1 && startsAfterTable(lines[i]!.text))) break;
    row.push(lines.slice(i, c.end));
    let j = c.end;
    while (j < lines.length && isPipeLine(lines[j]!.text)) j++;
    const pipes = j - c.end;
    end = c.end + 1;
    if (pipes >= 2) {
      // Closing pipe, empty cells, opening pipe of the next row.
      for (let k = 0; k < pipes - 2; k++) row.push([]);
      rows.push(row);
      row = [];
      end = j;
    }
    i = j;
    if (pipes >= 2 && (j >= lines.length || lines[j]!.text.trim() === '')) break;
  }
  if (row.length) rows.push(row);
  // A lone pipe line with no cell is not a table.
  if (rows.length === 0) return null;
  return { rows, line: lines[at]!.line, end };
}

// A document's header and signature are laid out as tables too (agency | motto, recipients |
// signer), and a portal puts its metadata block in one: the metadata reader reads their lines
// as they came, so they are not made tables. They are told by their words (document-header.json).
const header = loadHeaderVocabulary();
const layoutWords = [...header.mottoLines, header.signature.recipientsHeading, ...Object.keys(header.portal)].map((w) => fold(w));

/** A header, signature or portal-metadata layout rather than a table of content. */
export function isLayoutTable(region: TableRegion): boolean {
  return region.rows.some((row) => row.some((cell) => cell.some((l) => {
    const f = fold(l.text.replace(/[*_]/g, '')).trim();
    return layoutWords.some((w) => f.startsWith(w));
  })));
}

/** The table starting at lines[at], if one does. */
export function readTable(lines: SourceLine[], at: number): TableRegion | null {
  return readPipeTable(lines, at) ?? readCellTable(lines, at);
}
