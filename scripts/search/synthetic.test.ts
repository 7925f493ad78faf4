import { describe, expect, it } from 'vitest';
import { seedsDir } from '../../tests/seeds.ts';
import { defaultChunkSize } from './build-index.ts';
import { seedCorpus } from './corpus.ts';
import { syntheticPlans } from './synthetic.ts';

const { plans } = seedCorpus(seedsDir);

describe('syntheticPlans', () => {
  const synthetic = syntheticPlans(plans, 200);
  it('is made of the seeds’ real paragraphs, deterministically', () => {
    const real = new Set(plans.flatMap((p) => p.blocks.map((b) => b.text)));
    const blocks = synthetic.flatMap((p) => p.blocks);
    // Paragraphs naming their seed's locality are rewritten for the new one; the rest are verbatim.
    expect(blocks.filter((b) => real.has(b.text)).length / blocks.length).toBeGreaterThan(0.8);
    expect(syntheticPlans(plans, 200)).toEqual(synthetic);
  });
  it('varies localities and levels, with unique ids', () => {
    expect(new Set(synthetic.map((p) => p.id)).size).toBe(200);
    expect(new Set(synthetic.map((p) => p.metadata.locality.value)).size).toBeGreaterThan(150);
    expect(new Set(synthetic.map((p) => p.metadata.level.value))).toEqual(new Set(['tỉnh', 'thành phố', 'xã']));
  });
});

describe('defaultChunkSize', () => {
  it('is far below Pagefind’s 20,000 for the seeds and grows with the corpus', () => {
    const words = plans.reduce((n, p) => n + p.blocks.reduce((m, b) => m + b.text.split(/\s+/).length, 0), 0);
    expect(defaultChunkSize(words)).toBeLessThan(2000);
    expect(defaultChunkSize(words * 700)).toBeGreaterThan(defaultChunkSize(words));
  });
});
