import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { emitPlanMdx, treeToMdast, treeToMdx } from './emit-mdx.ts';
import { planTree } from './plan-tree.ts';
import { tableBlock } from './parse.ts';
import type { Block, Plan } from './types.ts';
import { generateSiteData } from '../build/site-data.ts';
import { buildLibrary } from '../build/library.ts';
import { readSeeds } from '../build/seeds.ts';
import { seedsDir } from '../../tests/seeds.ts';

const block = (text: string, extra: Partial<Block> = {}): Block => ({
  id: 'd1', kind: 'paragraph', depth: 0, label: null, text, emphasis: [], line: 1, part: 'body', ...extra,
});

/** MDX read back as Astro reads it (MDX without GFM: astro.config.mjs), positions dropped, adjacent text joined. */
function parseMdx(mdx: string): Nodes {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  return clean(fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }));
}

function clean<T extends Nodes>(node: T): T {
  const bare = JSON.parse(JSON.stringify(node, (key, value) => (key === 'position' ? undefined : value))) as T;
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

const textOf = (node: { type: string; value?: unknown; children?: unknown[] }): string =>
  node.type === 'text' ? String(node.value) : ((node.children ?? []) as (typeof node)[]).map(textOf).join('');

/** What is written is what is read: the MDX denotes exactly the tree, with every text as text. */
function expectRoundTrip(plan: Pick<Plan, 'id' | 'blocks'>, ...rest: Parameters<typeof emitPlanMdx> extends [unknown, ...infer R] ? R : never) {
  const tree = planTree(plan, ...rest);
  expect(parseMdx(treeToMdx(tree))).toEqual(clean(treeToMdast(tree)));
}

// Every construct a plan's text could carry that MDX, JSX, Markdown, GFM or HTML would act on.
const HOSTILE = [
  '{props.secret}', '}}{{ ${template}', '<script>alert("xss")</script>', '</p></article>', '<!-- chú thích ẩn -->',
  'import fs from "node:fs";', 'export const stolen = process.env;', '`backtick` ``x``', '**đậm** *nghiêng* _gạch_ __x__',
  '| a | b |', '|---|---|', '&amp; &lt;b&gt; &#123; &copy', '[bấm vào đây](javascript:alert(1))', '![ảnh](x.png)', '[a]: /b',
  '<https://x.vn>', 'https://x.vn www.example.com và a@b.vn', '~~gạch~~ ~x~', '\\ \\* \\{', '# Không phải tiêu đề', '- mục', '1. mục', '> trích',
  '---', '[^1]: chú thích', '$x$', ':::note', '  hai khoảng trắng đầu', 'cuối  ', '\ttab', 'a\u2028b', '<img src=x onerror=alert(2)>',
];

describe('the MDX of a plan', () => {
  it('reads back as exactly its tree for every hostile construct, in every kind of block, inside emphasis and links', () => {
    const blocks = HOSTILE.flatMap((text, i) => [
      block(text, { id: `p${i}` }),
      block(`Trước ${text} sau`, { id: `e${i}`, kind: 'item', emphasis: [{ kind: 'strong', start: 6, end: 6 + text.length }] }),
      block(`${text}\n${text}`, { id: `h${i}`, kind: 'heading', depth: 1, original: `gốc ${text}`, uncertain: [{ start: 0, end: 1 }] }),
      { ...block('', { id: `t${i}` }), ...tableBlock([[text, `*${text}*`], [text]]), kind: 'table' as const },
    ]);
    const links = blocks.map((b) => ({ blockId: b.id, start: 0, end: Math.min(3, b.text.length), href: `/x/?q="${b.id}"&a={b}` }));
    const marks = new Map(blocks.map((b) => [b.id, { href: '/van-ban/y/#d9', title: 'Chép "nguyên văn" {x} <b>' }]));
    expectRoundTrip({ id: 'x', blocks }, links, marks);
  });

  it('reads back with the text of every seed, as text, links and clause marks only JSX', () => {
    const { files, plans } = generateSiteData(buildLibrary(readSeeds(seedsDir)));
    expect(plans.length).toBe(5);
    for (const plan of plans) {
      const parsed = parseMdx(files.get(`plans/${plan.id}.mdx`)!);
      expect(JSON.stringify(parsed), plan.id).not.toMatch(/"type":"(mdxjsEsm|mdxFlowExpression|mdxTextExpression|html|heading|list|code|inlineCode|link|emphasis|strong|table|delete)"/);
      // Links and marks add no text: the file's text, in order, is the plain tree's.
      expect(textOf(parsed), plan.id).toBe(textOf(planTree(plan)));
    }
  });
});

describe('emitPlanMdx', () => {
  it('groups items into lists, parts into divs, and shows a restored block\'s scan one click away', () => {
    const plan = {
      id: 'x',
      blocks: [
        block('KẾ HOẠCH', { id: 'd1', part: 'header' }),
        block('I. MỤC TIÊU', { id: 'd2', kind: 'heading', depth: 1 }),
        block('Một', { id: 'd3', kind: 'item' }),
        block('Hai', { id: 'd4', kind: 'item' }),
        block('Chuyển đổi số', { id: 'd5', original: 'Chuyen dbi sb' }),
      ],
    } as Plan;
    expect(emitPlanMdx(plan)).toBe(
      [
        '---', 'planId: "x"', '---', '',
        '<div class="doc-head">',
        '  <p><a id="d1" href="#d1">¶</a>KẾ HOẠCH</p>',
        '</div>',
        '',
        '<div class="doc-body">',
        '  <h2><a id="d2" href="#d2">¶</a>I. MỤC TIÊU</h2>',
        '',
        '  <ul>',
        '    <li><a id="d3" href="#d3">¶</a>Một</li>',
        '',
        '    <li><a id="d4" href="#d4">¶</a>Hai</li>',
        '  </ul>',
        '',
        '  <div class="restored">',
        '    <p><a id="d5" href="#d5">¶</a>Chuyển đổi số</p>',
        '',
        '    <details class="scan"><summary>Bản quét gốc</summary>Chuyen dbi sb</details>',
        '  </div>',
        '</div>',
        '',
      ].join('\n'),
    );
  });

  it('escapes text through the serializer: braces, angle brackets and Markdown are written as text', () => {
    const mdx = emitPlanMdx({ id: 'x', blocks: [block('{x} <b> *y* import z')] } as Plan);
    expect(mdx).toContain('<p><a id="d1" href="#d1">¶</a>\\{x} \\<b> \\*y\\* import z</p>');
  });
});
