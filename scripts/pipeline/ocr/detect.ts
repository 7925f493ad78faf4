// OCR damage detection. Clean Vietnamese carries diacritics on most of its
// syllables; an OCR scan that lost them has valid-looking but bare syllables
// ("va", "cong", "nghe") and garbled ones ("hién", "s6", "k&", "1a"). Foreign
// words and code ("import", "process.env") are neither: they do not count.
import type { Block } from '../types.ts';
import { loadLexicon } from './lexicon.ts';
import { hasDiacritic, toKey } from './syllable.ts';
import { tokenize } from './tokenize.ts';

/** Documents scoring at or above this are restored. */
export const DAMAGE_THRESHOLD = 0.2;
/** Share of syllables with diacritics in clean Vietnamese prose is well above this (≈ 0.6 in the seeds). */
const EXPECTED_DIACRITICS = 0.5;
const MIN_TOKENS = 20;

export interface DamageStats {
  /** Tokens judged: valid syllables and garbled ones. */
  words: number;
  /** Garbled: not a syllable, but Vietnamese letters with lost/wrong marks, or a digit or symbol inside a short word. */
  garbled: number;
  valid: number;
  validWithDiacritics: number;
}

/** "hién", "quyét" (a mark on a non-syllable), "s6", "k&", "1€", "d6i" (a glyph inside a short word). */
function isGarbled(low: string): boolean {
  if (hasDiacritic(low) && /^\p{L}+$/u.test(low)) return true;
  return low.length <= 6 && /\p{L}/u.test(low) && /^[\p{L}\d&§€¢¥'’]+$/u.test(low) && /[\d&§€¢¥'’]/u.test(low);
}

/** What a word token is evidence of; by its text alone, so it is worked out once per distinct word. */
type WordKind = 'valid' | 'validWithDiacritics' | 'garbled' | 'ignored';
const kindCache = new Map<string, WordKind>();

function wordKind(text: string): WordKind {
  let kind = kindCache.get(text);
  if (kind !== undefined) return kind;
  const { keys } = loadLexicon();
  const low = text.toLowerCase();
  // acronyms in capitals (UBND, GRDP, STEM) are neither damage nor evidence
  if (text.length > 1 && /^[\p{Lu}&]+$/u.test(text) && !keys.has(toKey(low))) kind = 'ignored';
  else if (/^\p{Ll}+$/u.test(low) && keys.has(toKey(low))) kind = hasDiacritic(low) ? 'validWithDiacritics' : 'valid';
  else kind = isGarbled(low) ? 'garbled' : 'ignored';
  if (kindCache.size < 100_000) kindCache.set(text, kind);
  return kind;
}

export function damageStats(text: string): DamageStats {
  const s: DamageStats = { words: 0, garbled: 0, valid: 0, validWithDiacritics: 0 };
  for (const t of tokenize(text.normalize('NFC'))) {
    if (t.kind !== 'word') continue;
    const kind = wordKind(t.text);
    if (kind === 'ignored') continue;
    if (kind === 'garbled') s.garbled++;
    else {
      s.valid++;
      if (kind === 'validWithDiacritics') s.validWithDiacritics++;
    }
    s.words++;
  }
  return s;
}

/** 0 = clean … 1 = unreadable: one minus (share not garbled × diacritic sufficiency of the valid syllables). */
export function damageScoreOf(s: DamageStats): number {
  if (s.words === 0) return 0;
  const notGarbled = 1 - s.garbled / s.words;
  const diacritics = s.valid ? Math.min(1, s.validWithDiacritics / s.valid / EXPECTED_DIACRITICS) : 0;
  return 1 - notGarbled * diacritics;
}

export const damageScore = (text: string): number => damageScoreOf(damageStats(text));

/** Whole-document decision, so a short clean heading in a scan or a stray code in a clean plan does not flip it; with the text's damage score. */
export function documentDamage(blocks: Block[]): { damaged: boolean; score: number } {
  const stats = damageStats(blocks.map((b) => b.text).join('\n'));
  const score = damageScoreOf(stats);
  return { damaged: stats.words >= MIN_TOKENS && score >= DAMAGE_THRESHOLD, score };
}

export const isDamagedDocument = (blocks: Block[]): boolean => documentDamage(blocks).damaged;
