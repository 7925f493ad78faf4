import { describe, expect, it } from 'vitest';
import type { Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { planHtml, treeToHtml } from './emit-html.ts';
import { planTree } from './plan-tree.ts';
import { tableBlock } from './parse.ts';
import type { Block, Plan } from './types.ts';
import { generateSiteData } from '../build/site-data.ts';
import { buildLibrary } from '../build/library.ts';
import { readSeeds } from '../build/seeds.ts';
import { planTextFile } from '../contract/generated.ts';
import { targetsSiteData } from './targets/site-targets.ts';
import { loadTaxonomy } from './targets/taxonomy.ts';
import { loadNationalReferences } from './national.ts';
import { seedsDir } from '../../tests/seeds.ts';

const block = (text: string, extra: Partial<Block> = {}): Block => ({
  id: 'd1', kind: 'paragraph', depth: 0, label: null, text, emphasis: [], line: 1, part: 'body', ...extra,
});

/**
 * A tree as a browser's parser would give it back: positions dropped, adjacent texts joined,
 * a bare attribute as the empty value HTML gives it, the line breaks between parts gone.
 */
function clean<T extends Nodes>(node: T): T {
  const bare = JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value === true ? '' : value))) as T;
  return joinText(bare);
}

function joinText<T extends Nodes>(node: T): T {
  if (!('children' in node)) return node;
  const children: Nodes[] = [];
  for (const child of (node.children as Nodes[]).map(joinText)) {
    const last = children.at(-1);
    if (child.type === 'text' && last?.type === 'text') last.value += child.value;
    else children.push(child);
  }
  return { ...node, children } as T;
}

/** A table's rows as the tree holds them: the parser puts the <tbody> HTML implies around them. */
function withoutImpliedTbody<T extends Nodes>(node: T): T {
  if (!('children' in node)) return node;
  const children = (node.children as Nodes[]).flatMap((c) => (c.type === 'element' && c.tagName === 'tbody' ? c.children : [c])).map(withoutImpliedTbody);
  return { ...node, children } as T;
}

/** The HTML read back as a browser reads it (an HTML fragment). */
function parseHtml(html: string): Root {
  const { data: _parserNotes, ...root } = withoutImpliedTbody(clean(fromHtml(html, { fragment: true })));
  return { ...root, children: root.children.filter((c) => !(c.type === 'text' && c.value === '\n')) };
}

/** What is written is what is read: the HTML denotes exactly the tree, with every text as text. */
function expectRoundTrip(plan: Pick<Plan, 'blocks'>, ...rest: Parameters<typeof planTree> extends [unknown, ...infer R] ? R : never) {
  const tree = planTree(plan, ...rest);
  expect(parseHtml(treeToHtml(tree))).toEqual(clean(tree));
}

// Every construct a plan's text could carry that HTML, MDX, JSX or Markdown would act on.
const HOSTILE = [
  '{props.secret}', '}}{{ ${template}', '<script>alert("xss")</script>', '</p></article>', '<!-- chú thích ẩn -->',
  'import fs from "node:fs";', 'export const stolen = process.env;', '`backtick` ``x``', '**đậm** *nghiêng* _gạch_ __x__',
  '| a | b |', '|---|---|', '&amp; &lt;b&gt; &#123; &copy', '[bấm vào đây](javascript:alert(1))', '![ảnh](x.png)', '[a]: /b',
  '<https://x.vn>', 'https://x.vn www.example.com và a@b.vn', '~~gạch~~ ~x~', '\\ \\* \\{', '# Không phải tiêu đề', '- mục', '1. mục', '> trích',
  '---', '[^1]: chú thích', '$x$', ':::note', '  hai khoảng trắng đầu', 'cuối  ', '\ttab', 'a\u2028b', '<img src=x onerror=alert(2)>',
  '<![CDATA[x]]>', '<textarea>', '<plaintext>', '</div><div onclick="alert(3)">', '&', '&#0;', "'\"`",
];

describe('the HTML of a plan', () => {
  it('reads back as exactly its tree for every hostile construct, in every kind of block, inside emphasis and links', () => {
    const blocks = HOSTILE.flatMap((text, i) => [
      block(text, { id: `p${i}` }),
      block(`Trước ${text} sau`, { id: `e${i}`, kind: 'item', emphasis: [{ kind: 'strong', start: 6, end: 6 + text.length }] }),
      block(`${text}\n${text}`, { id: `h${i}`, kind: 'heading', depth: 1, original: `gốc ${text}`, uncertain: [{ start: 0, end: 1 }] }),
      { ...block('', { id: `t${i}` }), ...tableBlock([[text, `*${text}*`], [text]]), kind: 'table' as const },
    ]);
    const links = blocks.map((b) => ({ blockId: b.id, start: 0, end: Math.min(3, b.text.length), href: `/x/?q="${b.id}"&a={b}` }));
    const marks = new Map(blocks.map((b) => [b.id, { href: '/van-ban/y/#d9', title: 'Chép "nguyên văn" {x} <b>' }]));
    expectRoundTrip({ blocks }, links, marks);
  });

  it('reads back as exactly its tree for every seed, target links and clause marks included', () => {
    const library = buildLibrary(readSeeds(seedsDir));
    const { files, plans } = generateSiteData(library);
    const targetLinks = targetsSiteData(library.plans, loadTaxonomy(), loadNationalReferences()).linksByPlan;
    expect(plans.length).toBe(5);
    for (const plan of plans) {
      const html = files.get(planTextFile(plan.id))!;
      expect(parseHtml(html), plan.id).toEqual(clean(planTree(plan, targetLinks.get(plan.id))));
      // Links and marks add no text: the file's text, in order, is the plain tree's.
      expect(toText(parseHtml(html)), plan.id).toBe(toText(planTree(plan)));
      expect(html, plan.id).not.toMatch(/<script|<!--/);
    }
  });
});

describe('planHtml', () => {
  it('writes the parts one a line, line breaks as <br/>, "<" and "&" as named references, every other character as is', () => {
    const plan = { blocks: [block('KẾ HOẠCH', { id: 'd1', part: 'header' }), block('Một\nHai <b> & {x} *y* import z "q"', { id: 'd2' })] };
    expect(planHtml(plan)).toBe(
      '<div class="doc-head"><p><a id="d1" href="#d1">¶</a>KẾ HOẠCH</p></div>\n' +
        '<div class="doc-body"><p><a id="d2" href="#d2">¶</a>Một<br/>Hai &lt;b> &amp; {x} *y* import z "q"</p></div>',
    );
  });
});
