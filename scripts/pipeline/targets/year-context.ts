// The year a target is for: from its own words ("giai đoạn 2026-2030", "đến năm 2030"),
// else from the headings above it ("2.1. Đến năm 2030", "b) Tầm nhìn đến năm 2045",
// "2.3. Giai đoạn 2035 đến năm 2045"), else none.

import type { Block } from '../types.ts';
import { fold } from './fold.ts';
import { alternation, type CompiledLexicon } from './lexicon.ts';
import lexiconFile from '../../../content/targets/lexicon.json' with { type: 'json' };

export interface YearRef {
  year: number;
  periodStart: number | null;
  /** 'bare' = "năm 2024" without "đến": a statement about that year (possibly the past). */
  kind: 'future' | 'period' | 'bare';
  start: number;
  end: number;
}

const Y = '((?:19|20|21)\\d\\d)(?!\\d)';
const PERIOD = new RegExp(`(?<!\\d)${Y}\\s*(?:[-–]|den(?:\\s+het)?(?:\\s+nam)?|toi(?:\\s+nam)?)\\s*(?:nam\\s+)?${Y}`, 'gu');
// "đến / tới / trước / vào / tầm nhìn (hết) (năm) 2030": words from the lexicon.
const FUTURE = new RegExp(`(?<![\\p{L}])(?:${alternation(lexiconFile.futureYearPrefixes)})(?:\\s+het)?(?:\\s+nam)?\\s+${Y}`, 'gu');
const BARE = new RegExp(`(?<![\\p{L}])nam\\s+${Y}`, 'gu');
const DATE_BEFORE = /thang\s+\d{1,2}\s+$/u;
const COMPARED_TO = /(?<![\p{L}])(?:so voi|so cung ki)\s+$/u;

/** Year expressions in a folded string, in order of appearance. */
export function yearsIn(folded: string): YearRef[] {
  const out: YearRef[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  for (const m of folded.matchAll(PERIOD)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b <= a || b - a > 30) continue;
    out.push({ year: b, periodStart: a, kind: 'period', start: m.index, end: m.index + m[0].length });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of folded.matchAll(FUTURE)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    out.push({ year: Number(m[1]), periodStart: null, kind: 'future', start: m.index, end: m.index + m[0].length });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of folded.matchAll(BARE)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const head = folded.slice(Math.max(0, m.index - 24), m.index);
    if (DATE_BEFORE.test(head)) continue; // "ngày 28 tháng 8 năm 2025"
    if (COMPARED_TO.test(head)) continue; // "tăng 20% so với năm 2024": the base, not the year of the target
    out.push({ year: Number(m[1]), periodStart: null, kind: 'bare', start: m.index, end: m.index + m[0].length });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** The year a stretch of text states: a target year or period first, else a bare year. */
export function pickYear(refs: YearRef[]): YearRef | null {
  return refs.find((r) => r.kind !== 'bare') ?? refs[0] ?? null;
}

/** Ancestor context of a block: its enclosing headings, nearest first, and a list intro. */
export function ancestors(blocks: Block[], index: number): Block[] {
  const out: Block[] = [];
  let depth = Infinity;
  let sawHeading = false;
  const self = blocks[index];
  for (let j = index - 1; j >= 0 && depth > 1; j--) {
    const b = blocks[j]!;
    if (b.kind === 'heading') {
      if (b.depth < depth) {
        out.push(b);
        depth = b.depth;
        sawHeading = true;
      }
    } else if (!sawHeading && self?.kind === 'item' && b.kind === 'paragraph' && /:\s*$/.test(b.text)) {
      // "Đến năm 2030, tỉnh phấn đấu:" introducing the list this item belongs to.
      out.push(b);
    }
  }
  return out;
}

/** Year stated by a heading; a short heading holding one year counts even if its words are damaged. */
export function headingYear(block: Block): YearRef | null {
  const folded = fold(block.text);
  const picked = pickYear(yearsIn(folded).filter((r) => r.kind !== 'bare'));
  if (picked) return picked;
  const years = [...folded.matchAll(new RegExp(`(?<!\\d)${Y}`, 'gu'))];
  const words = folded.replace(block.label ? fold(block.label) : '', '').trim().split(/\s+/).length;
  if (block.kind === 'heading' && years.length === 1 && words <= 6) {
    const m = years[0]!;
    return { year: Number(m[1]), periodStart: null, kind: 'future', start: m.index, end: m.index + m[0].length };
  }
  return null;
}

export interface HeadingContext {
  year: YearRef | null;
  /** An enclosing heading names a situation section ("Khái quát tình hình"). */
  baselineSection: boolean;
}

/**
 * A short line that only names a period, heading the list items after it ("- Giai đoạn
 * 2025-2027" before "+ 100% …"): its year, else null.
 */
export function labelYear(block: Block): YearRef | null {
  if (block.kind === 'heading' || block.kind === 'table' || block.text.length > 80 || /[.;:!?]\s*$/u.test(block.text)) return null;
  const folded = fold(block.text);
  const refs = yearsIn(folded).filter((r) => r.kind !== 'bare');
  // Nothing but the period: no other number in it.
  if (refs.length !== 1 || /\d/.test(folded.slice(0, refs[0]!.start) + folded.slice(refs[0]!.end))) return null;
  return refs[0]!;
}

/** The year of the nearest period label among the blocks since the last heading. */
function listYear(blocks: Block[], index: number): YearRef | null {
  for (let j = index - 1; j >= 0 && blocks[j]!.kind !== 'heading'; j--) {
    const year = labelYear(blocks[j]!);
    if (year) return year;
  }
  return null;
}

export function headingContext(blocks: Block[], index: number, lx: CompiledLexicon): HeadingContext {
  let year: YearRef | null = listYear(blocks, index);
  let baselineSection = false;
  for (const b of ancestors(blocks, index)) {
    year ??= headingYear(b);
    if (b.kind === 'heading' && lx.baselineHeading.test(fold(b.text))) baselineSection = true;
  }
  return { year, baselineSection };
}
