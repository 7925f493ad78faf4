// Alignment of two token lists (a candidate pair from the LSH buckets), and the
// word-level differences shown on the comparison pages (the `diff` library).
import { diffWordsWithSpace } from 'diff';
import type { Span } from '../types.ts';
import type { WordChange } from '../../contract/schemas/reuse.ts';

/**
 * Dice similarity of the aligned tokens: 2 × (tokens in common, in order) / (sum of lengths),
 * 1 for the same list. Below `atLeast` the answer is 0 (and when the lengths alone rule it
 * out, no alignment is made). The longest common subsequence is computed here, one row at
 * a time: sentences are short, and this runs millions of times at the scale of a few
 * thousand plans, where the diff library's general Myers implementation was the cost.
 */
export function similarity<T>(a: ArrayLike<T>, b: ArrayLike<T>, atLeast = 0): number {
  return rangeSimilarity(a, 0, a.length, b, 0, b.length, atLeast);
}

/** The one row of the alignment, reused from call to call (grown when a sentence is longer). */
let row = new Uint16Array(256);

/** `similarity` of a[aFrom…aTo) and b[bFrom…bTo): sentences compared where they lie in flat arrays of tokens. */
export function rangeSimilarity<T>(a: ArrayLike<T>, aFrom: number, aTo: number, b: ArrayLike<T>, bFrom: number, bTo: number, atLeast = 0): number {
  const [aLength, bLength] = [aTo - aFrom, bTo - bFrom];
  const total = aLength + bLength;
  if (total === 0) return 1;
  if ((2 * Math.min(aLength, bLength)) / total < atLeast) return 0;
  if (row.length < bLength + 1) row = new Uint16Array(2 * (bLength + 1));
  row.fill(0, 0, bLength + 1);
  for (let i = aFrom; i < aTo; i++) {
    let diagonal = 0;
    for (let j = 0; j < bLength; j++) {
      const above = row[j + 1]!;
      row[j + 1] = a[i] === b[bFrom + j] ? diagonal + 1 : Math.max(above, row[j]!);
      diagonal = above;
    }
  }
  const score = (2 * row[bLength]!) / total;
  return score >= atLeast ? score : 0;
}
/**
 * Word-level differences from a source paragraph to a plan's paragraph ("tỉnh" → "thành phố"):
 * the source's text is the changes that are not added, the plan's those not removed, both exact.
 * diffWordsWithSpace keeps every space (diffWords could drop one of the source's next to a
 * change); a run of changes between unchanged words is merged into one removal and one addition,
 * so the page shows "<del>Nghị quyết</del>", not a change per word.
 */
export function wordChanges(source: string, plan: string): WordChange[] {
  const out: WordChange[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    // A space both sides share at the run's ends is unchanged text, not part of the change.
    const lead = Math.min(removed.length - removed.trimStart().length, added.length - added.trimStart().length);
    // (A side that is all spaces gives its spaces to the lead only.)
    const trail = Math.min(removed.length - removed.trimEnd().length, added.length - added.trimEnd().length, removed.length - lead, added.length - lead);
    if (lead) out.push({ kind: 'same', text: added.slice(0, lead) });
    if (removed.length - lead - trail > 0) out.push({ kind: 'removed', text: removed.slice(lead, removed.length - trail) });
    if (added.length - lead - trail > 0) out.push({ kind: 'added', text: added.slice(lead, added.length - trail) });
    if (trail) out.push({ kind: 'same', text: added.slice(added.length - trail) });
    removed = added = '';
  };
  for (const c of diffWordsWithSpace(source, plan)) {
    if (c.added) added += c.value;
    else if (c.removed) removed += c.value;
    else if (!c.value.trim() && (removed || added)) {
      removed += c.value;
      added += c.value;
    } else {
      flush();
      out.push({ kind: 'same', text: c.value });
    }
  }
  flush();
  return out;
}

/** The spans of `plan` that are not in `source`: what the plan wrote itself, without quoting the source. */
export function addedSpans(source: string, plan: string): Span[] {
  const spans: Span[] = [];
  let at = 0;
  for (const c of wordChanges(source, plan)) {
    if (c.kind === 'removed') continue;
    const lead = c.text.length - c.text.trimStart().length;
    const trail = c.text.length - c.text.trimEnd().length;
    if (c.kind === 'added' && c.text.trim()) spans.push({ start: at + lead, end: at + c.text.length - trail });
    at += c.text.length;
  }
  return spans;
}

/** A plan's text cut at `added` spans: only the plan's words, the ones it did not take from the source marked. */
export function markAdded(text: string, added: Span[] = []): WordChange[] {
  const out: WordChange[] = [];
  let at = 0;
  for (const s of added) {
    if (s.start > at) out.push({ kind: 'same', text: text.slice(at, s.start) });
    out.push({ kind: 'added', text: text.slice(s.start, s.end) });
    at = s.end;
  }
  if (at < text.length) out.push({ kind: 'same', text: text.slice(at) });
  return out;
}
