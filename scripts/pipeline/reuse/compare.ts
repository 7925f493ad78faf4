// Text reuse across the library: for every paragraph of every plan, its closest
// paragraph in each document the plan implements (its parents in the library, and
// Resolution 57 when its text is available) and in the other plans, with a score; for
// every plan, the shares of its words that are reused, adapted or its own.
// Sentences are the unit of matching (a plan often restates one sentence of a long
// paragraph of the resolution); paragraphs and plans are summed from them, by words.
// No all-pairs comparison: a sentence is aligned only with the candidates its LSH band
// keys find, so the cost grows with the number of sentences, not with its square.
import { createHash } from 'node:crypto';
import type { Block, Plan } from '../types.ts';
import { addedSpans, similarity } from './align.ts';
import { BANDS, bandKeys, LshIndex, mix } from './minhash.ts';
import { placeTokens, sentencesOf, type Sentence } from './tokens.ts';
import type { MatchClass, ParagraphMatch, ParagraphReuse, PlanReuse, ReuseData, Shares, SourceShares } from '../../contract/schemas/reuse.ts';
import { RANK, RESOLUTION_DOC_ID, RESOLUTION_KEY } from './sources.ts';
import type { Memo } from '../memo.ts';

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

interface Doc {
  key: string;
  blocks: Block[];
  /** Per block (same order as `blocks`), its sentences. */
  sentences: Sentence[][];
  /** The same sentences' normalized tokens as numbers (one number per distinct token), to align fast. */
  ids: Uint32Array[][];
}

interface Unit {
  doc: number;
  block: number;
  sentence: number;
  keys: Uint32Array;
  /** What a plan that reads this sentence as a candidate learns of it (its document, block id and words), hashed: two 32-bit numbers. */
  seen: Uint32Array;
}

/** The blocks reuse looks at: the body, without a publisher's lead-in. */
export function comparableBlocks(plan: Pick<Plan, 'blocks' | 'leadIn'>): Block[] {
  return plan.blocks.filter((b, i) => b.part === 'body' && i >= (plan.leadIn ?? 0));
}

function toDoc(key: string, blocks: Block[], locality: string | null, vocabulary: Map<string, number>): Doc {
  const place = placeTokens(locality);
  const sentences = blocks.map((b) => sentencesOf(b.text, place));
  const id = (token: string) => vocabulary.get(token) ?? vocabulary.set(token, vocabulary.size).size - 1;
  return { key, blocks, sentences, ids: sentences.map((list) => list.map((s) => Uint32Array.from(s.normalized, id))) };
}

/** Reused: the same words once case, diacritics, punctuation and numbering are set aside. */
function classify(a: Sentence, b: Sentence, score: number): MatchClass {
  if (score < ADAPTED_AT) return 'own';
  return a.surface.length === b.surface.length && a.surface.every((w, i) => w === b.surface[i]) ? 'reused' : 'adapted';
}

interface SentenceMatch {
  unit: Unit;
  score: number;
  cls: MatchClass;
}

