// OCR damage detection: clean Vietnamese is almost all valid syllables and
// carries diacritics on most of them; a damaged scan has many tokens that are
// not syllables at all and far fewer diacritics.
import type { Block } from '../types.ts';
import { loadLexicon } from './lexicon.ts';
import { hasDiacritic, toKey } from './syllable.ts';
import { tokenize } from './tokenize.ts';

/** Documents scoring at or above this are restored. */
export const DAMAGE_THRESHOLD = 0.2;
/** Share of syllables with diacritics in clean Vietnamese prose is well above this. */
const EXPECTED_DIACRITICS = 0.5;
const MIN_TOKENS = 20;

export interface DamageStats {
  words: number;
  invalid: number;
  withDiacritics: number;
}

export function damageStats(text: string): DamageStats {
  const { keys } = loadLexicon();
  let words = 0;
  let invalid = 0;
  let withDiacritics = 0;
  for (const t of tokenize(text.normalize('NFC'))) {
    if (t.kind !== 'word') continue;
    // acronyms in capitals (UBND, GRDP, STEM) are neither damage nor evidence
    if (t.text.length > 1 && /^[\p{Lu}&]+$/u.test(t.text) && !keys.has(toKey(t.text))) continue;
    words++;
    const low = t.text.toLowerCase();
    if (!/^\p{Ll}+$/u.test(low) || !keys.has(toKey(low))) invalid++;
    if (hasDiacritic(low)) withDiacritics++;
  }
  return { words, invalid, withDiacritics };
}

/** 0 = clean … 1 = unreadable: one minus (share of valid syllables × diacritic sufficiency). */
export function damageScore(text: string): number {
  const s = damageStats(text);
  if (s.words === 0) return 0;
  const valid = 1 - s.invalid / s.words;
  const diacritics = Math.min(1, s.withDiacritics / s.words / EXPECTED_DIACRITICS);
  return 1 - valid * diacritics;
}

/** Whole-document decision, so a short clean heading in a scan or a stray code in a clean plan does not flip it. */
export function isDamagedDocument(blocks: Block[]): boolean {
  const text = blocks.map((b) => b.text).join('\n');
  return damageStats(text).words >= MIN_TOKENS && damageScore(text) >= DAMAGE_THRESHOLD;
}
