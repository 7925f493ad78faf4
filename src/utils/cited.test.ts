import { describe, expect, it } from 'vitest';
import { seedPageData } from '../../tests/helpers/seed-page-data.ts';
import { byCitations, citingPlans } from './cited.ts';
import { implementationTree, prunedTree, type TreeNode } from './hierarchy.ts';

const { plans, documents } = seedPageData();
const lookup = { plansById: new Map(plans.map((p) => [p.id, p])), rank: new Map(plans.map((p, i) => [p.id, i])) };

describe('citingPlans', () => {
  it('gives every citing sentence and every implementing plan of each cited document, each plan once, in the library order', () => {
    for (const doc of documents) {
      const list = citingPlans(doc, lookup);
      expect(list.map((c) => c.plan)).toEqual(plans.filter((p) => list.some((c) => c.plan === p)));
      expect(new Set(list.map((c) => c.plan.id)).size).toBe(list.length);
      expect(list.flatMap((c) => c.sentences)).toHaveLength(doc.citations.length);
      expect(new Set(list.flatMap((c) => c.sentences))).toEqual(new Set(doc.citations));
      expect(list.filter((c) => c.implements).map((c) => c.plan.id).sort()).toEqual([...doc.implementedBy].sort());
    }
  });

  it('lists cited documents most cited first', () => {
    const counts = byCitations(documents).map((d) => d.citations.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe('prunedTree', () => {
  const plansIn = (n: TreeNode): number => n.children.reduce((k, c) => k + (c.plan ? 1 : 0) + plansIn(c), 0);
  const hiddenIn = (n: TreeNode): number => (n.hidden ?? 0) + n.children.reduce((k, c) => k + hiddenIn(c), 0);
  const { root } = implementationTree('57-NQ/TW', plans, documents);

  it('keeps the whole tree when it fits', () => {
    expect(prunedTree(root, 10, 100)).toEqual(root);
  });

  it('counts every plan it leaves out', () => {
    for (const [depth, width] of [[1, 1], [1, 2], [2, 1], [0, 5]] as const) {
      const pruned = prunedTree(root, depth, width);
      expect(plansIn(pruned) + hiddenIn(pruned)).toBe(plansIn(root));
    }
  });
});
