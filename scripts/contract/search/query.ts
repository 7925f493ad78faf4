// Query handling shared by the search page (browser) and the tests: NFC,
// phrase detection and the "d" → "đ" variants Pagefind cannot produce itself
// (it folds tone/vowel marks but never đ, which is a letter, not a mark).

/** Longest query we pass on; longer input is cut at a word boundary. */
export const MAX_QUERY_LENGTH = 200;
/** Syllables with an initial "d" beyond this many keep their spelling (2^n searches). */
export const MAX_D_SWAPS = 3;

export interface ParsedQuery {
  /** The query as Pagefind should see it: NFC, single spaces, quotes kept for phrases. */
  text: string;
  /** The words without quotes (for display and for ranking a phrase). */
  words: string[];
  phrase: boolean;
  /** True when the query has any letter outside ASCII (the user could type marks). */
  hasMarks: boolean;
}

export function parseQuery(raw: string): ParsedQuery {
  let text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (text.length > MAX_QUERY_LENGTH) text = text.slice(0, MAX_QUERY_LENGTH).replace(/\s\S*$/, '');
  // Curly quotes from phone keyboards count as quotes.
  text = text.replace(/[“”„«»]/g, '"');
  const phrase = /^".+"$/.test(text) && text.indexOf('"', 1) === text.length - 1;
  const bare = text.replace(/"/g, ' ').replace(/\s+/g, ' ').trim();
  return {
    text: phrase ? `"${bare}"` : bare,
    words: bare ? bare.split(' ') : [],
    phrase,
    hasMarks: /[^\x00-\x7f]/.test(bare),
  };
}

/** A query to run, and how much its results are trusted relative to the query as typed. */
export interface QueryVariant {
  text: string;
  weight: number;
}

/**
 * Where a "d" in a word may stand for "đ": the first letter of a syllable ("dong"), or
 * any letter of an abbreviation inside a document number, whose letters are each a
 * syllable's initial ("QD" in "2629/QD-TTg" is "QĐ", Quyết định).
 */
function dPositions(word: string): number[] {
  const isD = (c: string | undefined) => c === 'd' || c === 'D';
  if (/\p{N}/u.test(word) && /[/-]/.test(word)) return [...word.matchAll(/[dD]/g)].filter((m) => /\p{L}/u.test(word.slice(m.index - 1, m.index) + word.slice(m.index + 1, m.index + 2))).map((m) => m.index);
  const first = /^[^\p{L}\p{N}]*/u.exec(word)![0].length;
  return isD(word[first]) && /\p{L}/u.test(word[first + 1] ?? '') ? [first] : [];
}

/** Tone marks (combining, after NFD). */
const TONE = '[\u0300\u0301\u0303\u0309\u0323]';
/** An open syllable ending in oa, oe or uy, with its tone on either vowel: "hóa"/"hoá", "thủy"/"thuỷ". */
const TWO_PLACEMENTS = new RegExp(`([oOuU])(${TONE})?([aAeEyY])(${TONE})?(?=[^\\p{L}]*$)`, 'u');

/**
 * The same word with its tone on the other vowel of a final oa/oe/uy ("hoá" ↔ "hóa",
 * "thuỷ" ↔ "thủy"), or null. Both placements are correct Vietnamese; Pagefind
 * matches both but ranks the typed one first, so the search runs both.
 */
export function otherTonePlacement(word: string): string | null {
  const nfd = word.normalize('NFD');
  const m = TWO_PLACEMENTS.exec(nfd);
  if (!m || (!m[2] && !m[4]) || (m[2] && m[4])) return null;
  const pair = `${m[1]}${m[3]}`.toLowerCase();
  if (pair !== 'oa' && pair !== 'oe' && pair !== 'uy') return null;
  // "qu" + y: the u is part of the consonant, the tone can only sit on y.
  if (pair === 'uy' && /[qQ]$/.test(nfd.slice(0, m.index))) return null;
  const swapped = m[2] ? `${m[1]}${m[3]}${m[2]}` : `${m[1]}${m[4]}${m[3]}`;
  return (nfd.slice(0, m.index) + swapped + nfd.slice(m.index + m[0].length)).normalize('NFC');
}

/**
 * The query as typed plus every spelling where a syllable-initial "d" (or a d of a
 * document number's letters, `dPositions`) is read as "đ" ("dong thap" → "đong thap";
 * Pagefind folds the tones itself).
 * A query typed with other marks but a plain "d" is probably meant as typed,
 * so its swapped variants weigh less; a bare-ASCII query is equally likely
 * to mean either letter.
 */
export function queryVariants(q: ParsedQuery, swappedWeight = 0.8): QueryVariant[] {
  const words = q.words;
  const swappable = words.flatMap((w, i) => dPositions(w).map((at) => [i, at] as const)).slice(0, MAX_D_SWAPS);
  const weight = q.hasMarks ? swappedWeight : 1;
  const variants: QueryVariant[] = [];
  for (let mask = 0; mask < 1 << swappable.length; mask++) {
    const swapped = words.map((w, i) => {
      const chars = w.split('');
      swappable.forEach(([wi, at], bit) => {
        if (wi === i && mask & (1 << bit)) chars[at] = chars[at] === 'D' ? 'Đ' : 'đ';
      });
      return chars.join('');
    });
    const bare = swapped.join(' ');
    variants.push({ text: q.phrase ? `"${bare}"` : bare, weight: mask === 0 ? 1 : weight });
    // The other tone placement is the same word, so it weighs as much as what was typed.
    const replaced = swapped.map((w) => otherTonePlacement(w) ?? w).join(' ');
    if (replaced !== bare) variants.push({ text: q.phrase ? `"${replaced}"` : replaced, weight: mask === 0 ? 1 : weight });
  }
  return variants;
}

/** Lower-case, strip tone/vowel marks and đ → d: two spellings compare equal when their folds do. */
export function foldVi(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}
