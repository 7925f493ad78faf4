// Text reuse across the library: for every paragraph of every plan, its closest
// paragraph in each document the plan implements (its parents in the library, and
// Resolution 57 when its text is available) and in the other plans, with a score; for
// every plan, the shares of its words that are reused, adapted or its own.
// Sentences are the unit of matching (a plan often restates one sentence of a long
// paragraph of the resolution); paragraphs and plans are summed from them, by words.
// No all-pairs comparison: a sentence is aligned only with the candidates its LSH band
// keys find, so the cost grows with the number of sentences, not with its square.
import type { Block, Plan } from '../types.ts';
import { addedSpans, rangeSimilarity } from './align.ts';
import { BANDS, bandKeys, KeySet, LshIndex, mix } from './minhash.ts';
import { placeTokens, sentencesOf, type Sentence } from './tokens.ts';
import type { MatchClass, ParagraphMatch, ParagraphReuse, PlanReuse, ReuseData, Shares, SourceShares } from '../../contract/schemas/reuse.ts';
import { RANK, RESOLUTION_DOC_ID, RESOLUTION_KEY } from './sources.ts';
import { blocksDigest, digest as sha256, fromBase64, toBase64, type Memo } from '../memo.ts';
import { isUnread, lazyArray } from '../lazy-array.ts';

/** A sentence aligned this well (Dice on normalized tokens) is adapted from its match; below, it is the plan's own. */
export const ADAPTED_AT = 0.6;
/** Candidates aligned per sentence and source: the ones sharing most LSH bands. */
const ALIGNED = 6;
/** Bucket entries read per sentence in the library-wide index (see LshIndex.candidates). */
const READ = 100;

/** Resolution 57 as parsed from its text (read in place at build time, never published). */
export interface ResolutionText {
  blocks: Block[];
}

/** A document to compare: a plan of the library or the resolution. */
interface Text {
  key: string;
  blocks: Block[];
  locality: string | null;
}

/**
 * A document's sentences once read, end to end: each sentence's two token views as numbers (one
 * per distinct token, to align fast), and where it lies in its block's text. Numbers in flat
 * arrays, not strings in arrays: a library of thousands of plans holds millions of tokens.
 */
interface DocTokens {
  /** Sentence s's normalized tokens are normalized[normalizedAt[s]…normalizedAt[s + 1]). */
  normalized: Uint32Array;
  normalizedAt: Uint32Array;
  surface: Uint32Array;
  surfaceAt: Uint32Array;
  /** Sentence s is [spans[2s], spans[2s + 1]) of its block's text. */
  spans: Uint32Array;
}

/** The blocks reuse looks at: the body, without a publisher's lead-in. */
export function comparableBlocks(plan: Pick<Plan, 'blocks' | 'leadIn'>): Block[] {
  return plan.blocks.filter((b, i) => b.part === 'body' && i >= (plan.leadIn ?? 0));
}

/** A document's sentences, per block. */
function sentencesOfText(text: Text): Sentence[][] {
  const place = placeTokens(text.locality);
  return text.blocks.map((b) => sentencesOf(b.text, place));
}

function toTokens(sentences: Sentence[][], vocabulary: Map<string, number>): DocTokens {
  const flat = sentences.flat();
  const view = (of: (s: Sentence) => string[]) => {
    const at = new Uint32Array(flat.length + 1);
    for (let i = 0; i < flat.length; i++) at[i + 1] = at[i]! + of(flat[i]!).length;
    const ids = new Uint32Array(at[flat.length]!);
    let n = 0;
    for (const s of flat) {
      for (const token of of(s)) {
        let id = vocabulary.get(token);
        if (id === undefined) vocabulary.set(token, (id = vocabulary.size));
        ids[n++] = id;
      }
    }
    return [ids, at] as const;
  };
  const [normalized, normalizedAt] = view((s) => s.normalized);
  const [surface, surfaceAt] = view((s) => s.surface);
  const spans = new Uint32Array(2 * flat.length);
  flat.forEach((s, i) => spans.set([s.start, s.end], 2 * i));
  return { normalized, normalizedAt, surface, surfaceAt, spans };
}

interface SentenceMatch {
  unit: number;
  score: number;
  cls: MatchClass;
}

function emptyShares(): Shares {
  return { reused: 0, adapted: 0, own: 0 };
}

