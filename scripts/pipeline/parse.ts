// Stage 3: paragraphs → blocks. Finds the document's three parts (header with
// the title, body, closing from "Nơi nhận" or the signature), numbering labels,
// headings and their hierarchy, bullets. Ids come from each block's content
// (block-ids.ts): the same source always gives the same ids, and a paragraph keeps its id
// when another is inserted above it.
import type { Block, EmphasisSpan, OutlineEntry, Span } from './types.ts';
import type { RawParagraph } from './normalize.ts';
import { stripEmphasis } from './emphasis.ts';
import { typeAtStart, type DocumentVocabulary } from './document-types.ts';
import { fold, isAllCaps } from './text.ts';
import { withContentIds } from './block-ids.ts';

type Numbering = 'roman' | 'number' | 'letter';

const LABELS: { kind: Numbering; pattern: RegExp }[] = [
  { kind: 'roman', pattern: /^([IVXLC]+)\s*[.\-–]\s*(?=\S)/u },
  { kind: 'number', pattern: /^(\d{1,2}(?:\.\d{1,2})*)\s*[.\-)]?\s+(?=\S)/u },
  { kind: 'letter', pattern: /^([a-zđ])\)\s*(?=\S)/u },
];
const BULLET = /^[-+•–_]\s+/u;
const ENDS_SENTENCE = /[.;:!?…]["”’)\]]*$/u;
// "Nơi nhận:" (tolerant of a scan's "Noi nhén:") or a signature capacity "T/M …", "KT. …".
const CLOSING_START = /^(noi nh[a-z]{1,2}n\s*:|t\/m\b|kt\.|tm\.)/;

export interface Label {
  kind: Numbering;
  label: string;
  /** Number of components: "2.1." → 2. */
  components: number;
}

/** The numbering a paragraph starts with ("I-", "2.1.", "a)"), if any. */
export function readLabel(text: string): Label | null {
  for (const { kind, pattern } of LABELS) {
    const m = pattern.exec(text);
    if (!m) continue;
    // "2030 ..." or "5G ..." is not a numbering: a bare number needs its dot, dash or parenthesis.
    if (kind === 'number' && !/[.\-)]\s*$/.test(m[0]) && !m[1]!.includes('.')) continue;
    const label = m[0].trim();
    return { kind, label, components: kind === 'number' ? m[1]!.split('.').length : 1 };
  }
  return null;
}

/** A numbered line that does not end a sentence and is not too long reads as a section heading. */
export function isHeadingText(text: string, label: Label | null, allStrong: boolean): boolean {
  // A hard-wrapped numbered title ("2.2. Định hướng đến\nnăm 2035") is still one: two short lines.
  if (text.includes('\n') && !allStrong && !(label && text.split('\n').length === 2 && text.length <= 120)) return false;
  if (ENDS_SENTENCE.test(text)) return false;
  if (label) return text.length <= (label.kind === 'roman' ? 300 : 400);
  return allStrong && text.length <= 150;
}

/** Depth before compaction: I → 1, 1. → 2, 1.1. → 3, a) → one below the last numbered heading. */
function rawDepth(label: Label | null, lastNumberedDepth: number): number {
  if (!label) return lastNumberedDepth + 1;
  if (label.kind === 'roman') return 1;
  if (label.kind === 'number') return label.components + 1;
  return lastNumberedDepth + 1;
}

/** Index of the paragraph naming the document type ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG"), or -1. */
export function findTypeLine(paragraphs: RawParagraph[], vocabulary: DocumentVocabulary): number {
  const limit = Math.min(paragraphs.length, 12);
  for (let i = 0; i < limit; i++) {
    const firstLine = paragraphs[i]!.text.split('\n')[0]!;
    if (isAllCaps(firstLine) && typeAtStart(firstLine, vocabulary)) return i;
  }
  return -1;
}

/** Where the header ends (exclusive): after the type line and its subject line. */
export function headerEnd(paragraphs: RawParagraph[], vocabulary: DocumentVocabulary): number {
  const typeLine = findTypeLine(paragraphs, vocabulary);
  if (typeLine < 0) return 0;
  const onlyType = !paragraphs[typeLine]!.text.includes('\n');
  const next = paragraphs[typeLine + 1];
  if (onlyType && next && !ENDS_SENTENCE.test(stripEmphasis(next.text).text)) return typeLine + 2;
  return typeLine + 1;
}

