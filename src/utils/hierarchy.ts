// The implementation tree from a national document down: each plan hangs under the
// most specific document it implements (a provincial plan before 57-NQ/TW).
import type { DocumentEntry, NationalEntry, PlanEntry } from './plans.ts';

export interface TreeNode {
  /** A plan of the library, a national reference known by its facts, or a cited document the library does not hold. */
  plan?: PlanEntry;
  national?: NationalEntry;
  document?: DocumentEntry;
  children: TreeNode[];
}

export function implementationTree(rootDocId: string, plans: PlanEntry[], documents: DocumentEntry[], national: NationalEntry[] = []): TreeNode {
  const byDocId = new Map(plans.filter((p) => p.docId).map((p) => [p.docId!, p]));
  const docs = new Map(documents.map((d) => [d.docId, d]));
  const nodeOfDoc = new Map<string, TreeNode>();
  const root: TreeNode = { plan: byDocId.get(rootDocId), national: national.find((n) => n.number === rootDocId), document: docs.get(rootDocId), children: [] };
  nodeOfDoc.set(rootDocId, root);
  const planNodes = new Map(plans.map((p) => [p.id, { plan: p, children: [] } as TreeNode]));
  for (const plan of plans) {
    if (plan.docId === rootDocId) continue;
    const parents = plan.implements.filter((d) => d !== rootDocId);
    const parentDoc = parents[0] ?? (plan.implements.includes(rootDocId) ? rootDocId : null);
    if (!parentDoc) continue;
    const node = planNodes.get(plan.id)!;
    const parentPlan = byDocId.get(parentDoc);
    if (parentPlan && parentPlan.id !== plan.id) planNodes.get(parentPlan.id)!.children.push(node);
    else if (parentDoc === rootDocId) root.children.push(node);
    else {
      let docNode = nodeOfDoc.get(parentDoc);
      if (!docNode) {
        docNode = { document: docs.get(parentDoc), children: [] };
        nodeOfDoc.set(parentDoc, docNode);
        root.children.push(docNode);
      }
      docNode.children.push(node);
    }
  }
  return root;
}
