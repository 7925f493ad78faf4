import { describe, expect, it } from 'vitest';
import { seedSiteData } from '../../tests/seeds.ts';
import { defaultChunkSize } from './build-index.ts';
import { placeName, syntheticPlans } from './synthetic.ts';

const { plans } = seedSiteData();

describe('syntheticPlans', () => {
  const synthetic = syntheticPlans(plans, 200);
  it('is made of the seeds’ real paragraphs, deterministically', () => {
    const real = new Set(plans.flatMap((p) => p.blocks.map((b) => b.text)));
    const blocks = synthetic.flatMap((p) => p.blocks);
    // Paragraphs naming their seed's locality are rewritten for the new one; the rest are verbatim.
    expect(blocks.filter((b) => real.has(b.text)).length / blocks.length).toBeGreaterThan(0.8);
    expect(syntheticPlans(plans, 200)).toEqual(synthetic);
  });
  it('varies localities and levels over the 34 provinces, with unique ids and no two plans alike', () => {
    expect(new Set(synthetic.map((p) => p.id)).size).toBe(200);
    expect(new Set(synthetic.map((p) => p.metadata.locality.value)).size).toBe(200);
    expect(new Set(synthetic.map((p) => p.metadata.level.value))).toEqual(new Set(['tỉnh', 'thành phố', 'xã']));
    expect(new Set(synthetic.map((p) => p.province)).size).toBe(34);
    expect(new Set(synthetic.map((p) => p.blocks.map((b) => b.text).join('\n'))).size).toBe(200);
  });
  it('names a place once: placeName never repeats', () => {
    const many = Array.from({ length: 4000 }, (_, k) => placeName(k));
    expect(new Set(many).size).toBe(4000);
  });
});

describe('defaultChunkSize', () => {
  it('is far below Pagefind’s 20,000 for the seeds and grows with the corpus', () => {
    const words = plans.reduce((n, p) => n + p.blocks.reduce((m, b) => m + b.text.split(/\s+/).length, 0), 0);
    expect(defaultChunkSize(words)).toBeLessThan(2000);
    expect(defaultChunkSize(words * 700)).toBeGreaterThan(defaultChunkSize(words));
  });
});
