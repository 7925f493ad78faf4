// Alignment of two token lists (a candidate pair from the LSH buckets) and the
// word-level differences shown on the comparison pages. Both use the `diff` library
// (Myers' algorithm).
import { diffArrays, diffWords } from 'diff';
import type { Span } from '../types.ts';

/**
 * Dice similarity of the aligned tokens: 2 × (tokens in common, in order) / (sum of lengths),
 * 1 for the same list. Below `atLeast` the answer is 0: the alignment stops as soon as it
 * needs more edits than such a score allows.
 */
export function similarity(a: string[], b: string[], atLeast = 0): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  const maxEditLength = Math.floor((1 - atLeast) * total);
  const changes = diffArrays(a, b, { maxEditLength });
  if (!changes) return 0;
  const common = changes.filter((c) => !c.added && !c.removed).reduce((n, c) => n + c.count, 0);
  const score = (2 * common) / total;
  return score >= atLeast ? score : 0;
}

/** One piece of a word diff: text kept, written only in the plan (+) or only in the source (−). */
export interface WordChange {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Word-level differences from a source paragraph to a plan's paragraph ("tỉnh" → "thành phố"). */
export function wordChanges(source: string, plan: string): WordChange[] {
  return diffWords(source, plan).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
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
