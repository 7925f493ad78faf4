// The comparison pages' rows made from the seeds' real reuse (and Resolution 57 from
// ../shared/reference when present): every compared paragraph shown once, its words intact.
import { describe, expect, it } from 'vitest';
import { seedLibrary } from '../../../tests/seeds.ts';
import { readResolution } from '../../build/resolution.ts';
import { sharedReferenceDir } from '../../shared-folder.ts';
import type { Block } from '../types.ts';
import { computeReuse } from './compare.ts';
import { comparePlan } from './comparison.ts';
import { RESOLUTION_KEY } from './sources.ts';
import { comparison as comparisonSchema, type WordChange } from '../../contract/schemas/reuse.ts';

const plans = seedLibrary().plans;
const byId = new Map(plans.map((p) => [p.id, p]));
const data = computeReuse({ plans, resolution: readResolution(sharedReferenceDir) });
const compared = data.plans.flatMap((r) => r.sources.map((s) => ({ r, source: s.source, parent: s.source === RESOLUTION_KEY ? null : byId.get(s.source)! })));
const words = (changes: WordChange[], without: WordChange['kind']) => changes.filter((c) => c.kind !== without).map((c) => c.text).join('');

describe('comparison pages of the seeds', () => {
  it('compares at least one seed with its parent plan', () => {
    expect(compared.some((c) => c.parent)).toBe(true);
  });

  it.each(compared.map((c) => [`${c.r.plan} / ${c.source}`, c] as const))('%s: every compared paragraph once, in order, its words intact', (_, { r, source, parent }) => {
    const plan = byId.get(r.plan)!;
    const result = comparisonSchema.parse(comparePlan(plan, r, source, parent));
    const rows = result.sections.flatMap((s) => s.rows);
    expect(rows.map((row) => row.block)).toEqual(r.paragraphs.map((p) => p.block));
    const blocks = new Map<string, Block>(plan.blocks.map((b) => [b.id, b]));
    const sourceBlocks = new Map<string, Block>((parent?.blocks ?? []).map((b) => [b.id, b]));
    for (const row of rows) {
      // The plan's paragraph reads as written; beside its source, the source's reads as written too.
      expect(words(row.changes, 'removed')).toBe(blocks.get(row.block)!.text);
      expect(row.class).toBe(r.paragraphs.find((p) => p.block === row.block)!.matches[source]?.class ?? 'own');
      // The source's paragraph reads as written too, spaces included (diffWords dropped one next to a change: "57-NQ/TWtheo").
      if (row.pair) expect(words(row.changes, 'added')).toBe(sourceBlocks.get(row.match!.block)!.text);
      // Only an adapted paragraph of a library plan is shown beside its source; the resolution's text never is.
      expect(row.pair).toBe(row.class === 'adapted' && parent !== null);
      expect(row.match === null).toBe(row.class === 'own');
    }
    // A section starts at each heading of the highest level compared.
    const headings = rows.map((row) => blocks.get(row.block)!).filter((b) => b.kind === 'heading');
    const top = Math.min(...headings.map((b) => b.depth));
    expect(result.sections.map((s) => s.title).filter((t) => t !== 'Mở đầu')).toEqual(headings.filter((b) => b.depth === top).map((b) => b.text));
  });
});
