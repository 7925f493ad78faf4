// The duplicates step with the document cache: each plan's sketch is kept under a hash of its
// text, and every answer about a pair of texts (alike enough to score, and the exact score) is
// kept for the next build. A rebuild after one plan changed screens and scores only the pairs
// with that plan's new text; the shingles of a plan are made only when one of its pairs is scored
// afresh. The answers are those findDuplicates computes, so the result is the same as a full build.
import { createHash } from 'node:crypto';
import type { Plan } from '../pipeline/types.ts';
import { duplicateSketch, findDuplicates, textShingles, type DuplicateCandidate, type Duplicate, type Lookalike, type PairAnswers } from '../pipeline/plan.ts';
import type { Memo } from '../pipeline/memo.ts';

/** The pair answers one build noted: its texts (hashes), and per pair of them (lower triangle) whether asked and alike, and the scores. */
interface StoredPairs {
  texts: string[];
  asked: string;
  alike: string;
  scores: [number, number, number][];
}

/** Bit `at` of a bit set: pairs (i > j) numbered i(i−1)/2 + j. */
const pairAt = (i: number, j: number) => (i > j ? (i * (i - 1)) / 2 + j : (j * (j - 1)) / 2 + i);
const bit = (bits: Uint8Array, at: number) => (bits[at >> 3]! >> (at & 7)) & 1;
const setBit = (bits: Uint8Array, at: number) => (bits[at >> 3]! |= 1 << (at & 7));

/** This build's pair answers, the previous build's given where its texts are the same. */
class PairMemo implements PairAnswers {
  private readonly previous: Map<string, number>;
  private readonly prevAsked: Uint8Array;
  private readonly prevAlike: Uint8Array;
  private readonly prevScores: Map<number, number>;
  private readonly index = new Map<string, number>();
  private readonly asked: Uint8Array;
  private readonly alikeBits: Uint8Array;
  private readonly scores = new Map<number, [number, number, number]>();
  private readonly textOf: Map<DuplicateCandidate, string>;
  constructor(textOf: Map<DuplicateCandidate, string>, stored: StoredPairs | null) {
    this.textOf = textOf;
    this.previous = new Map((stored?.texts ?? []).map((t, i) => [t, i]));
    this.prevAsked = stored ? new Uint8Array(Buffer.from(stored.asked, 'base64')) : new Uint8Array(0);
    this.prevAlike = stored ? new Uint8Array(Buffer.from(stored.alike, 'base64')) : new Uint8Array(0);
    this.prevScores = new Map((stored?.scores ?? []).map(([i, j, s]) => [pairAt(i, j), s]));
    for (const t of textOf.values()) if (!this.index.has(t)) this.index.set(t, this.index.size);
    const n = this.index.size;
    this.asked = new Uint8Array(Math.ceil((n * (n - 1)) / 2 / 8));
    this.alikeBits = new Uint8Array(this.asked.length);
  }

  /** Both texts' places in this build and in the previous one (undefined when the texts are the same or one is new). */
  private places(a: DuplicateCandidate, b: DuplicateCandidate) {
    const [ta, tb] = [this.textOf.get(a)!, this.textOf.get(b)!];
    if (ta === tb) return null;
    const [pa, pb] = [this.previous.get(ta), this.previous.get(tb)];
    return { now: pairAt(this.index.get(ta)!, this.index.get(tb)!), before: pa === undefined || pb === undefined ? undefined : pairAt(pa, pb), i: this.index.get(ta)!, j: this.index.get(tb)! };
  }

  alike(a: DuplicateCandidate, b: DuplicateCandidate, compute: () => boolean): boolean {
    const at = this.places(a, b);
    if (!at) return compute();
    const known = at.before !== undefined && bit(this.prevAsked, at.before) === 1;
    const answer = known ? bit(this.prevAlike, at.before!) === 1 : compute();
    setBit(this.asked, at.now);
    if (answer) setBit(this.alikeBits, at.now);
    return answer;
  }

  score(a: DuplicateCandidate, b: DuplicateCandidate, compute: () => number): number {
    const at = this.places(a, b);
    if (!at) return compute();
    const answer = (at.before === undefined ? undefined : this.prevScores.get(at.before)) ?? compute();
    this.scores.set(at.now, [at.i, at.j, answer]);
    return answer;
  }

  stored(): StoredPairs {
    return { texts: [...this.index.keys()], asked: Buffer.from(this.asked).toString('base64'), alike: Buffer.from(this.alikeBits).toString('base64'), scores: [...this.scores.values()] };
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
    let shingles: Set<string> | undefined;
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
