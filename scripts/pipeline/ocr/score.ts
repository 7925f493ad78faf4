// Token-level comparison of a restored text with the truth, for the benchmark
// and the tests. Tokens are compared case-insensitively by syllable key, so the
// two tone placements ("hoá"/"hóa") count as the same syllable.
import { toKey } from './syllable.ts';
import { tokenize } from './tokenize.ts';

export interface Score {
  syllables: number; // word tokens in the truth
  correct: number;
  damaged: number; // syllables whose scanned form differed from the truth
  damagedCorrect: number;
  unrestored: number; // damaged syllables left exactly as scanned
  broken: number; // syllables right in the scan but wrong after restoration
  wrongChanged: number; // syllables the restorer changed into a wrong syllable (errors a reader cannot see)
  numbersAltered: number; // protected tokens whose text changed between scan and output
  misaligned: number; // paragraphs whose token counts differ (not scored)
}

export const emptyScore = (): Score => ({ syllables: 0, correct: 0, damaged: 0, damagedCorrect: 0, unrestored: 0, broken: 0, wrongChanged: 0, numbersAltered: 0, misaligned: 0 });

/** "tỉ"/"tỷ", "kĩ"/"kỹ", "lí"/"lý": final i after a consonant has two accepted spellings. */
const spelling = (key: string): string => key.replace(/^([bcdđghklmnpqrstvx]+)y(\d?)$/u, '$1i$2');

/** Same syllable up to letter case, tone placement ("hoá"/"hóa") and the i/y spelling variants. */
export function sameSyllable(a: string, b: string): boolean {
  return a === b || spelling(toKey(a.toLowerCase())) === spelling(toKey(b.toLowerCase()));
}

const same = sameSyllable;

export function scoreParagraph(truth: string, scanned: string, restored: string, into: Score = emptyScore()): Score {
  const [t, s, r] = [tokenize(truth), tokenize(scanned), tokenize(restored)];
  if (s.length !== r.length) {
    into.misaligned++;
    return into;
  }
  s.forEach((tok, i) => {
    if (tok.kind === 'protected' && tok.text !== r[i].text) into.numbersAltered++;
  });
  if (t.length !== s.length) {
    into.misaligned++;
    return into;
  }
  t.forEach((tok, i) => {
    if (tok.kind !== 'word') return;
    into.syllables++;
    const ok = same(r[i].text, tok.text);
    const damaged = !same(s[i].text, tok.text);
    if (ok) into.correct++;
    else if (r[i].text !== s[i].text) into.wrongChanged++;
    if (damaged) {
      into.damaged++;
      if (ok) into.damagedCorrect++;
      if (r[i].text === s[i].text) into.unrestored++;
    } else if (!ok) into.broken++;
  });
  return into;
}

export function addScores(a: Score, b: Score): Score {
  const out = emptyScore();
  for (const k of Object.keys(out) as Array<keyof Score>) out[k] = a[k] + b[k];
  return out;
}