/** Word counts → shares of the total, rounded to 0.001 (a plan with no words has none). */
function toShares(words: Shares): Shares {
  const total = words.reused + words.adapted + words.own;
  const r = (n: number) => (total ? Math.round((n / total) * 1000) / 1000 : 0);
  return { reused: r(words.reused), adapted: r(words.adapted), own: r(words.own) };
}

export interface ReuseInput {
  plans: Plan[];
  /** Resolution 57's text, or null when it is not available to this build. */
  resolution: ResolutionText | null;
}

/** A document's LSH band keys as the memo keeps them: its sentences per block, BANDS keys a sentence, and each sentence's `seen` (base64). */
interface StoredKeys {
  sentences: number[];
  keys: string;
  seen: string;
}

/** A document's sentences per block, its band keys and its `seen` hashes (see Units). */
interface DocKeys {
  sentences: number[];
  keys: Uint32Array;
  seen: Uint32Array;
}

/**
 * A sentence as a candidate's reader sees it, in 64 bits (two hash chains): the document's key and
 * locality, the block's id and the sentence's text (its words are read from these alone).
 */
function seenHash(text: Text, block: Block, sentence: Sentence): [number, number] {
  let [a, b] = [0x811c9dc5, 0x9e3779b9];
  const add = (part: string, from = 0, to = part.length) => {
    // Each part's length first, so that no two lists of parts hash as one.
    for (let i = from - 1; i < to; i++) {
      const c = i < from ? to - from : part.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
  };
  add(text.key);
  add(text.locality ?? '');
  add(block.id);
  add(block.text, sentence.start, sentence.end);
  return [mix(a), mix(b)];
}

/** Parents of a plan in the library: the plans whose document id it says it implements. */
function parentsOf(plan: Plan, byDocId: Map<string, Plan>): Plan[] {
  return [...new Set(plan.implements)]
    .filter((d) => d !== RESOLUTION_DOC_ID)
    .map((d) => byDocId.get(d))
    .filter((p): p is Plan => p !== undefined && p.id !== plan.id);
}

const decode = (base64: string) => new Uint32Array(fromBase64(base64).buffer);

/**
 * Every sentence of every document, numbered in document order (a unit), in flat arrays: its
 * document, its block, its BANDS band keys and its `seen` hash; a document's tokens are read
 * only when one of its sentences is aligned.
 */
class Units {
  readonly texts: Text[];
  /** Document d's units are docFirst[d]…docFirst[d + 1] − 1. */
  readonly docFirst: Uint32Array;
  /** Per document, its block b's units are docFirst[d] + blockFirst[d][b]… (one more entry than blocks). */
  readonly blockFirst: Uint32Array[];
  readonly doc: Uint32Array;
  readonly block: Uint32Array;
  readonly keys: Uint32Array;
  readonly seen: Uint32Array;
  private readonly tokens: (DocTokens | undefined)[];
  private readonly vocabulary: Map<string, number>;

  /** `perDoc`: each document's sentences per block, keys and seen hashes; `tokens`: those already read. */
  constructor(texts: Text[], perDoc: DocKeys[], tokens: (DocTokens | undefined)[], vocabulary: Map<string, number>) {
    this.texts = texts;
    this.tokens = tokens;
    this.vocabulary = vocabulary;
    this.docFirst = new Uint32Array(texts.length + 1);
    perDoc.forEach((p, d) => (this.docFirst[d + 1] = this.docFirst[d]! + p.keys.length / BANDS));
    const count = this.docFirst[texts.length]!;
    [this.doc, this.block, this.keys, this.seen] = [new Uint32Array(count), new Uint32Array(count), new Uint32Array(BANDS * count), new Uint32Array(2 * count)];
    this.blockFirst = perDoc.map((p, d) => {
      const first = new Uint32Array(p.sentences.length + 1);
      p.sentences.forEach((n, b) => {
        first[b + 1] = first[b]! + n;
        this.block.fill(b, this.docFirst[d]! + first[b]!, this.docFirst[d]! + first[b + 1]!);
      });
      this.doc.fill(d, this.docFirst[d]!, this.docFirst[d + 1]!);
      this.keys.set(p.keys, BANDS * this.docFirst[d]!);
      this.seen.set(p.seen, 2 * this.docFirst[d]!);
      return first;
    });
  }

  /** The units of block b of document d: [from, to). */
  ofBlock(d: number, b: number): [number, number] {
    return [this.docFirst[d]! + this.blockFirst[d]![b]!, this.docFirst[d]! + this.blockFirst[d]![b + 1]!];
  }

  keysOf(u: number): Uint32Array {
    return this.keys.subarray(BANDS * u, BANDS * (u + 1));
  }

  /** The tokens of unit u's document, and u's place among its sentences. */
  read(u: number): [DocTokens, number] {
    const d = this.doc[u]!;
    const tokens = (this.tokens[d] ??= toTokens(sentencesOfText(this.texts[d]!), this.vocabulary));
    return [tokens, u - this.docFirst[d]!];
  }

  /** Words of unit u (its surface tokens). */
  words(u: number): number {
    const [t, s] = this.read(u);
    return t.surfaceAt[s + 1]! - t.surfaceAt[s]!;
  }

  /** Reused: the same words once case, diacritics, punctuation and numbering are set aside. */
  classify(a: number, b: number, score: number): MatchClass {
    if (score < ADAPTED_AT) return 'own';
    const [[ta, sa], [tb, sb]] = [this.read(a), this.read(b)];
    const [from, to, other] = [ta.surfaceAt[sa]!, ta.surfaceAt[sa + 1]!, tb.surfaceAt[sb]!];
    if (to - from !== tb.surfaceAt[sb + 1]! - other) return 'adapted';
    for (let k = 0; k < to - from; k++) if (ta.surface[from + k] !== tb.surface[other + k]) return 'adapted';
    return 'reused';
  }

  /** The best of the candidates for one sentence (first wins a tie: the earlier paragraph). */
  bestMatch(of: number, candidates: number[]): SentenceMatch | null {
    const [ta, sa] = this.read(of);
    let best: SentenceMatch | null = null;
    for (const unit of candidates) {
      const [tb, sb] = this.read(unit);
      const score: number = rangeSimilarity(ta.normalized, ta.normalizedAt[sa]!, ta.normalizedAt[sa + 1]!, tb.normalized, tb.normalizedAt[sb]!, tb.normalizedAt[sb + 1]!, best ? best.score : 0);
      if (score > 0 && (!best || score > best.score)) best = { unit, score, cls: this.classify(of, unit, score) };
      if (best?.cls === 'reused') break;
    }
    return best;
  }

  /** Unit u's text, as written in its block. */
  text(u: number): string {
    const [t, s] = this.read(u);
    return this.texts[this.doc[u]!]!.blocks[this.block[u]!]!.text.slice(t.spans[2 * s], t.spans[2 * s + 1]);
  }
}

/**
 * One paragraph against one source: per sentence its best match there; the closest source
 * paragraph is the one that holds most of the matched words; the score is the sentences'
 * similarity weighted by their words; the paragraph is reused when every word is, adapted
 * when at least half of its words are copied (with or without edits), otherwise its own.
 */
function paragraphMatch(units: Units, words: number[], matches: (SentenceMatch | null)[], wordShares: Shares): ParagraphMatch | null {
  // Matched words per source paragraph (the other plans are many documents): keyed by its first unit.
  const byBlock = new Map<number, { unit: number; words: number }>();
  const counts = emptyShares();
  let weighted = 0;
  let best: SentenceMatch | null = null;
  words.forEach((n, i) => {
    const m = matches[i];
    counts[m?.cls ?? 'own'] += n;
    if (!m) return;
    if (!best || m.score > best.score) best = m;
    weighted += m.score * n;
    if (m.cls === 'own') return;
    const key = units.ofBlock(units.doc[m.unit]!, units.block[m.unit]!)[0];
    const entry = byBlock.get(key) ?? { unit: m.unit, words: 0 };
    entry.words += n;
    byBlock.set(key, entry);
  });
  for (const k of ['reused', 'adapted', 'own'] as const) wordShares[k] += counts[k];
  if (!best) return null;
  // Most matched words wins; a tie goes to the first found (the best candidates come first).
  let top = (best as SentenceMatch).unit;
  let most = 0;
  for (const { unit, words: n } of byBlock.values()) if (n > most) [top, most] = [unit, n];
  const total = counts.reused + counts.adapted + counts.own;
  const cls: MatchClass = counts.reused === total ? 'reused' : 2 * (counts.reused + counts.adapted) >= total ? 'adapted' : 'own';
  const text = units.texts[units.doc[top]!]!;
  return { source: text.key, block: text.blocks[units.block[top]!]!.id, score: Math.round((weighted / total) * 1000) / 1000, class: cls };
}

/** A document's sentences, band keys and seen hashes, read from its text. */
function readKeys(text: Text, sentences: Sentence[][]): DocKeys {
  const count = sentences.reduce((n, list) => n + list.length, 0);
  const [keys, seen] = [new Uint32Array(BANDS * count), new Uint32Array(2 * count)];
  let at = 0;
  sentences.forEach((list, b) =>
    list.forEach((s) => {
      keys.set(bandKeys(s.normalized), BANDS * at);
      seen.set(seenHash(text, text.blocks[b]!, s), 2 * at++);
    }),
  );
  return { sentences: sentences.map((list) => list.length), keys, seen };
}

/**
 * What a build noted for the next about the library-wide index: its plans' digests in order and,
 * per plan, a hash of its text and its sources' texts (`inputs`) and the key of its result.
 */
interface StoredIndex {
  docs: string[];
  inputs: string[];
  keys: string[];
  /** Per plan, the digest of its blocks and its lead-in (its blocksDigest, a space, its lead-in), and of its compared blocks' ids and texts. */
  blocks: string[];
  compared: string[];
}

/** The hash of what a sentence reads of one bucket: how many entries (up to READ), and each one's `seen`, in order (pairs of numbers). */
function readsHash(seen: Uint32Array, count: number): number {
  let [a, b] = [mix(count), mix(~count)];
  for (let e = 0; e < count; e++) {
    const [hi, lo] = [seen[2 * e]!, seen[2 * e + 1]!];
    a = mix(mix(a ^ hi) ^ lo);
    b = mix(mix(b ^ lo) ^ hi);
  }
  return a + (b & 0x1fffff) * 2 ** 32;
}

/**
 * What the sentences read of the buckets of `wanted` keys (readsHash per key) in an index of the
 * previous build's documents and in one of this build's, found by one scan of both sequences, without
 * the index: each document's units in order, each unit's keys in band order, as LshIndex orders a
 * bucket. `docs`: the documents of both sequences merged in order, each in the previous sequence, this
 * one, or both.
 */
function bucketReads(docs: { keys: DocKeys; before: boolean; now: boolean }[], wanted: KeySet): [Float64Array, Float64Array] {
  const sides = [0, 1].map(() => ({ seen: new Uint32Array(wanted.size * 2 * READ), count: new Uint32Array(wanted.size) }));
  const note = (side: (typeof sides)[number], k: number, hi: number, lo: number) => {
    const n = side.count[k]!;
    if (n === READ) return;
    [side.seen[2 * (READ * k + n)], side.seen[2 * (READ * k + n) + 1]] = [hi, lo];
    side.count[k] = n + 1;
  };
  for (const { keys: { keys, seen }, before, now } of docs) {
    for (let e = 0; e < keys.length; e++) {
      const k = wanted.numberOf(keys[e]!);
      if (k < 0) continue;
      const u = Math.floor(e / BANDS);
      if (before) note(sides[0]!, k, seen[2 * u]!, seen[2 * u + 1]!);
      if (now) note(sides[1]!, k, seen[2 * u]!, seen[2 * u + 1]!);
    }
  }
  const hashes = (side: (typeof sides)[number]) =>
    Float64Array.from({ length: wanted.size }, (_, k) => readsHash(side.seen.subarray(2 * READ * k, 2 * READ * (k + 1)), side.count[k]!));
  return [hashes(sides[0]!), hashes(sides[1]!)];
}

/**
 * The previous build's result keys that are still this build's, per plan (undefined: to be made):
 * a plan's key is the same when its text and its sources' are (`inputs`) and every bucket its
 * sentences read holds the same first entries. The plans left in both builds being in the same order,
 * a bucket can differ only where a document that left or came has a sentence: those buckets are
 * compared (bucketReads, before and now); a plan reading none that differs keeps its key.
 */
function keptKeys(stored: StoredIndex, now: string[], inputs: string[], keysOf: (digest: string) => DocKeys | null): (string | undefined)[] {
  const [nowSet, beforeSet] = [new Set(now), new Set(stored.docs)];
  const [left, came] = [stored.docs.filter((x) => !nowSet.has(x)), now.filter((x) => !beforeSet.has(x))];
  const [stayedBefore, stayedNow] = [stored.docs.filter((x) => nowSet.has(x)), now.filter((x) => beforeSet.has(x))];
  if (stayedBefore.some((x, i) => x !== stayedNow[i])) return [];
  let changed = new KeySet([]);
  if (left.length || came.length) {
    const moved = [...left, ...came].map(keysOf);
    if (moved.some((k) => k === null)) return [];
    const wanted = new KeySet(moved.flatMap((k) => [...k!.keys]));
    // Both sequences merged: a document that stayed is between the same ones in both.
    const merged: { digest: string; before: boolean; now: boolean }[] = [];
    for (let i = 0, j = 0; i < stored.docs.length || j < now.length; ) {
      if (i < stored.docs.length && !nowSet.has(stored.docs[i]!)) merged.push({ digest: stored.docs[i++]!, before: true, now: false });
      else if (j < now.length && !beforeSet.has(now[j]!)) merged.push({ digest: now[j++]!, before: false, now: true });
      else merged.push({ digest: (i++, now[j++]!), before: true, now: true });
    }
    const [before, after] = bucketReads(merged.map((m) => ({ ...m, keys: keysOf(m.digest)! })), wanted);
    changed = new KeySet([...wanted].filter((_, k) => before[k] !== after[k]));
  }
  const at = new Map(stored.docs.map((x, i) => [x, i]));
  return now.map((digest, d) => {
    const i = at.get(digest);
    if (i === undefined || stored.inputs[i] !== inputs[d]) return undefined;
    if (changed.size) for (const k of keysOf(digest)!.keys) if (changed.has(k)) return undefined;
    return stored.keys[i];
  });
}

/**
 * A plan's reuse depends on its text, its sources' texts, and, for the matches in the other
 * plans, on what each of its sentences reads of the library-wide index (the first entries of
 * its buckets: which sentence of which text each is). `memo` keeps, per document, its band keys (so that an
 * unchanged document is not read again to index it), per plan its result under a hash of all
 * that, and the index's outline (StoredIndex): a rebuild after one plan changed finds which plans'
 * keys are unchanged without the index (keptKeys), and indexes only the buckets the other plans
 * read, to align only the plans whose inputs changed.
 */
export function computeReuse({ plans, resolution }: ReuseInput, memo?: Memo): ReuseData {
  // A library copy of the resolution itself is the source, not a plan that reuses it.
  const library = plans.filter((p) => p.docId !== RESOLUTION_DOC_ID);
  const vocabulary = new Map<string, number>();
  // A plan's blocks not read yet (an unchanged plan's, scripts/build/document-cache.ts) are read only if its sentences are.
  const texts: Text[] = library.map((p) => ({ key: p.id, blocks: isUnread(p.blocks) ? lazyArray(() => comparableBlocks(p)) : comparableBlocks(p), locality: p.metadata.locality.value }));
  if (resolution) texts.push({ key: RESOLUTION_KEY, blocks: resolution.blocks, locality: null });
  // What a document's sentences and keys are made of: its key, locality and compared blocks (an edit elsewhere in a plan
  // changes none of them). A plan's compared blocks are digested again only when its blocks or lead-in changed.
  const stored = memo?.get<StoredIndex>('reuse-index') ?? null;
  const comparedBefore = new Map(stored?.blocks.map((b, i) => [b, stored.compared[i]!]));
  const blocks = library.map((p) => `${blocksDigest(p.blocks)} ${p.leadIn ?? 0}`);
  const compared = texts.map((t, d) => (d < library.length ? comparedBefore.get(blocks[d]!) : undefined) ?? sha256(JSON.stringify(t.blocks.map((b) => [b.id, b.text]))));
  const digests = texts.map((t, d) => sha256(JSON.stringify([t.key, t.locality, compared[d]])));
  const byDocId = new Map(library.filter((p) => p.docId).map((p) => [p.docId!, p]));
  const docIndex = new Map(texts.map((t, i) => [t.key, i]));
  const parentsAt = library.map((plan) => parentsOf(plan, byDocId).map((p) => docIndex.get(p.id)!));
  const sourcesAt = parentsAt.map((parents) => (resolution ? [...parents, docIndex.get(RESOLUTION_KEY)!] : parents));
  const inputs = library.map((_, d) => sha256(digests[d]!, sourcesAt[d]!.map((s) => digests[s]).join(' ')));

  // A document read here to index it keeps its tokens (a full build aligns every plan).
  const tokens: (DocTokens | undefined)[] = [];
  const docKeys = new Map<string, DocKeys | null>();
  /** A document's keys, from the memo (or null), by its digest. */
  const storedKeys = (digest: string): DocKeys | null => {
    if (!docKeys.has(digest)) {
      const stored = memo?.get<StoredKeys>(`reuse-keys-${digest}`);
      docKeys.set(digest, stored ? { sentences: stored.sentences, keys: decode(stored.keys), seen: decode(stored.seen) } : null);
    }
    return docKeys.get(digest)!;
  };
  const keysOf = (d: number): DocKeys => {
    const found = storedKeys(digests[d]!);
    if (found) return found;
    const sentences = sentencesOfText(texts[d]!);
    tokens[d] = toTokens(sentences, vocabulary);
    const read = readKeys(texts[d]!, sentences);
    memo?.set(`reuse-keys-${digests[d]}`, { sentences: read.sentences, keys: toBase64(read.keys), seen: toBase64(read.seen) } satisfies StoredKeys);
    docKeys.set(digests[d]!, read);
    return read;
  };

  const atDigest = new Map(digests.map((digest, d) => [digest, d]));
  const keys = stored ? keptKeys(stored, digests.slice(0, library.length), inputs, (digest) => (atDigest.has(digest) ? keysOf(atDigest.get(digest)!) : storedKeys(digest))) : [];
  const out: (PlanReuse | null)[] = library.map((_, d) => (keys[d] === undefined ? null : memo!.get<PlanReuse>(`reuse-plan-${keys[d]}`)));
  const fresh = out.flatMap((result, d) => (result ? [] : [d]));
  if (fresh.length) {
    const units = new Units(texts, texts.map((_, d) => keysOf(d)), tokens, vocabulary);
    // Each document's keys are in `units` now: its own copies go.
    docKeys.clear();
    // The library-wide index holds the plans only; each source gets an index of its own,
    // so that its sentences are found however full the shared buckets are. When only some plans are
    // made, it holds only the buckets their sentences read, as far as they read them (READ entries).
    const wanted = fresh.length === library.length ? undefined : new KeySet(fresh.flatMap((d) => [...units.keys.subarray(BANDS * units.docFirst[d]!, BANDS * units.docFirst[d + 1]!)]));
    const everywhere = new LshIndex(units.keys, 0, units.docFirst[library.length]!, wanted && { wanted, first: READ });
    const sourceIndex = new Map<number, LshIndex>();
    const indexOf = (d: number): LshIndex => {
      let index = sourceIndex.get(d);
      if (!index) sourceIndex.set(d, (index = new LshIndex(units.keys, units.docFirst[d]!, units.docFirst[d + 1]!)));
      return index;
    };

    // What a sentence's candidates are made of: the first READ entries of each of its buckets (what
    // each is: `seen`), hashed (53 bits: two chains) once per bucket.
    // Entries past the first READ are never read: a bucket's length counts up to READ only, so that a
    // plan late in a full bucket changes no other plan's key; an entry is hashed by what it is, not by
    // its whole document, so that an edit elsewhere in that document changes no other plan's key.
    const bucketHashes = new Float64Array(everywhere.size).fill(NaN);
    const entries = new Uint32Array(2 * READ);
    const readHash = (bandKey: number): number => {
      const bucket = everywhere.bucketOf(bandKey);
      if (bucket >= 0 && !Number.isNaN(bucketHashes[bucket]!)) return bucketHashes[bucket]!;
      const read = Math.min(everywhere.bucketSize(bucket), READ);
      for (let e = 0; e < read; e++) {
        const item = everywhere.bucketItem(bucket, e);
        [entries[2 * e], entries[2 * e + 1]] = [units.seen[2 * item]!, units.seen[2 * item + 1]!];
      }
      const h = readsHash(entries, read);
      if (bucket >= 0) bucketHashes[bucket] = h;
      return h;
    };
    for (const d of fresh) {
      if (memo) {
        keys[d] = resultKey(units, d, inputs[d]!, readHash);
        out[d] = memo.get<PlanReuse>(`reuse-plan-${keys[d]}`);
        if (out[d]) continue;
      }
      out[d] = planReuse(library[d]!.id, d, parentsAt[d]!, sourcesAt[d]!, units, everywhere, indexOf);
      memo?.set(`reuse-plan-${keys[d]}`, out[d]);
    }
  }
  out.forEach((result, d) => keys[d] !== undefined && resultKeys.set(result!, keys[d]!));
  if (memo) {
    // Kept for the next build though not read by this one (its keys found unchanged).
    for (const digest of digests) memo.keep?.(`reuse-keys-${digest}`);
    memo.set('reuse-index', { docs: digests.slice(0, library.length), inputs, keys: keys as string[], blocks, compared: compared.slice(0, library.length) } satisfies StoredIndex);
  }
  return { resolution: { docId: RESOLUTION_DOC_ID, key: RESOLUTION_KEY, available: resolution !== null }, adaptedAt: ADAPTED_AT, plans: out as PlanReuse[] };
}

const resultKeys = new WeakMap<PlanReuse, string>();

/**
 * The key a plan's result was kept under by computeReuse with a memo (a hash of everything it depends on), or
 * undefined: the same key, the same result.
 */
export const reuseResultKey = (result: PlanReuse): string | undefined => resultKeys.get(result);

/**
 * The hash of a plan's reuse inputs: its text and its sources' texts (`inputs`), and for each of
 * its sentences what it reads of the library-wide index (the entries its candidates are chosen from).
 */
function resultKey(units: Units, d: number, inputs: string, readHash: (bandKey: number) => number): string {
  const [from, to] = [units.docFirst[d]!, units.docFirst[d + 1]!];
  const reads = new Float64Array((to - from) * BANDS);
  for (let e = BANDS * from; e < BANDS * to; e++) reads[e - BANDS * from] = readHash(units.keys[e]!);
  return sha256(inputs, new Uint8Array(reads.buffer));
}

/** One plan's reuse: each paragraph against each source and, through the library-wide index, the other plans. */
function planReuse(id: string, d: number, parents: number[], sources: number[], units: Units, everywhere: LshIndex, indexOf: (d: number) => LshIndex): PlanReuse {
  const text = units.texts[d]!;
  const sourceWords = sources.map(emptyShares);
  const combinedWords = emptyShares();
  const skip = (u: number) => units.doc[u] === d || sources.includes(units.doc[u]!);
  const paragraphs: ParagraphReuse[] = text.blocks.map((block, b) => {
    const [from, to] = units.ofBlock(d, b);
    const mine = Array.from({ length: to - from }, (_, i) => from + i);
    const words = mine.map((u) => units.words(u));
    const perSource = sources.map((s) => mine.map((u) => units.bestMatch(u, indexOf(s).candidates(units.keysOf(u), ALIGNED))));
    const matches: Record<string, ParagraphMatch> = {};
    perSource.forEach((list, k) => {
      const m = paragraphMatch(units, words, list, sourceWords[k]!);
      if (!m) return;
      // The resolution's text is not published: only the plan's own words not found in it.
      if (units.texts[sources[k]!]!.key === RESOLUTION_KEY && m.class !== 'own') m.added = addedSpans(joinedSources(units, list), block.text);
      matches[m.source] = m;
    });
    words.forEach((n, i) => {
      const cls = perSource.map((list) => list[i]?.cls ?? 'own').reduce<MatchClass>((a, c) => (RANK[c] > RANK[a] ? c : a), 'own');
      combinedWords[cls] += n;
    });
    const found = mine.map((u) => units.bestMatch(u, everywhere.candidates(units.keysOf(u), ALIGNED, READ, skip)));
    const other = paragraphMatch(units, words, found, emptyShares());
    return { block: block.id, words: words.reduce((n, w) => n + w, 0), matches, other };
  });
  const shares: SourceShares[] = sources.map((s, k) => ({ source: units.texts[s]!.key, ...toShares(sourceWords[k]!) }));
  return {
    plan: id,
    words: paragraphs.reduce((n, p) => n + p.words, 0),
    parents: parents.map((p) => units.texts[p]!.key),
    sources: shares,
    combined: toShares(combinedWords),
    paragraphs,
  };
}

/** The source sentences a paragraph's sentences matched, in order, as one text to diff against. */
function joinedSources(units: Units, matches: (SentenceMatch | null)[]): string {
  return matches
    .filter((m): m is SentenceMatch => m !== null && m.cls !== 'own')
    .map((m) => units.text(m.unit))
    .join(' ');
}
