// The characters the OCR channel model knows, and how a scanned glyph relates to the
// intended character ("same", another diacritic of the same letter, a digit...): the
// kinds of relation that unseen (intended, scanned) pairs back off to in confusion.ts.
import { fold } from './syllable.ts';

export type Rel = 'same' | 'diac' | 'digit' | 'symbol' | 'letter' | 'del' | 'two';
export const RELS: Rel[] = ['same', 'diac', 'digit', 'symbol', 'letter', 'del', 'two'];
export const ALPHABET = [...'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵfjwz'];
const FOLD_SIZE = new Map<string, number>();
for (const ch of ALPHABET) FOLD_SIZE.set(fold(ch), (FOLD_SIZE.get(fold(ch)) ?? 0) + 1);

const clsCache = new Map<string, string>();
export function cls(c: string): string {
  let k = clsCache.get(c);
  if (k === undefined) clsCache.set(c, (k = charClass(c)));
  return k;
}

function charClass(c: string): string {
  if (c !== fold(c)) return c.normalize('NFD').length > 2 || /[\u0300\u0301\u0303\u0309\u0323]/.test(c.normalize('NFD')) ? 'tone' : 'mod';
  return 'aeiouy'.includes(c) ? 'vowel' : 'cons';
}

export function relOf(c: string, o: string): Rel {
  if (o === '') return 'del';
  if ([...o].length === 2) return 'two';
  if (o === c) return 'same';
  if (/\p{L}/u.test(o)) return fold(o) === fold(c) ? 'diac' : 'letter';
  return /\d/.test(o) ? 'digit' : 'symbol';
}

export function relSize(r: Rel, c: string): number {
  if (r === 'diac') return Math.max(1, (FOLD_SIZE.get(fold(c)) ?? 1) - 1);
  return { same: 1, digit: 10, symbol: 30, letter: 30, del: 1, two: 1 }[r];
}

export const CODE = new Map(ALPHABET.map((c, i) => [c, i]));

/** An intended syllable as the channel's character ids (null when it has a character outside the alphabet). */
export function intendedCodes(intended: string): Int32Array | null {
  const chars = [...intended];
  return chars.every((c) => CODE.has(c)) ? Int32Array.from(chars, (c) => CODE.get(c)!) : null;
}
