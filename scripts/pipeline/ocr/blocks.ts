// Applying the restorer to parsed blocks: the scanned text is kept in
// `original`, uncertain spans are reported, emphasis spans follow the edits.
import type { Block, EmphasisSpan, Span } from '../types.ts';
import { mapOffset, type Edit, type Restorer } from './restore.ts';

export function restoreBlocks(blocks: Block[], restorer: Restorer): Block[] {
  return blocks.map((b) => restoreBlock(b, restorer));
}

function restoreBlock(block: Block, restorer: Restorer): Block {
  // the numbering ("I-", "2.1.", "a)") is never restored: it stays as written
  const head = block.label && block.text.startsWith(block.label) ? block.label : '';
  const body = block.text.slice(head.length);
  const { text, uncertain, edits } = restorer.restore(body);
  const shift = <T extends Span>(s: T): T => ({ ...s, start: s.start + head.length, end: s.end + head.length });
  return {
    ...block,
    text: head + text,
    original: block.text,
    uncertain: uncertain.map(shift),
    emphasis: text === body ? block.emphasis : remapEmphasis(block.emphasis, edits.map(shift)),
  };
}

/** Emphasis spans follow the edits; one whose words were all replaced is dropped. */
function remapEmphasis(spans: EmphasisSpan[], edits: Edit[]): EmphasisSpan[] {
  return spans
    .map((s) => ({ ...s, start: mapOffset(s.start, edits, 'start'), end: mapOffset(s.end, edits, 'end') }))
    .filter((s) => s.end > s.start);
}
