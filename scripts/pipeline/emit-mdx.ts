// Stage 8: a plan → the MDX page body. The plan's text is a hast tree (plan-tree.ts); this
// turns its elements into MDX JSX nodes and its text into Markdown text nodes, and
// mdast-util-to-markdown (with the MDX extension) writes them out, escaping whatever in a
// text could be read as Markdown, JSX or an expression (`{`, `<`, `*`, `import` at a line
// start…). Nothing here escapes by hand. Astro reads these files as MDX without GFM
// (astro.config.mjs): GFM finds web addresses in text after parsing, past any escape.
import type { Element, ElementContent, Root } from 'hast';
import type { BlockContent, PhrasingContent, Root as MdastRoot } from 'mdast';
import { mdxToMarkdown } from 'mdast-util-mdx';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { find, html } from 'property-information';
import { planTree, type BlockMark, type Inline } from './plan-tree.ts';
import type { Plan } from './types.ts';

/** hast properties as the HTML attributes they stand for (`className` → `class="a b"`, `true` → a bare attribute). */
function attributes(element: Element): MdxJsxAttribute[] {
  return Object.entries(element.properties).flatMap(([property, value]) => {
    if (value === undefined || value === null || value === false) return [];
    const info = find(html, property);
    const text = Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : value === true ? null : String(value);
    return [{ type: 'mdxJsxAttribute', name: info.attribute, value: text }];
  });
}

function phrasing(node: ElementContent): PhrasingContent[] {
  if (node.type === 'text') return [{ type: 'text', value: node.value }];
  if (node.type !== 'element') return [];
  const element: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: node.tagName, attributes: attributes(node), children: node.children.flatMap(phrasing) };
  return [element];
}

/**
 * A part of the document and a list hold only blocks: they become JSX flow elements, one
 * block a line inside. Every other element is written on one line, as JSX inside a
 * paragraph (MDX unwraps a paragraph that holds only JSX), so its text stays inline.
 */
const holdsBlocks = (element: Element) => (element.tagName === 'div' || element.tagName === 'ul') && element.children.every((c) => c.type === 'element');

function flow(node: ElementContent): BlockContent[] {
  if (node.type === 'element' && holdsBlocks(node)) {
    const element: MdxJsxFlowElement = { type: 'mdxJsxFlowElement', name: node.tagName, attributes: attributes(node), children: node.children.flatMap(flow) };
    return [element];
  }
  return [{ type: 'paragraph', children: phrasing(node) }];
}

/** A hast tree as the MDX syntax tree that says it. */
export function treeToMdast(tree: Root): MdastRoot {
  return { type: 'root', children: tree.children.flatMap((c) => (c.type === 'element' || c.type === 'text' ? flow(c) : [])) };
}

// Made once: the serializer compiles its escaping patterns on first use and keeps them.
const MDX = { extensions: [mdxToMarkdown()] };

/** A hast tree as MDX. */
export function treeToMdx(tree: Root): string {
  return toMarkdown(treeToMdast(tree), MDX);
}

/** The MDX file of a plan: frontmatter with its id, then its text. */
export function emitPlanMdx(plan: Plan, inline: Inline[] = [], marks: Map<string, BlockMark> = new Map()): string {
  return `---\nplanId: ${JSON.stringify(plan.id)}\n---\n\n${treeToMdx(planTree(plan, inline, marks))}`;
}
