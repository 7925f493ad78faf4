// The implementation tree from a national document down: each plan hangs under the
// most specific document it implements (a provincial plan before 57-NQ/TW). When the
// root document is itself a plan of the library, the root node is that plan.
import type { DocumentEntry, NationalEntry, PlanEntry } from './plans.ts';

export interface TreeNode {
  /** A plan of the library, a national reference known by its facts, or a cited document the library does not hold. */
  plan?: PlanEntry;
  national?: NationalEntry;
  document?: DocumentEntry;
  children: TreeNode[];
  /** Plans below this node left out of a pruned tree (prunedTree): counted, and linked to. */
  hidden?: number;
}

export interface ImplementationTree {
  root: TreeNode;
  /** Plans the tree cannot place (they name no document they implement): listed apart, never dropped. */
  unplaced: PlanEntry[];
}

export function implementationTree(rootDocId: string, plans: PlanEntry[], documents: DocumentEntry[], national: NationalEntry[] = []): ImplementationTree {
  const byDocId = new Map(plans.filter((p) => p.docId).map((p) => [p.docId!, p]));
  const docs = new Map(documents.map((d) => [d.docId, d]));
  const root: TreeNode = { plan: byDocId.get(rootDocId), national: national.find((n) => n.number === rootDocId), document: docs.get(rootDocId), children: [] };
  const nodeOfDoc = new Map<string, TreeNode>([[rootDocId, root]]);
  const planNodes = new Map(plans.map((p) => [p.id, p.docId === rootDocId ? root : ({ plan: p, children: [] } as TreeNode)]));
  const placed = new Set<string>();
  for (const plan of plans) {
    if (plan.docId === rootDocId) continue;
    const parents = plan.implements.filter((d) => d !== rootDocId);
    const parentDoc = parents[0] ?? (plan.implements.includes(rootDocId) ? rootDocId : null);
    if (!parentDoc) continue;
    const node = planNodes.get(plan.id)!;
    const parentPlan = byDocId.get(parentDoc);
    let parent: TreeNode | undefined = parentPlan && parentPlan.id !== plan.id ? planNodes.get(parentPlan.id) : nodeOfDoc.get(parentDoc);
    if (!parent) {
      parent = { document: docs.get(parentDoc), children: [] };
      nodeOfDoc.set(parentDoc, parent);
      root.children.push(parent);
    }
    parent.children.push(node);
  }
  // Only what hangs from the root is shown: a plan outside it (no parent, or a cycle) is unplaced.
  const visit = (n: TreeNode) => {
    if (n.plan) placed.add(n.plan.id);
    n.children.forEach(visit);
  };
  visit(root);
  return { root, unplaced: plans.filter((p) => !placed.has(p.id)) };
}

function planCount(node: TreeNode): number {
  return node.children.reduce((n, child) => n + (child.plan ? 1 : 0) + planCount(child), 0);
}

/**
 * The tree cut to `depth` levels below `node` and `width` children a node (the home page at
 * thousands of plans): each node says how many plans below it were left out.
 */
export function prunedTree(node: TreeNode, depth: number, width: number): TreeNode {
  if (depth <= 0) return { ...node, children: [], hidden: planCount(node) };
  const kept = node.children.slice(0, width);
  const cut = node.children.slice(width).reduce((n, child) => n + (child.plan ? 1 : 0) + planCount(child), 0);
  return { ...node, children: kept.map((child) => prunedTree(child, depth - 1, width)), ...(cut > 0 ? { hidden: cut } : {}) };
}
