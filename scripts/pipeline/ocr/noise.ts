// Synthetic OCR noise for the benchmark, modelled on what the Rạch Giá scan
// shows: tones and hats dropped or turned into an acute ("méi", "céc"), o-family
// vowels read as digits or letters (6 b d 8 § 9), ư/ủ read as "t", "ti", "tr", "ir",
// Đ read as P, l read as 1, a few glued symbols ("k&"). Real-word errors arise
// by themselves ("mới" → "mai", "số" → "sé"). Seeded, so runs are reproducible.
import { fold, splitTone } from './syllable.ts';
import { tokenize } from './tokenize.ts';
import { mulberry32 } from '../random.ts';

type Table = Array<[number, string]>;
const pick = (r: () => number, table: Table): string | null => {
  let x = r();
  for (const [p, s] of table) {
    if (x < p) return s;
    x -= p;
  }
  return null;
};

// per intended (toneless, folded) vowel family: glyph-level misreadings
const O_FAMILY: Table = [[0.1, '6'], [0.08, 'b'], [0.05, 'd'], [0.02, '8'], [0.01, '§'], [0.01, '9']];
const U_HORN: Table = [[0.15, 'tr'], [0.1, 't'], [0.08, 'ir'], [0.04, 'tt'], [0.03, 'w']];
const U_HOOK: Table = [[0.25, 'ti'], [0.15, 't'], [0.05, 'i'], [0.03, 'li'], [0.03, 'a']];
const E_ACUTE = 0.18; // a marked vowel read as "é"
// set so that the share right as scanned (~10%) and with wrong letters (~25%) is near the
// hand-corrected sample of seed 002 (aggregate rates only; no token of it is used)
const TONE_LOST = 0.85;
const MOD_LOST = 0.85;
/** Plain letters misread as a look-alike ("chire" for "chức", "tc" for "tác"). */
const LOOKALIKE: Record<string, Table> = { c: [[0.02, 'e']], e: [[0.02, 'c']], n: [[0.015, 'u']], h: [[0.01, 'b']], i: [[0.02, 'l']], t: [[0.01, 'r']], m: [[0.015, 'rn']], a: [[0.015, 'd']] };

function noisyChar(c: string, r: () => number, allowDigits: boolean): string {
  const lower = c.toLowerCase();
  const upper = c !== lower;
  const { base, tone } = splitTone(lower);
  let out: string | null = null;
  if ('ôơ'.includes(base) && (tone || base === 'ô')) out = pick(r, O_FAMILY);
  else if (base === 'ư') out = pick(r, U_HORN);
  else if (base === 'u' && tone === 4) out = pick(r, U_HOOK);
  else if (lower === 'đ') out = upper ? (r() < 0.6 ? 'P' : 'D') : r() < 0.9 ? 'd' : 'p';
  else if (lower === 'l' && r() < 0.08) out = '1';
  else if (lower === 'ế' && r() < 0.1) out = '&';
  if (out !== null) {
    if (!allowDigits && /\d/.test(out)) out = fold(lower);
    return upper ? out.toUpperCase() : out;
  }
  if (base === fold(base) && !tone) {
    const look = LOOKALIKE[lower] ? pick(r, LOOKALIKE[lower]) : null;
    return look === null ? c : upper ? look.toUpperCase() : look;
  }
  if ((tone || base !== fold(base)) && 'aăâeêoôơ'.includes(base) && r() < E_ACUTE) return upper ? 'É' : 'é';
  let b = r() < MOD_LOST ? fold(base) : base;
  let t = r() < TONE_LOST ? 0 : tone;
  if (lower === 'ơ' || base === 'ơ') b = r() < 0.2 ? 'a' : b; // "mới" → "mai"
  const s = (b.normalize('NFD') + (t ? ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'][t - 1] : '')).normalize('NFC');
  return upper ? s.toUpperCase() : s;
}

/** Degrades every word token of a clean text; numbers and identifiers are left as they are. */
export function degrade(text: string, seed: number): string {
  const r = mulberry32(seed);
  let out = '';
  let last = 0;
  for (const t of tokenize(text)) {
    if (t.kind === 'protected') continue;
    // a digit inside "tri-xã" would stop it being split into two syllables, changing the tokens
    const allowDigits = text[t.start - 1] !== '-' && text[t.end] !== '-';
    let w = '';
    for (const c of t.text) w += noisyChar(c, r, allowDigits);
    // two digits would make the token look like a number; keep such draws letter-only
    if (/\d\d/.test(w) || /^\d+$/.test(w)) w = [...t.text].map((c) => noisyChar(c, r, false)).join('');
    out += text.slice(last, t.start) + w;
    last = t.end;
  }
  return out + text.slice(last);
}
