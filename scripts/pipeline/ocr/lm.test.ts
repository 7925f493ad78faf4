import { describe, expect, it } from 'vitest';
import { loadLexicon, loadWordList } from './lexicon.ts';
import { TrigramLM } from './lm.ts';
import { toKey } from './syllable.ts';

const k = (s: string): string[] => s.split(' ').map(toKey);

describe('syllable trigram model', () => {
  const { keys } = loadLexicon();
  // real sentences from seed 004
  const lm = new TrigramLM(
    [k('đột phá phát triển khoa học công nghệ đổi mới sáng tạo và chuyển đổi số quốc gia'), k('ban thường vụ tỉnh ủy ban hành chương trình hành động')],
    keys,
    loadWordList(),
  );
  const p = (u: string, v: string, w: string): number => {
    const [ws, bigram, out] = [Int32Array.of(lm.idOf(toKey(w))), new Float64Array(1), new Float64Array(1)];
    lm.bigramProbs(lm.idOf(toKey(v)), ws, Float64Array.of(lm.baseP(toKey(w))), bigram);
    lm.trigramLogProbs(lm.idOf(toKey(u)), lm.idOf(toKey(v)), bigram, ws, out, 0);
    return out[0]!;
  };

  it('prefers what the plans say', () => {
    expect(p('đổi', 'mới', 'sáng')).toBeGreaterThan(p('đổi', 'mới', 'sang'));
    expect(p('chuyển', 'đổi', 'số')).toBeGreaterThan(p('chuyển', 'đổi', 'sé'));
  });

  it('keeps unseen syllables possible, and prefers pairs from the general word list', () => {
    expect(Number.isFinite(p('cơ', 'sở', 'bản'))).toBe(true);
    expect(p('x', 'cơ', 'bản')).toBeGreaterThan(p('x', 'cơ', 'bán'));
  });

  it('gives tokens that are not syllables far less than any syllable', () => {
    expect(lm.unigram('ctia')).toBeLessThan(lm.unigram(toKey('nhãn')) - 5);
  });
});
