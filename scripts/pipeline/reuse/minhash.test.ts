import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../build/seeds.ts';
import { seedsDir } from '../../../tests/seeds.ts';
import { BANDS, bandKeys, fnv1a, KeySet, LshIndex, onePermutationSketch, SketchScreen, sketchSimilarity } from './minhash.ts';
import { sentencesOf } from './tokens.ts';
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
    const screen = new SketchScreen((i) => sketches[i]!);
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

describe('LshIndex', () => {
  // The seeds' sentences: those the plans share fill buckets, most are alone in theirs.
  const units = readSeeds(seedsDir).flatMap((s, doc) =>
    new TextDecoder()
      .decode(s.bytes)
      .split(/\n+/)
      .flatMap((line) => sentencesOf(line, []))
      .map((sentence) => ({ doc, keys: bandKeys(sentence.normalized) })),
  );
  const keys = new Uint32Array(units.length * BANDS);
  units.forEach((u, i) => keys.set(u.keys, BANDS * i));

  /** What the index answers, written plainly: a Map of arrays, items added in order. */
  function plainIndex(from: number, to: number) {
    const buckets = new Map<number, number[]>();
    for (let i = from; i < to; i++) for (const k of units[i]!.keys) buckets.set(k, [...(buckets.get(k) ?? []), i]);
    const candidates = (of: Uint32Array, best: number, read: number, skip: (i: number) => boolean) => {
      const counts = new Map<number, number>();
      let n = 0;
      reading: for (const k of of)
        for (const i of buckets.get(k) ?? []) {
          if (++n > read) break reading;
          if (!skip(i)) counts.set(i, (counts.get(i) ?? 0) + 1);
        }
      return [...counts].sort((a, b) => b[1] - a[1]).slice(0, best).map(([i]) => i);
    };
    return { buckets, candidates };
  }

  it('holds every bucket in order and finds the candidates a Map of arrays finds, for the library and a part of it', () => {
    expect(units.length).toBeGreaterThan(500);
    for (const [from, to] of [[0, units.length], [37, 300]] as const) {
      const index = new LshIndex(keys, from, to);
      const plain = plainIndex(from, to);
      expect(index.size).toBe(plain.buckets.size);
      expect([...plain.buckets.values()].some((items) => items.length > 1)).toBe(true);
      for (const [key, items] of plain.buckets) {
        const b = index.bucketOf(key);
        expect(Array.from({ length: index.bucketSize(b) }, (_, n) => index.bucketItem(b, n))).toEqual(items);
      }
      let absent = 0;
      while (plain.buckets.has(absent)) absent++;
      expect(index.bucketOf(absent)).toBe(-1);
      units.forEach((u, i) => {
        const skip = (j: number) => units[j]!.doc === u.doc;
        expect(index.candidates(u.keys, 6, 100, skip)).toEqual(plain.candidates(u.keys, 6, 100, skip));
        if (i % 7 === 0) expect(index.candidates(u.keys, 3, 10)).toEqual(plain.candidates(u.keys, 3, 10, () => false));
      });
    }
  });

  it('made for some keys and the first entries of their buckets, answers for those keys as the whole index does', () => {
    const whole = new LshIndex(keys, 0, units.length);
    // The keys of every fifth sentence: some of them fill buckets of many sentences.
    const asked = units.filter((_, i) => i % 5 === 0);
    const wanted = new KeySet(asked.flatMap((u) => [...u.keys]));
    expect(wanted.has(asked[0]!.keys[0]!)).toBe(true);
    for (const first of [3, 100]) {
      const part = new LshIndex(keys, 0, units.length, { wanted, first });
      let capped = 0;
      for (const key of wanted) {
        const [b, w] = [part.bucketOf(key), whole.bucketOf(key)];
        expect(part.bucketSize(b)).toBe(Math.min(whole.bucketSize(w), first));
        if (whole.bucketSize(w) > first) capped++;
        expect(Array.from({ length: part.bucketSize(b) }, (_, n) => part.bucketItem(b, n))).toEqual(Array.from({ length: part.bucketSize(b) }, (_, n) => whole.bucketItem(w, n)));
      }
      if (first === 3) expect(capped).toBeGreaterThan(0);
      for (const u of asked) expect(part.candidates(u.keys, 6, first)).toEqual(whole.candidates(u.keys, 6, first));
      const other = units.find((u) => u.keys.some((k) => !wanted.has(k)))!;
      expect(() => part.candidates(other.keys, 6, first)).toThrow(/not made/);
    }
  });
});
