// Vietnamese syllable helpers: tone keys, folding and case, on NFC text.
// A syllable "key" is its lowercase letters with hats/horns kept and the tone
// moved to a trailing digit ("ủy" and "uỷ" both give "uy3"), so the two tone
// placement conventions found in real plans count as one syllable.
import { fold } from '../text.ts';

const TONE_MARKS = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']; // huyền, sắc, ngã, hỏi, nặng
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;
const VOWELS = 'aăâeêioôơuưy';

/** Splits a lowercase syllable into its toneless form and tone (0 = none, 1..5 as TONE_MARKS). */
export function splitTone(s: string): { base: string; tone: number } {
  const nfd = s.normalize('NFD');
  let tone = 0;
  for (const ch of nfd) {
    const t = TONE_MARKS.indexOf(ch);
    if (t >= 0) tone = t + 1;
  }
  return { base: nfd.replace(TONE_RE, '').normalize('NFC'), tone };
}

const keyCache = new Map<string, string>();

export function toKey(s: string): string {
  let k = keyCache.get(s);
  if (k === undefined) {
    const { base, tone } = splitTone(s.toLowerCase());
    k = tone ? base + tone : base;
    if (keyCache.size < 100_000) keyCache.set(s, k);
  }
  return k;
}

/** Rebuilds a surface form from a key, placing the tone by the modern rule. */
export function fromKey(key: string): string {
  const m = /^(.*?)(\d)?$/.exec(key)!;
  const base = m[1];
  const tone = m[2] ? Number(m[2]) : 0;
  if (!tone) return base;
  const chars = [...base];
  const vowelIdx = chars.map((c, i) => (VOWELS.includes(fold(c)) && c !== 'đ' ? i : -1)).filter((i) => i >= 0);
  if (vowelIdx.length === 0) return base;
  // the last modified vowel (ă â ê ô ơ ư) takes the tone; else "qu"/"gi" onsets skip their vowel; else the
  // second vowel of a closed or three-vowel nucleus, otherwise the first (oà / uỷ style).
  let pos = vowelIdx.filter((i) => 'ăâêôơư'.includes(chars[i])).pop();
  if (pos === undefined) {
    let v = vowelIdx;
    if ((base.startsWith('qu') || base.startsWith('gi')) && v.length > 1 && v[0] === 1) v = v.slice(1);
    const last = v[v.length - 1];
    const closed = last < chars.length - 1;
    pos = v.length >= 3 || (v.length === 2 && closed) ? v[1] : v.length === 2 ? (['oa', 'oe', 'uy'].includes(chars[v[0]] + chars[v[1]]) ? v[1] : v[0]) : v[0];
  }
  chars[pos] = (chars[pos] + TONE_MARKS[tone - 1]).normalize('NFC');
  return chars.join('');
}

// Lowercase, all diacritics removed, đ → d: the letters an OCR engine sees most reliably.
// The pipeline's one fold, re-exported for the OCR modules.
export { fold };

export function hasDiacritic(s: string): boolean {
  return /đ/i.test(s) || /[\u0300-\u036f]/.test(s.normalize('NFD'));
}

/**
 * Applies the letter case of the scanned token to the restored syllable: capitals when
 * most of its letters are ("PIiCH" → "ĐÍCH") or when it stands among capitals ("PHO Bf THU").
 */
export function applyCase(scanned: string, restored: string, amongCapitals = false): string {
  const letters = [...scanned].filter((c) => c.toLowerCase() !== c.toUpperCase());
  if (letters.length === 0) return amongCapitals ? restored.toUpperCase() : restored;
  const upper = letters.filter((c) => c === c.toUpperCase()).length;
  if ((letters.length > 1 && upper / letters.length > 0.6) || (amongCapitals && upper > 0)) return restored.toUpperCase();
  const first = [...scanned][0];
  const firstIsUpperLetter = first.toLowerCase() !== first.toUpperCase() && first === first.toUpperCase();
  // a capital I in the middle of a word is usually an OCR "l"; keep lower case then
  if (firstIsUpperLetter && !(first === 'I' && restored[0] !== 'i')) {
    return restored[0].toUpperCase() + restored.slice(1);
  }
  return restored;
}