export function closingStart(paragraphs: RawParagraph[], from: number): number {
  for (let i = from; i < paragraphs.length; i++) {
    if (CLOSING_START.test(fold(paragraphs[i]!.text).trim())) return i;
  }
  return paragraphs.length;
}

/** Where an appendix after the closing starts ("PHỤ LỤC …"), or the end: it is body again, not closing. */
export function appendixStart(paragraphs: RawParagraph[], from: number, vocabulary: DocumentVocabulary): number {
  for (let i = from; i < paragraphs.length; i++) {
    const folded = fold(stripEmphasis(paragraphs[i]!.text).text).trim();
    if (vocabulary.appendixStarts.some((w) => folded.startsWith(w) && !/[a-z0-9]/.test(folded.charAt(w.length)))) return i;
  }
  return paragraphs.length;
}

export function parseBlocks(paragraphs: RawParagraph[], vocabulary: DocumentVocabulary): Block[] {
  const bodyFrom = headerEnd(paragraphs, vocabulary);
  const closingFrom = closingStart(paragraphs, bodyFrom);
  const appendixFrom = appendixStart(paragraphs, closingFrom, vocabulary);
  const blocks: Block[] = [];
  // Stack of raw depths of the open headings, to turn raw depths into levels without gaps.
  const open: number[] = [];
  let lastNumberedDepth = 1;

  paragraphs.forEach((p, index) => {
    const part: Block['part'] = index < bodyFrom ? 'header' : index >= closingFrom && index < appendixFrom ? 'closing' : 'body';
    if (p.cells) {
      blocks.push({ id: '', ...tableBlock(p.cells), line: p.line, part, label: null, kind: 'table', depth: 0 });
      return;
    }
    const bullet = BULLET.exec(p.text);
    const { text, emphasis } = stripEmphasis(bullet ? p.text.slice(bullet[0].length) : p.text);
    const allStrong = emphasis.some((e) => e.kind === 'strong' && e.start === 0 && e.end === text.length);
    const label = bullet ? null : readLabel(text);
    const common = { id: '', text, emphasis, line: p.line, part, label: label?.label ?? null };

    if (part === 'body' && !bullet && isHeadingText(text, label, allStrong) && (label || allStrong)) {
      const depth = rawDepth(label, lastNumberedDepth);
      if (label && label.kind !== 'letter') lastNumberedDepth = depth;
      while (open.length && open[open.length - 1]! >= depth) open.pop();
      open.push(depth);
      blocks.push({ ...common, kind: 'heading', depth: open.length });
    } else {
      blocks.push({ ...common, kind: bullet ? 'item' : 'paragraph', depth: 0 });
    }
  });
  return withContentIds(blocks);
}

/**
 * A table's text, emphasis and cell spans: each cell's Markdown emphasis read on its own,
 * cells joined by "\n". The first row names the columns when every cell in it is bold.
 */
export function tableBlock(rows: string[][]): Pick<Block, 'text' | 'emphasis' | 'cells' | 'headerRow'> {
  let text = '';
  const emphasis: EmphasisSpan[] = [];
  const cells = rows.map((row) =>
    row.map((raw) => {
      if (text !== '') text += '\n';
      const plain = stripEmphasis(raw);
      const start = text.length;
      emphasis.push(...plain.emphasis.map((e) => ({ ...e, start: e.start + start, end: e.end + start })));
      text += plain.text;
      return { start, end: text.length };
    }),
  );
  const strongAll = (c: Span) =>
    c.end === c.start || emphasis.some((e) => e.kind === 'strong' && e.start <= c.start && e.end >= c.end);
  const headerRow = rows.length > 1 && cells[0]!.some((c) => c.end > c.start) && cells[0]!.every(strongAll);
  return { text, emphasis, cells, headerRow };
}

export function outlineOf(blocks: Block[]): OutlineEntry[] {
  return blocks.filter((b) => b.kind === 'heading').map((b) => ({ id: b.id, depth: b.depth, text: b.text }));
}
