// The order plans are listed in and their targets published in: by level (centre first),
// then locality (Vietnamese collation), then date, then id; a plan's targets in paragraph
// order. One rule for the pipeline (targets.json and the open data) and the pages, which
// sort again because they read the entries in the order of their ids (src/utils/generated-data.ts).
import { targetAnchor } from './addresses.ts';
import { collator } from './format.ts';
import { levelRank } from './levels.ts';

type Listed = { id: string; metadata: { level: { value: string | null }; locality: { value: string | null }; date: { value: string | null } } };

export function compareReadingOrder(a: Listed, b: Listed): number {
  return (
    levelRank(a.metadata.level.value) - levelRank(b.metadata.level.value) ||
    collator.compare(a.metadata.locality.value ?? '', b.metadata.locality.value ?? '') ||
    (a.metadata.date.value ?? '').localeCompare(b.metadata.date.value ?? '') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

type Placed = { plan: string; blockId: string; start: number };

/** A national reference as `targetsInReadingOrder` takes it: its target rows (t1, t2, …) in document order. */
export function nationalRows(id: string, targets: readonly unknown[]): { id: string; blocks: { id: string }[] } {
  return { id, blocks: targets.map((_, i) => ({ id: targetAnchor(i) })) };
}

/**
 * Targets in reading order: their plans' order (`plans` in reading order, the national
 * references after them as `nationalRows`), then paragraph, then position in it.
 */
export function targetsInReadingOrder<T extends Placed>(targets: readonly T[], plans: readonly { id: string; blocks: readonly { id: string }[] }[]): T[] {
  const rank = new Map(plans.map((p, i) => [p.id, i]));
  // Only the paragraphs that hold a target are indexed (an index of every paragraph of every plan was millions of entries).
  const wanted = new Map<string, Map<string, number>>();
  for (const t of targets) {
    const own = wanted.get(t.plan) ?? new Map<string, number>();
    own.set(t.blockId, Infinity);
    wanted.set(t.plan, own);
  }
  for (const p of plans) {
    const own = wanted.get(p.id);
    if (own) p.blocks.forEach((b, i) => own.has(b.id) && own.set(b.id, i));
  }
  // Each target's place looked up once, not once per comparison (hundreds of thousands at national scale).
  const placed = targets.map((t) => ({ t, plan: rank.get(t.plan) ?? Infinity, block: wanted.get(t.plan)!.get(t.blockId)! }));
  return placed.sort((a, b) => a.plan - b.plan || a.block - b.block || a.t.start - b.t.start || 0).map((p) => p.t);
}
