// Text → the tokens reuse is measured on. Two views of one sentence:
// - `surface`: folded words (case, diacritics, punctuation and numbering gone), so a
//   scan's damaged diacritics or "1." → "a)" renumbering still read as the same words;
// - `normalized`: the surface with the plan's own locality name, every level word
//   ("tỉnh", "thành phố", "Tỉnh ủy"…) and every number replaced by a placeholder,
//   so "tỉnh Ninh Thuận … 30%" and "thành phố Phan Rang - Tháp Chàm … 10%" align.
import { loadVocabulary } from '../document-types.ts';
import { fold } from '../text.ts';

export const PLACE = '‹nơi›';
export const LEVEL = '‹cấp›';
export const NUMBER = '‹số›';

/** A sentence of a block: [start, end) in the block's text, with its two token views. */
export interface Sentence {
  start: number;
  end: number;
  surface: string[];
  normalized: string[];
}

/** Words of a text, lower-cased (diacritics kept), punctuation stripped from their ends. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);
}

/**
 * Level words, longest first, as lower-case word sequences: the administrative levels and
 * the party committees of content/taxonomy/document-header.json ("Tỉnh ủy" → "tỉnh ủy").
 * Matched with diacritics: folded "tinh" would also eat "tình hình", "tinh thần".
 */
const LEVEL_PHRASES: string[][] = (() => {
  const committees = loadVocabulary().header.bodies.filter((b) => b.role === 'committee' && b.level);
  const names = new Set(committees.flatMap((c) => [c.name, c.level!]));
  return [...names].map(words).filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
})();
/** The same phrases by their first word (longest first still): a word starting none is passed at once. */
const LEVEL_PHRASES_BY_FIRST = Map.groupBy(LEVEL_PHRASES, (p) => p[0]!);

function startsWith(tokens: string[], at: number, phrase: string[]): boolean {
  return phrase.length > 0 && phrase.every((w, k) => tokens[at + k] === w);
}

/** Numbering at the start of a block ("I.", "2.1.", "a)", "-", "+"): not part of what was written. */
const NUMBERING = /^\s*(?:[-+•*–]|(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)/-])\s*/iu;

/** The folded tokens of a locality name ("Phan Rang - Tháp Chàm" → phan rang thap cham). */
export function placeTokens(locality: string | null): string[] {
  return locality ? words(locality).map(fold) : [];
}

/** The two token views of a piece of text, given the folded tokens of its plan's locality name. */
export function tokenViews(text: string, place: string[]): { surface: string[]; normalized: string[] } {
  const lower = words(text.replace(NUMBERING, ''));
  // One fold for the sentence: it maps unit to unit, so the words stay where they were.
  const surface = lower.length ? fold(lower.join(' ')).split(' ') : [];
  const normalized: string[] = [];
  for (let i = 0; i < lower.length; ) {
    if (place.length > 0 && startsWith(surface, i, place)) {
      normalized.push(PLACE);
      i += place.length;
      continue;
    }
    const level = LEVEL_PHRASES_BY_FIRST.get(lower[i]!)?.find((p) => startsWith(lower, i, p));
    if (level) {
      normalized.push(LEVEL);
      i += level.length;
      continue;
    }
    normalized.push(/\d/.test(surface[i]!) ? NUMBER : surface[i]!);
    i += 1;
  }
  return { surface, normalized };
}

// A sentence ends at . ; : ! ? followed by a space (numbers such as "1.000" have none).
const SENTENCE_END = /[.;:!?…](?=\s)/g;

/** The sentences of a block's text, each with its token views; empty sentences are dropped. */
export function sentencesOf(text: string, place: string[]): Sentence[] {
  const cuts = [0];
  for (const m of text.matchAll(SENTENCE_END)) cuts.push(m.index + 1);
  cuts.push(text.length);
  const out: Sentence[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    const views = tokenViews(text.slice(start, end), place);
    if (views.surface.length > 0) out.push({ start, end, ...views });
  }
  return out;
}