/** The best of the candidates for one sentence (first wins a tie: the earlier paragraph). */
function bestMatch(docAt: (d: number) => Doc, of: Unit, candidates: Unit[]): SentenceMatch | null {
  const sentence = docAt(of.doc).sentences[of.block]![of.sentence]!;
  const ids = docAt(of.doc).ids[of.block]![of.sentence]!;
  let best: SentenceMatch | null = null;
  for (const unit of candidates) {
    const doc = docAt(unit.doc);
    const other = doc.sentences[unit.block]![unit.sentence]!;
    const score: number = similarity(ids, doc.ids[unit.block]![unit.sentence]!, best ? best.score : 0);
    if (score > 0 && (!best || score > best.score)) best = { unit, score, cls: classify(sentence, other, score) };
    if (best?.cls === 'reused') break;
  }
  return best;
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

/**
 * One paragraph against one source: per sentence its best match there; the closest source
 * paragraph is the one that holds most of the matched words; the score is the sentences'
 * similarity weighted by their words; the paragraph is reused when every word is, adapted
 * when at least half of its words are copied (with or without edits), otherwise its own.
 */
function paragraphMatch(docAt: (d: number) => Doc, sentences: Sentence[], matches: (SentenceMatch | null)[], words: Shares): ParagraphMatch | null {
  // Matched words per source paragraph ("doc:block": the other plans are many documents).
  const byBlock = new Map<string, { unit: Unit; words: number }>();
  const counts = emptyShares();
  let weighted = 0;
  let best: SentenceMatch | null = null;
  sentences.forEach((s, i) => {
    const m = matches[i];
    const n = s.surface.length;
    counts[m?.cls ?? 'own'] += n;
    if (!m) return;
    if (!best || m.score > best.score) best = m;
    weighted += m.score * n;
    if (m.cls === 'own') return;
    const key = `${m.unit.doc}:${m.unit.block}`;
    const entry = byBlock.get(key) ?? { unit: m.unit, words: 0 };
    entry.words += n;
    byBlock.set(key, entry);
  });
  for (const k of ['reused', 'adapted', 'own'] as const) words[k] += counts[k];
  if (!best) return null;
  // Most matched words wins; a tie goes to the first found (the best candidates come first).
  let top = (best as SentenceMatch).unit;
  let most = 0;
  for (const { unit, words: n } of byBlock.values()) if (n > most) [top, most] = [unit, n];
  const total = counts.reused + counts.adapted + counts.own;
  const cls: MatchClass = counts.reused === total ? 'reused' : 2 * (counts.reused + counts.adapted) >= total ? 'adapted' : 'own';
  const doc = docAt(top.doc);
  return { source: doc.key, block: doc.blocks[top.block]!.id, score: Math.round((weighted / total) * 1000) / 1000, class: cls };
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

/** A sentence as a candidate's reader sees it: the document's key, the block's id and its words (both views). */
function seenHash(key: string, block: Block, sentence: Sentence): Uint32Array {
  const digest = createHash('sha256').update(JSON.stringify([key, block.id, sentence.surface, sentence.normalized])).digest();
  return Uint32Array.of(digest.readUInt32LE(0), digest.readUInt32LE(4));
}

/** Parents of a plan in the library: the plans whose document id it says it implements. */
function parentsOf(plan: Plan, byDocId: Map<string, Plan>): Plan[] {
  return [...new Set(plan.implements)]
    .filter((d) => d !== RESOLUTION_DOC_ID)
    .map((d) => byDocId.get(d))
    .filter((p): p is Plan => p !== undefined && p.id !== plan.id);
}

const sha256 = (...parts: (string | Uint8Array)[]) => {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex');
};

/**
 * A plan's reuse depends on its text, its sources' texts, and, for the matches in the other
 * plans, on what each of its sentences reads of the library-wide index (the first entries of
 * its buckets: which sentence of which text each is). `memo` keeps, per document, its band keys (so that an
 * unchanged document is not read again to index it) and, per plan, its result under a hash of
 * all that: a rebuild after one plan changed aligns only the plans whose inputs changed.
 */
export function computeReuse({ plans, resolution }: ReuseInput, memo?: Memo): ReuseData {
  // A library copy of the resolution itself is the source, not a plan that reuses it.
  const library = plans.filter((p) => p.docId !== RESOLUTION_DOC_ID);
  const vocabulary = new Map<string, number>();
  const texts = library.map((p) => ({ key: p.id, blocks: comparableBlocks(p), locality: p.metadata.locality.value }));
  if (resolution) texts.push({ key: RESOLUTION_KEY, blocks: resolution.blocks, locality: null });
  // What a document's sentences and keys are made of: its key, locality and blocks.
  const digests = texts.map((t) => sha256(JSON.stringify([t.key, t.locality, t.blocks.map((b) => [b.id, b.text])])));
  // Documents are read (cut into sentences and tokens) only when their sentences are aligned.
  const read: (Doc | undefined)[] = [];
  const docAt = (d: number): Doc => (read[d] ??= toDoc(texts[d]!.key, texts[d]!.blocks, texts[d]!.locality, vocabulary));
  const docIndex = new Map(texts.map((t, i) => [t.key, i]));

  // Every sentence of every document is a unit; unitsOf[doc][block] lists its units' numbers.
  const units: Unit[] = [];
  const unitsOf: number[][][] = texts.map((_, d) => {
    const stored = memo?.get<StoredKeys>(`reuse-keys-${digests[d]}`);
    const perBlock = stored?.sentences ?? docAt(d).sentences.map((list) => list.length);
    const decode = (base64: string) => new Uint32Array(new Uint8Array(Buffer.from(base64, 'base64')).buffer);
    const [keys, seen] = stored ? [decode(stored.keys), decode(stored.seen)] : [null, null];
    let at = 0;
    const numbers = perBlock.map((count, block) =>
      Array.from({ length: count }, (_, sentence) => {
        const k = keys ? keys.subarray(BANDS * at, BANDS * (at + 1)) : bandKeys(docAt(d).sentences[block]![sentence]!.normalized);
        const v = seen ? seen.subarray(2 * at, 2 * (at + 1)) : seenHash(texts[d]!.key, texts[d]!.blocks[block]!, docAt(d).sentences[block]![sentence]!);
        at++;
        return units.push({ doc: d, block, sentence, keys: k, seen: v }) - 1;
      }),
    );
    if (memo && !stored) {
      const [allKeys, allSeen] = [new Uint32Array(BANDS * at), new Uint32Array(2 * at)];
      numbers.flat().forEach((u, i) => {
        allKeys.set(units[u]!.keys, BANDS * i);
        allSeen.set(units[u]!.seen, 2 * i);
      });
      const encode = (numbers: Uint32Array) => Buffer.from(numbers.buffer).toString('base64');
      memo.set(`reuse-keys-${digests[d]}`, { sentences: perBlock, keys: encode(allKeys), seen: encode(allSeen) } satisfies StoredKeys);
    }
    return numbers;
  });
  // The library-wide index holds the plans only; each source gets an index of its own,
  // so that its sentences are found however full the shared buckets are.
  const everywhere = new LshIndex();
  units.forEach((u, i) => {
    if (texts[u.doc]!.key !== RESOLUTION_KEY) everywhere.add(i, u.keys);
  });
  const sourceIndex = new Map<number, LshIndex>();
  const indexOf = (d: number): LshIndex => {
    let index = sourceIndex.get(d);
    if (!index) {
      index = new LshIndex();
      for (const i of unitsOf[d]!.flat()) index.add(i, units[i]!.keys);
      sourceIndex.set(d, index);
    }
    return index;
  };

  // What a sentence's candidates are made of: the first READ entries of each of its buckets (what
  // each is: `seen`), hashed (53 bits: two chains) once per bucket of more than a few entries.
  // Entries past the first READ are never read: a bucket's length counts up to READ only, so that a
  // plan late in a full bucket changes no other plan's key; an entry is hashed by what it is, not by
  // its whole document, so that an edit elsewhere in that document changes no other plan's key.
  const bucketHashes = new Map<number, number>();
  const readHash = (bandKey: number): number => {
    const bucket = everywhere.bucket(bandKey);
    const known = bucket.length > 4 ? bucketHashes.get(bandKey) : undefined;
    if (known !== undefined) return known;
    const read = Math.min(bucket.length, READ);
    let [a, b] = [mix(read), mix(~read)];
    for (let e = 0; e < read; e++) {
      const [hi, lo] = units[bucket[e]!]!.seen;
      a = mix(mix(a ^ hi!) ^ lo!);
      b = mix(mix(b ^ lo!) ^ hi!);
    }
    const h = a + (b & 0x1fffff) * 2 ** 32;
    if (bucket.length > 4) bucketHashes.set(bandKey, h);
    return h;
  };

  const byDocId = new Map(library.filter((p) => p.docId).map((p) => [p.docId!, p]));
  const out: PlanReuse[] = library.map((plan, d) => {
    const parents = parentsOf(plan, byDocId).map((p) => docIndex.get(p.id)!);
    const sources = resolution ? [...parents, docIndex.get(RESOLUTION_KEY)!] : parents;
    const key = memo ? `reuse-plan-${resultKey(d, sources, unitsOf[d]!.flat(), units, digests, readHash)}` : '';
    const stored = memo?.get<PlanReuse>(key);
    if (stored) return stored;
    const skip = (i: number) => units[i]!.doc === d || sources.includes(units[i]!.doc);
    const others = unitsOf[d]!.map((list) => list.map((i) => everywhere.candidates(units[i]!.keys, ALIGNED, READ, skip)));
    const result = planReuse(plan.id, d, parents, sources, others, { docAt, units, unitsOf, indexOf });
    memo?.set(key, result);
    return result;
  });
  return { resolution: { docId: RESOLUTION_DOC_ID, key: RESOLUTION_KEY, available: resolution !== null }, adaptedAt: ADAPTED_AT, plans: out };
}

/**
 * The hash of a plan's reuse inputs: its text, its sources' texts, and for each of its sentences
 * what it reads of the library-wide index (the entries its candidates are chosen from).
 */
function resultKey(d: number, sources: number[], mine: number[], units: Unit[], digests: string[], readHash: (bandKey: number) => number): string {
  const reads = new Float64Array(mine.length * BANDS);
  mine.forEach((i, n) => units[i]!.keys.forEach((k, b) => (reads[n * BANDS + b] = readHash(k))));
  return sha256(digests[d]!, sources.map((s) => digests[s]).join(' '), new Uint8Array(reads.buffer));
}

interface Library {
  docAt: (d: number) => Doc;
  units: Unit[];
  unitsOf: number[][][];
  indexOf: (d: number) => LshIndex;
}

/** One plan's reuse: each paragraph against each source and, through `others` (its sentences' candidates), the other plans. */
function planReuse(id: string, d: number, parents: number[], sources: number[], others: number[][][], { docAt, units, unitsOf, indexOf }: Library): PlanReuse {
  const doc = docAt(d);
  const sourceWords = sources.map(emptyShares);
  const combinedWords = emptyShares();
  const paragraphs: ParagraphReuse[] = doc.blocks.map((block, b) => {
    const sentences = doc.sentences[b]!;
    const mine = unitsOf[d]![b]!.map((i) => units[i]!);
    const perSource = sources.map((s) => mine.map((u) => bestMatch(docAt, u, indexOf(s).candidates(u.keys, ALIGNED).map((i) => units[i]!))));
    const matches: Record<string, ParagraphMatch> = {};
    perSource.forEach((list, k) => {
      const m = paragraphMatch(docAt, sentences, list, sourceWords[k]!);
      if (!m) return;
      // The resolution's text is not published: only the plan's own words not found in it.
      if (docAt(sources[k]!).key === RESOLUTION_KEY && m.class !== 'own') m.added = addedSpans(joinedSources(docAt, list), block.text);
      matches[m.source] = m;
    });
    sentences.forEach((s, i) => {
      const cls = perSource.map((list) => list[i]?.cls ?? 'own').reduce<MatchClass>((a, c) => (RANK[c] > RANK[a] ? c : a), 'own');
      combinedWords[cls] += s.surface.length;
    });
    const found = mine.map((u, i) => bestMatch(docAt, u, others[b]![i]!.map((c) => units[c]!)));
    const other = paragraphMatch(docAt, sentences, found, emptyShares());
    return { block: block.id, words: sentences.reduce((n, s) => n + s.surface.length, 0), matches, other };
  });
  const shares: SourceShares[] = sources.map((s, k) => ({ source: docAt(s).key, ...toShares(sourceWords[k]!) }));
  return {
    plan: id,
    words: paragraphs.reduce((n, p) => n + p.words, 0),
    parents: parents.map((p) => docAt(p).key),
    sources: shares,
    combined: toShares(combinedWords),
    paragraphs,
  };
}

/** The source sentences a paragraph's sentences matched, in order, as one text to diff against. */
function joinedSources(docAt: (d: number) => Doc, matches: (SentenceMatch | null)[]): string {
  return matches
    .filter((m): m is SentenceMatch => m !== null && m.cls !== 'own')
    .map((m) => {
      const doc = docAt(m.unit.doc);
      const s = doc.sentences[m.unit.block]![m.unit.sentence]!;
      return doc.blocks[m.unit.block]!.text.slice(s.start, s.end);
    })
    .join(' ');
}
