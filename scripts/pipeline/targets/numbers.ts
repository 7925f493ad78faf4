// Numbers as Vietnamese documents write them, and the value expressions built on them.

import type { CompiledLexicon } from './lexicon.ts';
import type { UnitKind } from './types.ts';

/**
 * Parses a Vietnamese number: comma is the decimal mark ("1,5" = 1.5, "0,7" = 0.7), dot
 * groups thousands ("10.000" = 10000), leading zeros are dropped ("02" = 2). A dot not
 * followed by exactly three digits is read as a decimal point (English habit).
 */
export function parseViNumber(token: string): number | null {
  const t = token.trim();
  if (!/^\d+(?:[.,]\d+)*$/.test(t)) return null;
  let s = t;
  if (s.includes(',')) {
    const [int, ...dec] = s.split(',');
    if (dec.length !== 1) return null;
    s = `${int!.replace(/\./g, '')}.${dec[0]}`;
  } else if (s.includes('.')) {
    const groups = s.split('.');
    s = groups.slice(1).every((g) => g.length === 3) ? groups.join('') : groups.length === 2 ? s : '';
  }
  const n = Number(s);
  return s !== '' && Number.isFinite(n) ? n : null;
}

/** A number standing alone: not inside a word ("5G"), a date, a document number or a label. */
const NUMBER = /(?<![\p{L}\p{N}_/.,\-–&])\d+(?:[.,]\d+)*(?![\p{N}])/gu;

export interface RawValue {
  /** Offsets in the scanned string. */
  start: number;
  end: number;
  value: number;
  valueMax: number | null;
  unit: string | null;
  unitKind: UnitKind;
  /** Number qualifies the subject (a speed, a level) rather than being the commitment. */
  qualifier: boolean;
  /** Comparator implied after the value ("trở lên"). */
  postfix: '>=' | '<=' | null;
  /** A rank: "nhóm 20 tỉnh", "đứng thứ 18". */
  rank: 'group' | 'position' | null;
  decimal: boolean;
}

/** Characters around a number that the word tests look at. */
export const WINDOW = 80;

const isYear = (n: number, token: string) => /^\d{4}$/.test(token) && n >= 1900 && n <= 2100;

/** Reads one unit right after a number (folded text). */
function readUnit(folded: string, at: number, lx: CompiledLexicon): { unit: string; kind: UnitKind; end: number } | null {
  const rest = folded.slice(at);
  for (const u of lx.units) {
    const m = u.regex.exec(rest);
    if (m) return { unit: u.unit, kind: u.kind, end: at + m[0].length };
  }
  return null;
}

/**
 * Finds every value expression in `folded` (a folded clause). `original` is the same
 * text unfolded, used to report count nouns with their diacritics.
 */
export function scanValues(folded: string, original: string, lx: CompiledLexicon): RawValue[] {
  const out: RawValue[] = [];
  let consumedTo = 0;
  for (const m of folded.matchAll(NUMBER)) {
    const start = m.index;
    if (start < consumedTo) continue;
    const token = m[0];
    let end = start + token.length;
    const value = parseViNumber(token);
    if (value == null) continue;
    const after = folded.slice(end, end + WINDOW);
    // Dates (22/12/2024), document numbers (57-NQ/TW, 319- CTr/TU), labels (2.1.).
    if (/^\/\d/.test(after) || /^\s*[-–]\s*\p{L}/u.test(after) || /^\.\s*\p{L}?/u.test(after) && /^\d+\.\d/.test(token)) {
      consumedTo = end + (after.match(/^[\/\d.\-–\p{L}]*/u)?.[0].length ?? 0);
      continue;
    }
    // A letter glued to the number: a code (5G, 4.0) unless it is a qualifying unit (1Gb/s).
    const glued = /^\p{L}/u.test(after);
    const qualifierUnit = lx.qualifierUnit.exec(after);
    if (glued && !qualifierUnit) continue;
    if (isYear(value, token) && !/^\s*%/.test(after)) continue;

    let valueMax: number | null = null;
    let unit = readUnit(folded, end, lx);
    // A range: "13%-13,5%", "16 - 18%/năm", "từ 3-5 người", "40 đến 50".
    // "13%-13,5%", "20% đến 25%": the separator may follow the first unit.
    const rangeFrom = unit && lx.rangeSeparator.test(folded.slice(unit.end)) ? unit.end : end;
    const sep = lx.rangeSeparator.exec(folded.slice(rangeFrom));
    if (sep) {
      const second = /^\d+(?:[.,]\d+)*(?![\p{N}\p{L}])/u.exec(folded.slice(rangeFrom + sep[0].length));
      const max = second ? parseViNumber(second[0]) : null;
      if (second && max != null && max > value && !isYear(max, second[0])) {
        valueMax = max;
        end = rangeFrom + sep[0].length + second[0].length;
        unit = readUnit(folded, end, lx) ?? unit;
      }
    }
    if (unit && unit.end > end) end = unit.end;

    // End-anchored tests only need the last words (and scanning a long prefix is slow).
    const before = folded.slice(Math.max(0, start - WINDOW), start);
    const afterValue = folded.slice(end, end + WINDOW);
    let kind: UnitKind;
    let unitText: string | null = null;
    let qualifier = false;
    let rank: RawValue['rank'] = null;
    if (qualifierUnit) {
      qualifier = true;
      kind = 'count';
      end = start + token.length + qualifierUnit[0].length;
    } else if (unit) {
      kind = unit.kind;
      unitText = unit.unit;
    } else if (lx.qualifierBefore.test(before) || (lx.qualifierLevelBefore.test(before) && lx.qualifierLevelAfter.test(afterValue))) {
      qualifier = true; // "tốc độ trên 1 Gb/s", "đạt mức 2 trở lên"
      kind = 'count';
    } else if (lx.rankGroupBefore.test(before) || lx.rankPositionBefore.test(before)) {
      const group = lx.rankGroupBefore.test(before);
      const scope = lx.rankScopes.find((sc) => sc.regex.test(afterValue));
      if (!scope && group) continue; // "nhóm 3" of something that is not a place
      rank = group ? 'group' : 'position';
      kind = 'rank';
      unitText = scope?.unit ?? 'hạng';
    } else {
      if (lx.timeUnit.test(afterValue)) continue; // "5 năm", "6 tháng": durations, not commitments
      const noun = lx.countNoun.exec(afterValue);
      if (noun) {
        kind = 'count';
        const nounStart = end + noun[0].length - noun[1]!.length;
        unitText = original.slice(nounStart, end + noun[0].length);
      } else if (/[.,]/.test(token) && value <= 1) {
        kind = 'index';
        unitText = 'chỉ số';
      } else {
        kind = 'count';
      }
    }
    const postfix = lx.postfix.find((p) => p.regex.test(folded.slice(end)));
    out.push({
      start,
      end,
      value,
      valueMax,
      unit: unitText,
      unitKind: kind,
      qualifier,
      postfix: postfix ? (postfix.comparator as '>=' | '<=') : null,
      rank,
      decimal: /[.,]/.test(token),
    });
    consumedTo = end;
  }
  return out;
}
