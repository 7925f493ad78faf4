// The cells of a table that state targets: a table with a subject column ("Chỉ tiêu")
// and value columns ("Năm 2025", "Năm 2030", "Kết quả"). Each value cell of a full row
// is one target cell, read with its row's subject, the unit column and the year of its
// column header or of the section row above it ("Giai đoạn 2025-2027"). A task table
// (Nhiệm vụ | Cơ quan chủ trì | Thời gian) has no subject column and gives nothing.

import type { Block, Span } from '../types.ts';
import { fold } from './fold.ts';
import type { CompiledLexicon } from './lexicon.ts';
import { pickYear, yearsIn, type YearRef } from './year-context.ts';

export interface TargetCell {
  subject: Span;
  cell: Span;
  /** Text of the row's unit column ("%", "trạm"), if the table has one. */
  unit: string | null;
  /** Year of the value's column header, else of the nearest section row above. */
  year: YearRef | null;
  /** The column header names a past or current state ("Hiện trạng", "Ước thực hiện"). */
  baseline: boolean;
}

interface Columns {
  subject: number;
  unit: number;
  values: { index: number; year: YearRef | null; baseline: boolean }[];
}

function columnsOf(block: Block, header: Span[], lx: CompiledLexicon): Columns | null {
  const folded = header.map((c) => fold(block.text.slice(c.start, c.end)).replace(/\s+/g, ' ').trim());
  let subject = -1;
  let unit = -1;
  const values: Columns['values'] = [];
  folded.forEach((h, i) => {
    const year = pickYear(yearsIn(h)) ?? (/^\W*(?:19|20)\d\d\W*$/u.test(h) ? { year: Number(h.replace(/\D/g, '')), periodStart: null, kind: 'future', start: 0, end: h.length } as YearRef : null);
    if (year || (lx.column.value.test(h) && !lx.column.subject.test(h))) {
      values.push({ index: i, year: year && { ...year, kind: year.kind === 'bare' ? 'future' : year.kind }, baseline: lx.baselineHeading.test(h) });
    } else if (subject < 0 && lx.column.subject.test(h)) subject = i;
    else if (unit < 0 && lx.column.unit.test(h)) unit = i;
  });
  return subject >= 0 && values.length > 0 ? { subject, unit, values } : null;
}

/** The target cells of a table block, in reading order; empty for any other table. */
export function targetCells(block: Block, lx: CompiledLexicon): TargetCell[] {
  const rows = block.cells ?? [];
  const header = rows[0];
  if (!header) return [];
  const columns = columnsOf(block, header, lx);
  if (!columns) return [];
  const out: TargetCell[] = [];
  let section: YearRef | null = null;
  for (const row of rows.slice(1)) {
    const empty = (i: number) => !row[i] || row[i]!.end === row[i]!.start;
    if (row.length < header.length || columns.values.every((v) => empty(v.index))) {
      // A section row ("I | Giai đoạn 2025-2027"): its year holds for the rows below.
      const year = pickYear(yearsIn(fold(row.map((c) => block.text.slice(c.start, c.end)).join(' '))));
      if (year) section = year;
      continue;
    }
    const subject = row[columns.subject]!;
    const unit = columns.unit >= 0 ? block.text.slice(row[columns.unit]!.start, row[columns.unit]!.end).trim() : null;
    for (const v of columns.values) {
      const cell = row[v.index]!;
      if (cell.end === cell.start || subject.end === subject.start) continue;
      out.push({ subject, cell, unit: unit || null, year: v.year ?? section, baseline: v.baseline });
    }
  }
  return out;
}
