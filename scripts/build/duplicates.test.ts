// The duplicates step with an earlier build's answers: a rebuild after one plan changed gives what
// findDuplicates gives without them, and makes afresh only the changed text's sketch.
import { describe, expect, it } from 'vitest';
import { buildLibrary } from './library.ts';
import { readSeeds } from './seeds.ts';
import { libraryDuplicates, type DuplicateInput } from './duplicates.ts';
import { seedsDir } from '../../tests/seeds.ts';
import type { Plan } from '../pipeline/types.ts';

/** A memo in memory, counting the sketches reused and made. */
function memoryMemo() {
  const entries = new Map<string, unknown>();
  const counts = { reused: 0, computed: 0 };
  return {
    counts,
    get: <T>(key: string) => (entries.has(key) ? (structuredClone(entries.get(key)) as T) : null),
    set: (key: string, value: unknown) => void entries.set(key, structuredClone(value)),
    tally: (reused: number, computed: number) => {
      counts.reused += reused;
      counts.computed += computed;
    },
    keep: () => {},
  };
}

describe('libraryDuplicates with the answers of the previous build', () => {
  const plans = buildLibrary(readSeeds(seedsDir)).plans;
  /** A plan under another file name, its text with `words` added to its longest block (none: the same text). */
  const copy = (plan: Plan, file: string, words = ''): Plan => {
    const longest = plan.blocks.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    return { ...plan, sourceFile: file, blocks: plan.blocks.map((b) => (b === longest && words ? { ...b, text: `${b.text} ${words}` } : b)) };
  };
  const inputsOf = (list: Plan[]): DuplicateInput[] => list.map((plan) => ({ plan, fingerprint: `${plan.sourceFile}-${plan.blocks.length}` }));

  it('a rebuild answers as a full build, and sketches only the texts it had not seen', () => {
    // A near-identical copy (a duplicate) and an edited one beside the seeds.
    const first = inputsOf([...plans, copy(plans[0]!, 'zz-copy.txt', 'Sửa một chữ.'), copy(plans[1]!, 'zz-other.txt')]);
    const memo = memoryMemo();
    const full = libraryDuplicates(first, memo);
    expect(full).toEqual(libraryDuplicates(first));
    expect(full.duplicates.map((d) => d.dropped)).toEqual(expect.arrayContaining(['zz-copy.txt', 'zz-other.txt']));
    expect(memo.counts).toEqual({ reused: 0, computed: plans.length + 2 });

    // One plan changed: only its new text is sketched; the answers are a full build's.
    memo.counts.reused = memo.counts.computed = 0;
    const edited = [...plans.slice(0, 2), copy(plans[2]!, plans[2]!.sourceFile, 'Bổ sung nhiệm vụ rà soát hằng quý.'), ...plans.slice(3), copy(plans[0]!, 'zz-copy.txt', 'Sửa một chữ.')];
    const again = libraryDuplicates(inputsOf(edited), memo);
    expect(again).toEqual(libraryDuplicates(inputsOf(edited)));
    expect(memo.counts).toEqual({ reused: plans.length, computed: 1 });

    // A plan removed and the first library again: still a full build's answers.
    expect(libraryDuplicates(inputsOf(plans.slice(1)), memo)).toEqual(libraryDuplicates(inputsOf(plans.slice(1))));
    expect(libraryDuplicates(first, memo)).toEqual(full);
  });
});
