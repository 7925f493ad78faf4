import { describe, expect, it } from 'vitest';
import { generateSiteData, planEntry } from '../../scripts/build/site-data.ts';
import { seedCorpus } from '../../tests/seeds.ts';
import { localityUrl } from '../../scripts/contract/addresses.ts';
import { levelRank } from './format.ts';
import { localities } from './localities.ts';
import type { PlanEntry } from './plans.ts';

describe('localities of the seed plans', () => {
  const plans: PlanEntry[] = generateSiteData(seedCorpus()).plans.map(planEntry);
  const list = localities(plans);

  it('holds every plan that says where it was issued, once, under a page address of its level and name', () => {
    const placed = plans.filter((p) => p.metadata.locality.value);
    expect(list.flatMap((l) => l.plans).map((p) => p.id).sort()).toEqual(placed.map((p) => p.id).sort());
    for (const l of list) expect(`/dia-phuong/${l.slug}/`).toBe(localityUrl(l));
    expect(new Set(list.map((l) => l.slug)).size).toBe(list.length);
  });

  it('lists provinces before cities and communes', () => {
    const ranks = list.map((l) => levelRank(l.level));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(list[0]!.level).toBe('tỉnh');
  });
});
