// Values as Vietnamese readers write them: dates as documents write them ("19/02/2025"),
// targets as "tối thiểu 30% GDP", "trên 0,7", "13–13,5%", "trong nhóm 20 dẫn đầu cả nước".
// Shared by the pipeline (findings, references, search records), the pages and the search
// page's browser script: no Node API.

import type { Comparator, Target } from './schemas/targets.ts';

/** "2025-02-19" → "19/02/2025"; anything else unchanged. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

// The formatters are marked pure so that a bundle not using them (the search page's script) drops them.

/** Vietnamese alphabetical order ("Đ" after "D", numbers by value). */
export const collator = /* @__PURE__ */ new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

// Every decimal a value has (the document's "0,125" stays 0,125; rounding would publish another number).
const nf = /* @__PURE__ */ new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 20 });
/** "1.234,5": vi-VN grouping and decimal comma, never rounded. */
export const formatNumber = (n: number): string => nf.format(n);

const WORD: Record<Comparator, string> = { '>': 'trên', '>=': 'tối thiểu', '=': '', '<': 'dưới', '<=': 'tối đa', range: '' };
const SIGN: Record<Comparator, string> = { '>': '>', '>=': '≥', '=': '', '<': '<', '<=': '≤', range: '' };

type Value = Pick<Target, 'comparator' | 'value' | 'valueMax' | 'unit' | 'unitKind'>;

/** The number with its unit: "30% GDP", "12 người/10.000 dân", "13–13,5%", "3 doanh nghiệp". */
export function formatQuantity(t: Value): string {
  const n = t.valueMax != null ? `${formatNumber(t.value)}–${formatNumber(t.valueMax)}` : formatNumber(t.value);
  if (t.unitKind === 'rank') return n;
  if (!t.unit || t.unit === 'chỉ số') return n;
  if (t.unit.startsWith('%')) return `${n}${t.unit}`.replace(/% (\S)/, '% $1');
  return `${n} ${t.unit}`;
}

/** Full wording: "tối thiểu 30% GDP", "trên 80%", "nhóm 20 dẫn đầu (trong nước)", "hạng 18". */
export function formatTarget(t: Value): string {
  if (t.unitKind === 'rank') {
    const scope = t.unit === 'hạng quốc tế' ? ' (quốc tế)' : t.unit === 'hạng trong nước' ? ' (trong nước)' : '';
    return t.comparator === '<=' ? `nhóm ${formatQuantity(t)} dẫn đầu${scope}` : `hạng ${formatQuantity(t)}${scope}`;
  }
  const word = WORD[t.comparator];
  return word ? `${word} ${formatQuantity(t)}` : formatQuantity(t);
}

/** Compact form for tables and chart labels: "≥ 30% GDP", "> 80%", "nhóm 20" (as the documents say it). */
export function formatShort(t: Value): string {
  if (t.unitKind === 'rank') return t.comparator === '<=' ? `nhóm ${formatQuantity(t)}` : `hạng ${formatQuantity(t)}`;
  const sign = SIGN[t.comparator];
  return sign ? `${sign} ${formatQuantity(t)}` : formatQuantity(t);
}

/** "2030", "2035–2045", "không nêu năm". */
export function formatYear(t: Pick<Target, 'year' | 'periodStart'>): string {
  if (t.year == null) return 'không nêu năm';
  return t.periodStart != null ? `${t.periodStart}–${t.year}` : String(t.year);
}
