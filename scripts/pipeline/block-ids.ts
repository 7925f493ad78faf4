// Paragraph ids from content, not position: a paragraph keeps its id (and every link that
// quotes it) when another paragraph is added, removed or edited above it. The id is "p" and
// a short hash of the paragraph's words, folded (case, tone marks, spacing and its numbering
// label ignored: renumbering a section or correcting a tone mark keeps the link). A text
// that occurs twice gets "-2", "-3"… in reading order. Old positional ids ("d17") still
// resolve on the page: see src/client/paragraph-links.js.
import { createHash } from 'node:crypto';
import { fold } from './text.ts';

/** Base-36 digits of the hash: 36^5 ≈ 60 million, so two paragraphs of a plan almost never share one (they would get "-2"). */
const DIGITS = 5;

/** What the id is computed from: the folded words without the numbering label. */
export function contentKey(text: string, label: string | null): string {
  const body = label && text.startsWith(label) ? text.slice(label.length) : text;
  return fold(body).replace(/\s+/g, ' ').trim();
}

export function contentId(key: string): string {
  const n = createHash('sha256').update(key).digest().readUInt32BE(0) % 36 ** DIGITS;
  return `p${n.toString(36).padStart(DIGITS, '0')}`;
}

/** The blocks with content-derived ids, in the same order. */
export function withContentIds<B extends { id: string; text: string; label: string | null }>(blocks: B[]): B[] {
  const seen = new Map<string, number>();
  return blocks.map((b) => {
    const id = contentId(contentKey(b.text, b.label));
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return { ...b, id: n === 1 ? id : `${id}-${n}` };
  });
}
