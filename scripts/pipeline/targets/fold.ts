// Index-preserving folding: lower case, Vietnamese diacritics removed, đ → d.
// Every UTF-16 unit of the input maps to exactly one unit of the output, so an
// offset found in the folded text is the same offset in the original. Matching on
// folded text makes phrasings robust to spelling variants (hoá/hóa, tỉ/tỷ, uỷ/ủy)
// and to scans that lost their diacritics.

import { fold as foldLetters, foldChar } from '../text.ts';

// Syllables spelt with a final y or i alike (tỷ/tỉ, kỹ/kĩ, lý/lí, mỹ/mĩ): fold to i.
// "quy", "tay", "này" keep their y (a vowel precedes it).
const Y_AS_I = /(?<![\p{L}\p{N}])([bcdghklmnpqrstvx]{1,2})y(?![\p{L}\p{N}])/gu;

// A block is folded several times (its own text, as heading context of the next ones).
const recent = new Map<string, string>();

export function fold(text: string): string {
  const hit = recent.get(text);
  if (hit !== undefined) return hit;
  const out = foldLetters(text).replace(Y_AS_I, '$1i');
  if (recent.size > 4000) recent.clear();
  recent.set(text, out);
  return out;
}

/**
 * Folds a regular-expression source written with diacritics. Escapes (\S, \p{L}, ...)
 * are copied verbatim: lower-casing them would change their meaning.
 */
export function foldPattern(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      out += ch + next;
      i++;
      if ((next === 'p' || next === 'P') && source[i + 1] === '{') {
        const close = source.indexOf('}', i);
        out += source.slice(i + 1, close + 1);
        i = close;
      }
      continue;
    }
    out += foldChar(ch);
  }
  return out.replace(Y_AS_I, '$1i');
}
