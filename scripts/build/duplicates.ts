// The duplicates step with the document cache. One entry, replaced each build, holds what a build
// noted for the next: its texts (digests of the plans' blocks), each text's sketch, which pairs of
// texts the sketches' screen was asked about and passed, and the exact score of every pair scored.
// A rebuild after one plan changed answers every other pair from it, and screens and scores only
// the pairs with that plan's new text; a plan's shingles are made only when one of its pairs is
// scored afresh. The answers are those findDuplicates computes, so the result is the same as a
// full build's.
import type { Plan } from '../pipeline/types.ts';
import { duplicateSketch, findDuplicates, textShingles, type DuplicateCandidate, type Duplicate, type Lookalike, type PairAnswers } from '../pipeline/plan.ts';
import { blocksDigest, fromBase64, toBase64, type Memo } from '../pipeline/memo.ts';

/** What one build noted: its texts, their sketches end to end, pairs screened and passed (bits at pairAt), pairs scored. */
interface StoredPairs {
  texts: string[];
  sketches: string;
  screened: string;
  passed: string;
  scores: [number, number, number][];
}

/** One number per pair of places (i ≠ j, either order): i(i−1)/2 + j for i > j. */
const pairAt = (i: number, j: number) => (i > j ? (i * (i - 1)) / 2 + j : (j * (j - 1)) / 2 + i);

const bitsFor = (texts: number) => new Uint8Array(Math.ceil((texts * (texts - 1)) / 2 / 8));
const hasBit = (bits: Uint8Array, k: number) => (bits[k >>> 3]! & (1 << (k & 7))) !== 0;
const setBit = (bits: Uint8Array, k: number) => (bits[k >>> 3]! |= 1 << (k & 7));

/** This build's pair answers, the previous build's given where its texts are the same; numbered by findDuplicates's order. */
class PairMemo implements PairAnswers {
  /** Per item (findDuplicates's order): its text's number in this build, and in the previous build (−1: not there). */
  private readonly now: Int32Array;
  private readonly before: Int32Array;
  private readonly previous: { screened: Uint8Array; passed: Uint8Array; scores: Map<number, number> };
  private readonly screened: Uint8Array;
  private readonly passed: Uint8Array;
  private readonly scores = new Map<number, [number, number, number]>();
  constructor(sorted: DuplicateCandidate[], textOf: Map<DuplicateCandidate, string>, texts: Map<string, number>, stored: StoredPairs | null) {
    const previous = new Map((stored?.texts ?? []).map((t, i) => [t, i]));
    this.now = Int32Array.from(sorted, (item) => texts.get(textOf.get(item)!)!);
    this.before = Int32Array.from(sorted, (item) => previous.get(textOf.get(item)!) ?? -1);
    this.previous = {
      screened: fromBase64(stored?.screened),
      passed: fromBase64(stored?.passed),
      scores: new Map((stored?.scores ?? []).map(([i, j, s]) => [pairAt(i, j), s])),
    };
    [this.screened, this.passed] = [bitsFor(texts.size), bitsFor(texts.size)];
  }

  screen(i: number, j: number, compute: (i: number, j: number) => boolean): boolean {
    const [a, b] = [this.now[i]!, this.now[j]!];
    if (a === b) return compute(i, j);
    const [pa, pb] = [this.before[i]!, this.before[j]!];
    const known = pa >= 0 && pb >= 0 && hasBit(this.previous.screened, pairAt(pa, pb));
    const answer = known ? hasBit(this.previous.passed, pairAt(pa, pb)) : compute(i, j);
    setBit(this.screened, pairAt(a, b));
    if (answer) setBit(this.passed, pairAt(a, b));
    return answer;
  }

  score(i: number, j: number, compute: (i: number, j: number) => number): number {
    const [a, b] = [this.now[i]!, this.now[j]!];
    if (a === b) return compute(i, j);
    const [pa, pb] = [this.before[i]!, this.before[j]!];
    const answer = (pa < 0 || pb < 0 ? undefined : this.previous.scores.get(pairAt(pa, pb))) ?? compute(i, j);
    this.scores.set(pairAt(a, b), [a, b, answer]);
    return answer;
  }

  stored(texts: string[], sketches: Uint32Array): StoredPairs {
    return { texts, sketches: toBase64(sketches), screened: toBase64(this.screened), passed: toBase64(this.passed), scores: [...this.scores.values()] };
  }
}

export interface DuplicateInput {
  plan: Plan;
  /** The restored seed's text fingerprint (the same text after normalization). */
  fingerprint: string;
}

/** findDuplicates over the plans, with the earlier build's sketches and pair answers when `memo` holds them. */
export function libraryDuplicates(inputs: DuplicateInput[], memo?: Memo): { duplicates: Duplicate[]; lookalikes: Lookalike[] } {
  // The last build's answers, under one key (per code version), replaced by this build's.
  const stored = memo?.get<StoredPairs>('pairs') ?? null;
  const storedAt = new Map((stored?.texts ?? []).map((t, i) => [t, i]));
  const storedSketches = new Uint32Array(fromBase64(stored?.sketches).buffer);
  const sketchBins = stored?.texts.length ? storedSketches.length / stored.texts.length : 0;
  let [reused, computed] = [0, 0];
  const textOf = new Map<DuplicateCandidate, string>();
  const items = inputs.map(({ plan, fingerprint }) => {
    const blocks = plan.blocks;
    const text = blocksDigest(blocks);
    const at = storedAt.get(text);
    let shingles: Float64Array | undefined;
    let sketch: Uint32Array | undefined;
    const item: DuplicateCandidate = {
      file: plan.sourceFile,
      fingerprint,
      get shingles() {
        return (shingles ??= textShingles(blocks));
      },
      // Read only for the pairs screened afresh (or noted for the next build).
      get sketch() {
        if (sketch === undefined) {
          if (at === undefined) computed++;
          else reused++;
          sketch = at === undefined ? duplicateSketch(this.shingles) : storedSketches.subarray(at * sketchBins, (at + 1) * sketchBins);
        }
        return sketch;
      },
      number: plan.metadata.number.value,
      issuer: plan.metadata.issuer.value,
    };
    textOf.set(item, text);
    return item;
  });
  if (!memo) return findDuplicates(items);
  const texts = new Map<string, number>();
  for (const t of textOf.values()) if (!texts.has(t)) texts.set(t, texts.size);
  let answers: PairMemo | undefined;
  const found = findDuplicates(items, (sorted) => (answers = new PairMemo(sorted, textOf, texts, stored)));
  const itemOf = new Map([...textOf].map(([item, text]) => [text, item]));
  const sketches = [...texts.keys()].map((t) => itemOf.get(t)!.sketch!);
  const all = new Uint32Array(sketches.reduce((n, s) => n + s.length, 0));
  sketches.reduce((offset, s) => (all.set(s, offset), offset + s.length), 0);
  memo.set('pairs', answers!.stored([...texts.keys()], all));
  memo.tally?.(reused, computed);
  return found;
}
