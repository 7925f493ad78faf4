// Index-preserving folding: lower case, Vietnamese diacritics removed, đ → d.
// Every UTF-16 unit of the input maps to exactly one unit of the output, so an
// offset found in the folded text is the same offset in the original. Matching on
// folded text makes phrasings robust to spelling variants (hoá/hóa, tỉ/tỷ, uỷ/ủy)
// and to scans that lost their diacritics.

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let out = cache.get(ch);
  if (out !== undefined) return out;
  const lower = ch.toLowerCase();
  if (lower === 'đ') out = 'd';
  else {
    const base = lower.normalize('NFD')[0] ?? lower;
    // Keep a one-to-one mapping: anything that would not fold to one unit stays as is.
    out = base.length === 1 && lower.length === 1 ? base : ch;
  }
  cache.set(ch, out);
  return out;
}

// Syllables spelt with a final y or i alike (tỷ/tỉ, kỹ/kĩ, lý/lí, mỹ/mĩ): fold to i.
// "quy", "tay", "này" keep their y (a vowel precedes it).
const Y_AS_I = /(?<![\p{L}\p{N}])([bcdghklmnpqrstvx]{1,2})y(?![\p{L}\p{N}])/gu;

export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out.replace(Y_AS_I, '$1i');
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
