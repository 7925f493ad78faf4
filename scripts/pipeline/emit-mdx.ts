// Stage 8: a plan → the MDX page body. Document text is data, never code:
// every piece of text goes into the MDX as a JavaScript string literal inside
// `{…}`, with `{ } < >` written as \u escapes, so that nothing in a seed
// (`<script>`, `{x}`, `import`, backticks, `<!-- -->`, Markdown links) can be
// read as MDX, JSX, HTML or Markdown. Astro escapes the string when rendering.
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

/** A JS string literal that is safe inside MDX: no raw braces, angle brackets or line terminators. */
export function textLiteral(text: string): string {
  return `{${JSON.stringify(text).replace(/[{}<>\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}}`;
}

/** An attribute value: only used for ids, hrefs and class names we build, escaped anyway. */
function attr(value: string): string {
  return JSON.stringify(value).replace(/[{}<>]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function withBreaks(text: string): string {
  // A line that is only "|" separates the cells of a header or signature layout (tables.ts,
  // isLayoutTable): a line break on the page, not a character to show.
  return text.split('\n').filter((line) => line.trim() !== '|').map(textLiteral).join('<br />');
}

/** Render [start, end) of a block: emphasis and uncertain-restoration spans as nested tags. */
function renderRange(block: Block, start: number, end: number): string {
  const cuts = new Set([start, end]);
  const spans = [
    ...block.emphasis.map((e) => ({ ...e, tag: e.kind === 'strong' ? 'strong' : 'em', cls: '' })),
    ...(block.uncertain ?? []).map((u) => ({ ...u, tag: 'span', cls: 'unsure' })),
  ].filter((s) => s.end > start && s.start < end);
  for (const s of spans) {
    cuts.add(Math.max(s.start, start));
    cuts.add(Math.min(s.end, end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    let piece = withBreaks(block.text.slice(a, b));
    for (const s of spans) {
      if (s.start <= a && s.end >= b) piece = `<${s.tag}${s.cls ? ` class="${s.cls}"` : ''}>${piece}</${s.tag}>`;
    }
    out += piece;
  }
  return out;
}

/**
 * The inline content of a block, or of [from, to) of it (a table cell), with marks and
 * the links inside them laid over it (overlapping ones are dropped, first wins). A mark
 * that starts before `from` (a table row's clause, marked in its first cell) is not repeated.
 */
export function renderInline(block: Block, inline: Inline[], from = 0, to = block.text.length): string {
  const marks = inline
    .filter((m): m is InlineMark => isMark(m) && m.blockId === block.id && m.start >= from && m.start < to && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const links = inline.filter((l): l is InlineLink => !isMark(l));
  let out = '';
  let at = from;
  for (const mark of marks) {
    if (mark.start < at) continue;
    const end = Math.min(mark.end, to);
    out += renderLinks(block, links, at, mark.start);
    // No class: the only spans with an id in the text (CSS: .doc span[id]:target), bytes count on 2G.
    out += `<span id=${attr(mark.id)}>${renderLinks(block, links, mark.start, end)}</span>`;
    at = end;
  }
  return out + renderLinks(block, links, at, to);
}

/** [from, to) of a block with the links that lie inside it. */
function renderLinks(block: Block, links: InlineLink[], from: number, to: number): string {
  if (to <= from) return '';
  const mine = links.filter((l) => l.blockId === block.id && l.start >= from && l.end <= to && l.end > l.start);
  mine.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = from;
  for (const link of mine) {
    if (link.start < at) continue;
    if (link.start > at) out += renderRange(block, at, link.start);
    out += `<a href=${attr(link.href)}${link.className ? ` class=${attr(link.className)}` : ''}>${renderRange(block, link.start, link.end)}</a>`;
    at = link.end;
  }
  if (at < to) out += renderRange(block, at, to);
  return out;
}

/**
 * A table block: every cell with its text, in a region that scrolls sideways on a phone
 * (focusable, so it scrolls from the keyboard too). A row with fewer cells than the
 * widest (a merged section row) spans the rest with its last cell.
 */
function renderTable(block: Block, links: Inline[], number: number): string {
  const rows = block.cells ?? [];
  const width = Math.max(...rows.map((r) => r.length));
  const body = rows.map((row, r) => {
    const tag = r === 0 && block.headerRow ? 'th' : 'td';
    const cells = row.map((cell, c) => {
      const span = c === row.length - 1 && row.length < width ? ` colspan="${width - row.length + 1}"` : '';
      const scope = tag === 'th' ? ' scope="col"' : '';
      return `<${tag}${scope}${span}>${r === 0 && c === 0 ? permalink(block) : ''}${renderInline(block, links, cell.start, cell.end)}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<div class="tbl" role="region" aria-label="Bảng ${number}" tabindex="0"><table>${body.join('')}</table></div>`;
}

/**
 * The permalink that starts every block. It carries the block's id itself (the block
 * element needs none), which keeps the repeated markup short: pages must stay small on
 * slow connections. Its "¶" cannot be selected (document.css), so that copying a
 * paragraph's text never picks it up.
 */
function permalink(block: Block): string {
  return `<a id="${block.id}" href="#${block.id}">¶</a>`;
}

/** The scanned original of a restored block, one click away without JavaScript. */
function scanned(block: Block): string {
  if (block.original === undefined || block.original === block.text) return '';
  return `<details class="scan"><summary>Bản quét gốc</summary>${withBreaks(block.original)}</details>`;
}

function renderBlock(block: Block, links: Inline[], mark?: BlockMark, tableNumber = 0): string {
  if (block.kind === 'table') return renderTable(block, links, tableNumber);
  const after = mark ? ` <sup data-pagefind-ignore><a href=${attr(mark.href)} title=${attr(mark.title)}>chép</a></sup>` : '';
  const inner = `${permalink(block)}${renderInline(block, links)}${after}`;
  if (block.kind === 'heading') {
    const level = Math.min(6, block.depth + 1);
    return `<h${level}>${inner}</h${level}>${scanned(block)}`;
  }
  const scan = scanned(block);
  if (block.kind === 'item') return `<li>${scan ? `<div>${inner}</div>${scan}` : inner}</li>`;
  // <details> may not sit inside <p>: a restored paragraph becomes a <div> holding both.
  if (scan) return `<div class="restored"><p>${inner}</p>${scan}</div>`;
  return `<p>${inner}</p>`;
}

const PART_CLASS: Record<Block['part'], string> = { header: 'doc-head', body: 'doc-body', closing: 'doc-end' };

/** The MDX file of a plan: frontmatter with its id, then one JSX line per block. */
export function emitPlanMdx(plan: Plan, links: Inline[] = [], marks: Map<string, BlockMark> = new Map()): string {
  const lines: string[] = ['---', `planId: ${JSON.stringify(plan.id)}`, '---', ''];
  let part: Block['part'] | null = null;
  let inList = false;
  // Tables are named "Bảng 1", "Bảng 2"… for screen readers, in reading order.
  let tables = 0;
  for (const block of plan.blocks) {
    if (block.part !== part) {
      if (inList) lines.push('</ul>');
      if (part) lines.push('</div>');
      lines.push(`<div class="${PART_CLASS[block.part]}">`);
      part = block.part;
      inList = false;
    }
    if (block.kind === 'item' && !inList) { lines.push('<ul>'); inList = true; }
    if (block.kind !== 'item' && inList) { lines.push('</ul>'); inList = false; }
    if (block.kind === 'table') tables++;
    lines.push(renderBlock(block, links, marks.get(block.id), tables));
  }
  if (inList) lines.push('</ul>');
  if (part) lines.push('</div>');
  return lines.join('\n') + '\n';
}
