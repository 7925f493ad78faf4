// Applying the restorer to parsed blocks: the scanned text is kept in
// `original`, uncertain spans are reported, emphasis spans follow the edits.
import type { Block, EmphasisSpan, Span } from '../types.ts';
import { mapOffset, OcrRestorer, type Edit, type Restorer } from './restore.ts';

export function restoreBlocks(blocks: Block[], restorer: Restorer): Block[] {
  return blocks.map((b) => restoreBlock(b, restorer));
}

function restoreBlock(block: Block, restorer: Restorer): Block {
  // the numbering ("I-", "2.1.", "a)") is never restored: it stays as written
  const head = block.label && block.text.startsWith(block.label) ? block.label : '';
  const body = block.text.slice(head.length);
  let text: string;
  let uncertain: Span[];
  let edits: Edit[] | null = null;
  if (restorer instanceof OcrRestorer) {
    const r = restorer.restore(body);
    [text, uncertain, edits] = [r.text, r.uncertain, r.edits];
  } else {
    const r = restorer.restoreText(body);
    [text, uncertain] = [r.text, r.uncertain];
  }
  const shift = (s: Span): Span => ({ start: s.start + head.length, end: s.end + head.length });
  const moved = edits?.map((e) => ({ ...e, start: e.start + head.length, end: e.end + head.length })) ?? null;
  return {
    ...block,
    text: head + text,
    original: block.text,
    uncertain: uncertain.map(shift),
    emphasis: remapEmphasis(block.emphasis, moved, text === body),
  };
}

/** Emphasis follows the edits; without an edit list it survives only an unchanged text. */
function remapEmphasis(spans: EmphasisSpan[], edits: Edit[] | null, unchanged: boolean): EmphasisSpan[] {
  if (unchanged) return spans;
  if (!edits) return [];
  return spans
    .map((s) => ({ ...s, start: mapOffset(s.start, edits, 'start'), end: mapOffset(s.end, edits, 'end') }))
    .filter((s) => s.end > s.start);
}
