// Small text helpers shared by the stages: folding for tolerant matching, slugs.

/** One character folded: lower case, diacritics removed, đ → d; a character that would not fold to one unit stays as is. */
export function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  if (lower === 'đ') return 'd';
  const base = lower.normalize('NFD')[0] ?? lower;
  return base.length === 1 && lower.length === 1 ? base : ch;
}

// Folding table up to the end of the Vietnamese block (U+1EFF); other units pass through.
const TABLE_SIZE = 0x1f00;
const TABLE = new Uint16Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) TABLE[c] = foldChar(String.fromCharCode(c)).charCodeAt(0);
const foldCode = (c: number): number => (c < TABLE_SIZE ? TABLE[c]! : c);
/** Up to this length a folded string is built by concatenation (cheaper than a typed array). */
const SHORT = 32;

/**
 * Lowercase, strip every diacritic and map đ→d: "Đồng Tháp" → "dong thap". For matching
 * only, never for display. Every UTF-16 unit maps to exactly one unit, so an index in
 * the folded text is the same index in the original (metadata and targets cut values
 * out of the original at offsets found in the folded text).
 */
export function fold(text: string): string {
  const n = text.length;
  // most words and many lines fold to themselves: the same string back, nothing built
  let i = 0;
  while (i < n && foldCode(text.charCodeAt(i)) === text.charCodeAt(i)) i++;
  if (i === n) return text;
  if (n <= SHORT) {
    let out = text.slice(0, i);
    for (; i < n; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
    return out;
  }
  const codes = new Uint16Array(n);
  for (let j = 0; j < n; j++) codes[j] = foldCode(text.charCodeAt(j));
  let out = '';
  // apply, not spread: a spread iterates the typed array (the pipeline's hottest helper)
  for (let j = 0; j < n; j += 4096) out += String.fromCharCode.apply(null, codes.subarray(j, j + 4096) as unknown as number[]);
  return out;
}

/** URL slug: "Phan Rang - Tháp Chàm" → "phan-rang-thap-cham", "57-NQ/TW" → "57-nq-tw". */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** True when every letter is uppercase (titles, committee names, signature capacities). */
export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
}

/** At least 80% of the letters are uppercase: a scan's "PHO Bf THU" still reads as a capitals line. */
export function isMostlyCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return false;
  const upper = [...letters].filter((c) => c !== c.toLowerCase()).length;
  return upper / letters.length >= 0.8;
}

/** A share as a whole percentage for messages, rounded down: 0.996 → "99%" (never a "100%" that is not). */
export const percent = (share: number) => `${Math.floor(share * 100)}%`;
