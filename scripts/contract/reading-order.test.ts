import { describe, expect, it } from 'vitest';
import { seedLibrary } from '../../tests/seeds.ts';
import { targetsSiteData } from '../pipeline/targets/site-targets.ts';
import { loadNationalReferences, nationalId } from '../pipeline/national.ts';
import { levelRank } from './levels.ts';
import { compareReadingOrder, nationalRows, targetsInReadingOrder } from './reading-order.ts';

describe('reading order (the seed plans, as the build makes them)', () => {
  const plans = [...seedLibrary().plans].sort(compareReadingOrder);
  const refs = loadNationalReferences();

  it('lists provinces before cities before communes, and is the same whatever order the plans come in', () => {
    const ranks = plans.map((p) => levelRank(p.metadata.level.value));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBeGreaterThan(1);
    expect([...plans].reverse().sort(compareReadingOrder).map((p) => p.id)).toEqual(plans.map((p) => p.id));
  });

  it("publishes targets plan by plan in that order, each plan's in paragraph order, the national reference's last in document order", () => {
    const { published, targets } = targetsSiteData(seedLibrary().plans);
    expect([...published].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...targets].sort((a, b) => a.id.localeCompare(b.id)));
    const planOrder = [...new Set(published.map((t) => t.plan))];
    const national = refs.map(nationalId);
    expect(planOrder).toEqual([...plans.map((p) => p.id).filter((id) => planOrder.includes(id)), ...national]);
    for (const p of plans) {
      const index = new Map(p.blocks.map((b, i) => [b.id, i]));
      const mine = published.filter((t) => t.plan === p.id).map((t) => [index.get(t.blockId)!, t.start]);
      expect(mine).toEqual([...mine].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    }
    const rows = published.filter((t) => national.includes(t.plan)).map((t) => t.blockId);
    expect(rows).toEqual(refs.flatMap((r) => r.targets.map((_, i) => `t${i + 1}`)));
    // Given in any order, the same order comes out (the pages sort a collection's entries again).
    const again = targetsInReadingOrder([...published].reverse(), [...plans, ...refs.map((r) => nationalRows(nationalId(r), r.targets))]);
    expect(again.map((t) => t.id)).toEqual(published.map((t) => t.id));
  });
});
