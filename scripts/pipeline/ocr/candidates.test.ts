import { describe, expect, it } from 'vitest';
import { CandidateIndex } from './candidates.ts';
import { loadLexicon } from './lexicon.ts';
import { fromKey } from './syllable.ts';

describe('SymSpell-style candidate index over the cspell syllable inventory', () => {
  const index = new CandidateIndex([...loadLexicon().keys].map(fromKey), (s) => (['của', 'số', 'mới', 'đổi'].includes(s) ? 1 : 0));
  const surfaces = (token: string, edits?: number): string[] => index.lookup(token, edits).flatMap(([f]) => index.surfaces(f).map((x) => x.surface));

  it('finds every diacritic reading of a bare syllable', () => {
    expect(surfaces('cua')).toEqual(expect.arrayContaining(['của', 'cửa', 'cua']));
    expect(surfaces('so')).toEqual(expect.arrayContaining(['số', 'sổ', 'sơ', 'sở']));
  });

  it('reaches a syllable two edits away ("ctia" → "của") and real-word neighbours the plans use ("mai" → "mới")', () => {
    expect(surfaces('ctia', 2)).toContain('của');
    expect(surfaces('mai')).toContain('mới');
  });
});
