// A plan's text as a hast tree (built with hastscript's h()): one handler per block kind,
// and one walk that lays a block's spans (emphasis, uncertain restoration, links, clause
// marks, line breaks) over its text. Text only ever enters the tree as text nodes, so the
// serializer that writes the tree out escapes it: the page's HTML (emit-html.ts) and the
// search records (search/records.ts, which index the text this tree shows) are both made
// from here. Document text is data, never code, by construction.
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toText } from 'hast-util-to-text';
import type { Block, Plan, Span } from './types.ts';

/** An inline link the renderer puts over part of a block's text (e.g. a target phrase → its indicator page). */
export interface InlineLink extends Span {
  blockId: string;
  href: string;
  className?: string;
}

/** A quiet mark after a block's text, linking to where the block was copied from (reuse). */
export interface BlockMark {
  href: string;
  title: string;
}

/**
 * A marked stretch of a block's text with an id to link to (the clause that states a
 * target): highlighted when the address points at it. Links lie inside marks, never across.
 */
export interface InlineMark extends Span {
  blockId: string;
  id: string;
}

export type Inline = InlineLink | InlineMark;
const isMark = (x: Inline): x is InlineMark => !('href' in x);

/**
 * Text with its line breaks as <br>. A line that is only "|" separates the cells of a
 * header or signature layout (tables.ts, isLayoutTable): a line break on the page, not a
 * character to show.
 */
function withBreaks(text: string): ElementContent[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '|');
  return lines.flatMap((line, i) => [...(i > 0 ? [h('br')] : []), ...(line ? [{ type: 'text' as const, value: line }] : [])]);
}

