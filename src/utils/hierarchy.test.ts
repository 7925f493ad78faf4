import { describe, expect, it } from 'vitest';
import { generateSiteData, planEntry } from '../../scripts/build/site-data.ts';
import { seedCorpus } from '../../tests/seeds.ts';
import { loadNationalReferences, nationalPage } from '../../scripts/pipeline/national.ts';
import { implementationTree, type TreeNode } from './hierarchy.ts';
import type { DocumentEntry, NationalEntry, PlanEntry } from './plans.ts';

describe('the implementation tree of the seed plans', () => {
  const generated = generateSiteData(seedCorpus());
  const plans: PlanEntry[] = generated.plans.map(planEntry);
  const documents: DocumentEntry[] = generated.documents.map((d) => ({ id: d.slug, ...d }));
  const national: NationalEntry[] = loadNationalReferences().map((r) => nationalPage(r, seedCorpus().plans, true));
  const { root, unplaced } = implementationTree('57-NQ/TW', plans, documents, national);
  const inTree = (n: TreeNode): string[] => [...(n.plan ? [n.plan.id] : []), ...n.children.flatMap(inTree)];

  it('starts at the national reference and shows every plan once, in the tree or apart', () => {
    expect(root.national?.number).toBe('57-NQ/TW');
    const shown = [...inTree(root), ...unplaced.map((p) => p.id)];
    expect(shown.sort()).toEqual(plans.map((p) => p.id).sort());
  });

  it('hangs a plan under the most specific document it implements, not under the resolution', () => {
    const commune = plans.find((p) => p.implements.some((d) => d !== '57-NQ/TW'))!;
    expect(commune).toBeDefined();
    const parentOf = (n: TreeNode, id: string): TreeNode | undefined =>
      n.children.some((c) => c.plan?.id === id) ? n : n.children.map((c) => parentOf(c, id)).find((x) => x !== undefined);
    const parent = parentOf(root, commune.id)!;
    expect(parent).not.toBe(root);
    expect(parent.plan?.docId ?? parent.document?.docId).toBe(commune.implements.find((d) => d !== '57-NQ/TW'));
  });
});
