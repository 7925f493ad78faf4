import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../build/seeds.ts';
import { seedsDir } from '../../../tests/seeds.ts';
import { fnv1a, onePermutationSketch, SketchScreen, sketchSimilarity } from './minhash.ts';
import { duplicateSketch, similarity, textShingles } from '../plan.ts';
import { fold } from '../text.ts';

/** The seeds' paragraphs, recombined into texts that share more or less of their words. */
function texts(): string[] {
  const paragraphs = readSeeds(seedsDir)
    .flatMap((s) => new TextDecoder().decode(s.bytes).split(/\n+/))
    .filter((p) => p.length > 40);
  // Windows of paragraphs at growing offsets: neighbours share most of their text, distant ones little.
  return Array.from({ length: 40 }, (_, i) => paragraphs.slice(i * 7, i * 7 + 60 + (i % 5) * 20).join('\n'));
}

/** The 5-grams as strings: what textShingles numbers. */
function stringShingles(text: string): Set<string> {
  const words = fold(text).split(/[^a-z0-9]+/).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '));
  return out;
}

describe('textShingles', () => {
  it('numbers each distinct 5-gram once, its low 32 bits its FNV-1a hash', () => {
    for (const text of texts().slice(0, 8)) {
      const strings = stringShingles(text);
      const numbers = textShingles([{ text } as never]);
      expect(numbers.length).toBe(strings.size);
      expect(new Set(Array.from(numbers, (n) => n % 2 ** 32))).toEqual(new Set([...strings].map(fnv1a)));
      expect(duplicateSketch(numbers)).toEqual(onePermutationSketch([...strings].map(fnv1a), 512));
    }
  });

  it('gives the similarity of the 5-gram strings', () => {
    const all = texts();
    for (let i = 0; i + 1 < all.length; i += 3) {
      const [a, b] = [stringShingles(all[i]!), stringShingles(all[i + 1]!)];
      const shared = [...a].filter((s) => b.has(s)).length;
      expect(similarity(textShingles([{ text: all[i]! } as never]), textShingles([{ text: all[i + 1]! } as never]))).toBe(shared / (a.size + b.size - shared));
    }
  });
});

describe('SketchScreen', () => {
  it('answers for every pair what sketchSimilarity says, with and without empty bins', () => {
    const all = texts();
    // Short texts leave bins empty; long ones fill them all.
    const sketches = [...all, ...all.map((t) => t.slice(0, 600))].map((text) => duplicateSketch(textShingles([{ text } as never])));
    const screen = new SketchScreen(sketches);
    let above = 0;
    for (const share of [0.2, 0.38, 0.6])
      for (let i = 0; i < sketches.length; i++)
        for (let j = 0; j < i; j++) {
          const expected = sketchSimilarity(sketches[i]!, sketches[j]!) >= share;
          expect(screen.atLeast(i, j, share)).toBe(expected);
          if (expected) above++;
        }
    expect(above).toBeGreaterThan(0);
  });
});
