// The duplicates step with the document cache: each plan's sketch is kept under a hash of its
// text, and the exact score of every pair of texts scored is kept for the next build. A rebuild
// after one plan changed screens every pair again (the sketches' screen is cheap: SketchScreen)
// and scores only the pairs with that plan's new text; the shingles of a plan are made only when
// one of its pairs is scored afresh. The answers are those findDuplicates computes, so the result
// is the same as a full build.
import { createHash } from 'node:crypto';
import type { Plan } from '../pipeline/types.ts';
import { duplicateSketch, findDuplicates, textShingles, type DuplicateCandidate, type Duplicate, type Lookalike, type PairAnswers } from '../pipeline/plan.ts';
import type { Memo } from '../pipeline/memo.ts';

/** The scores one build noted: its texts (hashes), and per pair of them scored, their places and score. */
interface StoredPairs {
  texts: string[];
  scores: [number, number, number][];
}

/** One number per pair of places (i ≠ j, either order): i(i−1)/2 + j for i > j. */
const pairAt = (i: number, j: number) => (i > j ? (i * (i - 1)) / 2 + j : (j * (j - 1)) / 2 + i);

/** This build's pair scores, the previous build's given where its texts are the same. */
class PairMemo implements PairAnswers {
  private readonly previous: Map<string, number>;
  private readonly prevScores: Map<number, number>;
  private readonly index = new Map<string, number>();
  private readonly scores = new Map<number, [number, number, number]>();
  private readonly textOf: Map<DuplicateCandidate, string>;
  constructor(textOf: Map<DuplicateCandidate, string>, stored: StoredPairs | null) {
    this.textOf = textOf;
    this.previous = new Map((stored?.texts ?? []).map((t, i) => [t, i]));
    this.prevScores = new Map((stored?.scores ?? []).map(([i, j, s]) => [pairAt(i, j), s]));
    for (const t of textOf.values()) if (!this.index.has(t)) this.index.set(t, this.index.size);
  }

  score(a: DuplicateCandidate, b: DuplicateCandidate, compute: () => number): number {
    const [ta, tb] = [this.textOf.get(a)!, this.textOf.get(b)!];
    if (ta === tb) return compute();
    const [pa, pb] = [this.previous.get(ta), this.previous.get(tb)];
    const [i, j] = [this.index.get(ta)!, this.index.get(tb)!];
    const answer = (pa === undefined || pb === undefined ? undefined : this.prevScores.get(pairAt(pa, pb))) ?? compute();
    this.scores.set(pairAt(i, j), [i, j, answer]);
    return answer;
  }

  stored(): StoredPairs {
    return { texts: [...this.index.keys()], scores: [...this.scores.values()] };
  }
}

export interface DuplicateInput {
  plan: Plan;
  /** The restored seed's text fingerprint (the same text after normalization). */
  fingerprint: string;
}

/** findDuplicates over the plans, with the earlier build's sketches and pair answers when `memo` holds them. */
export function libraryDuplicates(inputs: DuplicateInput[], memo?: Memo): { duplicates: Duplicate[]; lookalikes: Lookalike[] } {
  const textOf = new Map<DuplicateCandidate, string>();
  const items = inputs.map(({ plan, fingerprint }) => {
    const blocks = plan.blocks;
    const text = createHash('sha256').update(JSON.stringify(blocks.map((b) => b.text))).digest('hex');
    let shingles: Float64Array | undefined;
    const stored = memo?.get<string>(`sketch-${text}`);
    const item: DuplicateCandidate = {
      file: plan.sourceFile,
      fingerprint,
      get shingles() {
        return (shingles ??= textShingles(blocks));
      },
      sketch: stored ? new Uint32Array(new Uint8Array(Buffer.from(stored, 'base64')).buffer) : undefined,
      number: plan.metadata.number.value,
      issuer: plan.metadata.issuer.value,
    };
    if (!item.sketch) {
      item.sketch = duplicateSketch(item.shingles);
      memo?.set(`sketch-${text}`, Buffer.from(item.sketch.buffer).toString('base64'));
    }
    textOf.set(item, text);
    return item;
  });
  if (!memo) return findDuplicates(items);
  // The answers of the last build are kept under one key (per code version), replaced by this build's.
  const answers = new PairMemo(textOf, memo.get<StoredPairs>('pairs'));
  const found = findDuplicates(items, answers);
  memo.set('pairs', answers.stored());
  return found;
}