/** [start, end) of a block: emphasis and uncertain-restoration spans as nested elements (the first listed innermost). */
function spanned(block: Block, start: number, end: number): ElementContent[] {
  const cuts = new Set([start, end]);
  const spans = [
    ...block.emphasis.map((e) => ({ ...e, wrap: (c: ElementContent[]) => h(e.kind, c) })),
    ...(block.uncertain ?? []).map((u) => ({ ...u, wrap: (c: ElementContent[]) => h('span.unsure', c) })),
  ].filter((s) => s.end > start && s.start < end);
  for (const s of spans) {
    cuts.add(Math.max(s.start, start));
    cuts.add(Math.min(s.end, end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  return points.slice(0, -1).flatMap((a, i) => {
    const b = points[i + 1]!;
    let piece = withBreaks(block.text.slice(a, b));
    for (const s of spans) if (s.start <= a && s.end >= b) piece = [s.wrap(piece)];
    return piece;
  });
}

/** [from, to) of a block with the links that lie inside it (overlapping ones are dropped, first wins). */
function linked(block: Block, links: InlineLink[], from: number, to: number): ElementContent[] {
  if (to <= from) return [];
  const mine = links
    .filter((l) => l.blockId === block.id && l.start >= from && l.end <= to && l.end > l.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ElementContent[] = [];
  let at = from;
  for (const link of mine) {
    if (link.start < at) continue;
    out.push(...spanned(block, at, link.start));
    out.push(h('a', { href: link.href, className: link.className }, spanned(block, link.start, link.end)));
    at = link.end;
  }
  return [...out, ...spanned(block, at, to)];
}

/**
 * The inline content of a block, or of [from, to) of it (a table cell), with marks and
 * the links inside them laid over it. A mark that starts before `from` (a table row's
 * clause, marked in its first cell) is not repeated.
 */
export function blockInline(block: Block, inline: Inline[], from = 0, to = block.text.length): ElementContent[] {
  const marks = inline
    .filter((m): m is InlineMark => isMark(m) && m.blockId === block.id && m.start >= from && m.start < to && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const links = inline.filter((l): l is InlineLink => !isMark(l));
  const out: ElementContent[] = [];
  let at = from;
  for (const mark of marks) {
    if (mark.start < at) continue;
    const end = Math.min(mark.end, to);
    out.push(...linked(block, links, at, mark.start));
    // No class: the only spans with an id in the text (CSS: .doc span[id]:target), bytes count on 2G.
    out.push(h('span', { id: mark.id }, linked(block, links, mark.start, end)));
    at = end;
  }
  return [...out, ...linked(block, links, at, to)];
}

/**
 * The permalink that starts every block. It carries the block's id itself (the block
 * element needs none), which keeps the repeated markup short: pages must stay small on
 * slow connections. Its "¶" cannot be selected (document.css), so that copying a
 * paragraph's text never picks it up.
 */
const permalink = (block: Block): Element => h('a', { id: block.id, href: `#${block.id}` }, '¶');

/** A block restored from a scan shows its scanned original, one click away without JavaScript. */
const showsScan = (block: Block): block is Block & { original: string } => block.original !== undefined && block.original !== block.text;

function scanned(block: Block): Element[] {
  return showsScan(block) ? [h('details.scan', [h('summary', 'Bản quét gốc'), ...withBreaks(block.original)])] : [];
}

/**
 * A table's rows: every cell with its text. A row with fewer cells than the widest (a
 * merged section row) spans the rest with its last cell.
 */
function tableRows(block: Block, inline: Inline[], cellStart: (row: number, cell: number) => ElementContent[] = () => []): Element[] {
  const rows = block.cells ?? [];
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((row, r) => {
    const header = r === 0 && block.headerRow;
    return h('tr', row.map((cell, c) => h(header ? 'th' : 'td', {
      scope: header ? 'col' : undefined,
      colSpan: c === row.length - 1 && row.length < width ? String(width - row.length + 1) : undefined,
    }, [...cellStart(r, c), ...blockInline(block, inline, cell.start, cell.end)])));
  });
}

/**
 * The text a block shows, as its element gives it (innerText), and its scanned original
 * when the page shows one: what the search index holds.
 */
export function shownText(block: Block): { text: string; scan?: string } {
  const text = toText(block.kind === 'table' ? h('table', tableRows(block, [])) : h('p', blockInline(block, [])));
  return showsScan(block) ? { text, scan: toText(h('p', withBreaks(block.original))) } : { text };
}

interface BlockContext {
  inline: Inline[];
  mark?: BlockMark;
  /** Tables are named "Bảng 1", "Bảng 2"… for screen readers, in reading order. */
  tableNumber: number;
}

/** The block's text after its permalink, and the quiet "chép" mark (kept out of the search index). */
function lineContent(block: Block, { inline, mark }: BlockContext): ElementContent[] {
  const after: ElementContent[] = mark ? [{ type: 'text', value: ' ' }, h('sup', { dataPagefindIgnore: true }, h('a', { href: mark.href, title: mark.title }, 'chép'))] : [];
  return [permalink(block), ...blockInline(block, inline), ...after];
}

/** One handler per block kind: the page's elements for a block. */
const blockHandlers: Record<Block['kind'], (block: Block, context: BlockContext) => Element[]> = {
  heading: (block, context) => [h(`h${Math.min(6, block.depth + 1)}`, lineContent(block, context)), ...scanned(block)],
  paragraph: (block, context) => {
    const scan = scanned(block);
    // <details> may not sit inside <p>: a restored paragraph becomes a <div> holding both.
    return scan.length ? [h('div.restored', [h('p', lineContent(block, context)), ...scan])] : [h('p', lineContent(block, context))];
  },
  item: (block, context) => {
    const scan = scanned(block);
    return [h('li', scan.length ? [h('div', lineContent(block, context)), ...scan] : lineContent(block, context))];
  },
  // A region that scrolls sideways on a phone (focusable, so it scrolls from the keyboard too).
  table: (block, { inline, tableNumber }) => [
    h('div.tbl', { role: 'region', ariaLabel: `Bảng ${tableNumber}`, tabIndex: '0' }, h('table', tableRows(block, inline, (r, c) => (r === 0 && c === 0 ? [permalink(block)] : [])))),
  ],
};

const PART_CLASS: Record<Block['part'], string> = { header: 'doc-head', body: 'doc-body', closing: 'doc-end' };

/** A plan's text: a div per part (header, body, closing), consecutive items in a list. */
export function planTree(plan: Pick<Plan, 'blocks'>, inline: Inline[] = [], marks: Map<string, BlockMark> = new Map()): Root {
  const parts: Element[] = [];
  let current: Block['part'] | null = null;
  let tableNumber = 0;
  for (const block of plan.blocks) {
    if (block.part !== current) {
      parts.push(h(`div.${PART_CLASS[block.part]}`));
      current = block.part;
    }
    const part = parts.at(-1)!;
    if (block.kind === 'table') tableNumber++;
    const elements = blockHandlers[block.kind](block, { inline, mark: marks.get(block.id), tableNumber });
    const list = part.children.at(-1);
    if (block.kind !== 'item') part.children.push(...elements);
    else if (list?.type === 'element' && list.tagName === 'ul') list.children.push(...elements);
    else part.children.push(h('ul', elements));
  }
  return { type: 'root', children: parts };
}
