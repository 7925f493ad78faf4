// Stage 8: a plan → the HTML of its text on the page. The plan's text is a hast tree
// (plan-tree.ts); hast-util-to-html writes it out, escaping every text and attribute value,
// so a document's text stays text whatever it holds (`<script>`, `{`, `&amp;`…). Nothing here
// escapes by hand. A plan's page reads its fragment when it renders (src/utils/generated-data.ts)
// and sets it as HTML: no module per plan for Vite to compile.
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { planTree, type BlockMark, type Inline } from './plan-tree.ts';
import type { Plan } from './types.ts';

/** `<br/>` and `&amp;` as Astro writes them in the rest of the page. */
const OPTIONS = { closeSelfClosing: true, tightSelfClosing: true, characterReferences: { useNamedReferences: true } } as const;

/** A hast tree as HTML: the document's parts one a line, each part on one line. */
export function treeToHtml(tree: Root): string {
  return tree.children.map((part) => toHtml(part, OPTIONS)).join('\n');
}

/** The HTML fragment of a plan's text, with its inline links and clause marks and the marks of copied blocks. */
export function planHtml(plan: Pick<Plan, 'blocks'>, inline: Inline[] = [], marks: Map<string, BlockMark> = new Map()): string {
  return treeToHtml(planTree(plan, inline, marks));
}
