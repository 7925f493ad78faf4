// One seed file → one Plan, as plain function calls: parseSeed (decode, normalize, parse),
// then assemblePlan (sidecar, metadata, references). Damaged scans are restored between the
// two by scripts/build/restore-scans.ts, which needs every plan (assemblePlan only records
// that it happened); then, over all plans, ids (assignIds) and duplicates (findDuplicates).
import { createHash } from 'node:crypto';
import type { Block, Plan, PlanMetadata, SourcedValue } from './types.ts';
import { decodeSeed, type DecodedSeed } from './decode.ts';
import { toParagraphs } from './normalize.ts';
import { outlineOf, parseBlocks } from './parse.ts';
import { extractMetadata } from './metadata.ts';
import { findReferences, sentenceAround, type Mention } from './references.ts';
import { applySidecar, type Sidecar } from './sidecar.ts';
import type { DocumentVocabulary } from './document-types.ts';
import { fold, percent, slugify } from './text.ts';
import { mix, onePermutationSketch, SketchScreen } from './reuse/minhash.ts';

export interface SeedInput {
  /** Path relative to seeds/, e.g. "004_a936b11be61fe9d9.txt" or "tinh/plan.txt" (sub-folders are read too). */
  file: string;
  bytes: Uint8Array;
  sidecar: Sidecar | null;
  /** Warnings found while reading the file (its size, say), for the build report. */
  warnings?: string[];
}

/** What the first stages give, before restoration and metadata. */
export interface ParsedSeed {
  input: SeedInput;
  blocks: Block[];
  sha256: string;
  /** The encoding the bytes were read in, and the conversion done, if any (decode.ts). */
  encoding: Omit<DecodedSeed, 'text'>;
  /** Fingerprint of the text (folded, spaces collapsed): equal for re-encoded or re-saved copies. */
  textFingerprint: string;
}

export function parseSeed(input: SeedInput, vocabulary: DocumentVocabulary): ParsedSeed {
  const { text, ...encoding } = decodeSeed(input.bytes, input.file);
  let blocks = parseBlocks(toParagraphs(text), vocabulary);
  const leadIn = input.sidecar?.leadIn ?? 0;
  if (leadIn > 0) blocks = blocks.map((b, i) => (i < leadIn ? { ...b, part: 'header' as const } : b));
  const fingerprint = createHash('sha256').update(fold(blocks.map((b) => b.text).join(' ')).replace(/\s+/g, ' ')).digest('hex');
  return { input, blocks, encoding, sha256: createHash('sha256').update(input.bytes).digest('hex'), textFingerprint: fingerprint };
}

export interface AssembledPlan {
  plan: Plan;
  /** Each with the sentence around it (the cited document's page quotes it). */
  mentions: (Mention & { blockId: string; sentence: string })[];
  warnings: string[];
}

/** Metadata, sidecar, references; the id is set later, once all plans are known (see assignIds). */
export function assemblePlan(seed: ParsedSeed, vocabulary: DocumentVocabulary, ocr?: Plan['ocr']): AssembledPlan {
  const { metadata, conflicts } = applySidecar(extractMetadata(seed.blocks, vocabulary), seed.input.sidecar);
  // A summary's number is the plan it summarises: citing it is a reference, and it is not the summary's own.
  const own = metadata.summary ? null : metadata.number.value;
  const found = findReferences(seed.blocks, vocabulary);
  // A plan citing its own number (its header "Số 319-CTr/TU") is not a reference.
  const texts = new Map(seed.blocks.map((b) => [b.id, b.text]));
  const mentions = found.mentions.filter((m) => m.docId !== own).map((m) => ({ ...m, sentence: sentenceAround(texts.get(m.blockId) ?? '', m.start, m.end) }));
  const references = found.references.filter((r) => r.docId !== own);
  const plan: Plan = {
    id: '',
    sourceFile: seed.input.file,
    sourceSha256: seed.sha256,
    metadata,
    blocks: seed.blocks,
    outline: outlineOf(seed.blocks),
    references,
    docId: own,
    // Read once every plan of the build is known and cited numbers resolved to documents (cited-documents.ts, resolveCitations).
    implements: [],
    ...(seed.input.sidecar?.leadIn ? { leadIn: seed.input.sidecar.leadIn } : {}),
    ...(ocr ? { ocr } : {}),
    ...(seed.encoding.conversion ? { sourceEncoding: { name: seed.encoding.conversion.from, note: seed.encoding.conversion.note } } : {}),
  };
  const unread = unreadFields(metadata);
  const warnings = conflicts.map((c) => `${seed.input.file}: ${c}`);
  if (unread.length) warnings.push(`${seed.input.file}: không đọc được ${unread.join(', ')} — trang ghi “Chưa rõ”`);
  return { plan, mentions, warnings };
}

const READ_FIELDS: [keyof PlanMetadata, string][] = [
  ['type', 'loại văn bản'],
  ['number', 'số hiệu'],
  ['date', 'ngày ban hành'],
  ['issuer', 'cơ quan ban hành'],
  ['locality', 'địa phương'],
  ['level', 'cấp'],
];

/** The header fields neither the text nor a sidecar gave: named in the build's one line about the file. */
export function unreadFields(metadata: PlanMetadata): string[] {
  return READ_FIELDS.filter(([field]) => (metadata[field] as SourcedValue<string>).value === null).map(([, name]) => name);
}

/**
 * The readable part of an id: locality and number ("ninh-thuan-319-ctr-tu"), else locality and
 * type ("dong-thap-chuong-trinh-hanh-dong"), else the file name: never a bare type ("ke-hoach").
 * A summary of a plan is told apart from the plan ("…-tom-tat").
 */
export function baseId(plan: Plan): string {
  const m = plan.metadata;
  const what = m.number.value ?? (m.locality.value ? m.type.value : null);
  const parts = what ? [m.locality.value, what] : [];
  const base = slugify(parts.filter(Boolean).join(' ')) || slugify(plan.sourceFile.replace(/\.[^.]+$/, ''));
  return m.summary ? `${base}-tom-tat` : base;
}

/** Order by file name, by code point: never the machine's locale, so ids are the same on every machine. */
export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Ids, unique and stable: plans are sorted by file name, so a clash always resolves the same way. */
export function assignIds(plans: Plan[]): Plan[] {
  const taken = new Map<string, number>();
  return [...plans]
    .sort((a, b) => byCodePoint(a.sourceFile, b.sourceFile))
    .map((plan) => {
      const base = baseId(plan);
      const n = (taken.get(base) ?? 0) + 1;
      taken.set(base, n);
      return { ...plan, id: n === 1 ? base : `${base}-${n}` };
    });
}

export interface Duplicate {
  kept: string;
  dropped: string;
  reason: string;
  /** For near-identical texts: the share of word 5-grams they have in common. */
  shared?: number;
}

/** Two files that look alike but are published both: reported with both names. */
export interface Lookalike {
  first: string;
  second: string;
  reason: string;
}

export interface DuplicateCandidate {
  file: string;
  fingerprint: string;
  /** Word 5-grams of the folded text (see textShingles): read only when its sketch is not given or it is scored exactly. */
  shingles: Float64Array;
  /** The one-permutation sketch of `shingles` (duplicateSketch), when already at hand. */
  sketch?: Uint32Array;
  number: string | null;
  issuer: string | null;
}

/**
 * The answers about pairs findDuplicates asks, of its items numbered in its order (by file name):
 * whether two sketches pass the screen, and two texts' exact similarity. `compute` gives the
 * answer; an implementation may give one it noted before for the same two texts instead (an
 * earlier build's).
 */
export interface PairAnswers {
  screen(i: number, j: number, compute: (i: number, j: number) => boolean): boolean;
  score(i: number, j: number, compute: (i: number, j: number) => number): number;
}
const computeEach: PairAnswers = { screen: (i, j, compute) => compute(i, j), score: (i, j, compute) => compute(i, j) };

/** At or above this share of shared word 5-grams, two texts are the same plan (a re-saved copy with a typo fixed). */
export const SAME_PLAN_SIMILARITY = 0.9;
/** From this share up, two plans published both are reported as alike (a draft and its final version, say). */
export const LOOKALIKE_SIMILARITY = 0.5;

/** Words a shingle holds. */
const SHINGLE_WORDS = 5;

/**
 * The word 5-grams of a text, folded ("w1 w2 w3 w4 w5", words of a–z and 0–9), sorted and
 * distinct, each as a 53-bit number: its FNV-1a hash (the low 32 bits, what its sketch is made
 * of) and 21 bits of a second hash. Two 5-grams share a number only if both hashes collide
 * (about one chance in 10⁴ in a library of millions of 5-grams, and then one 5-gram of thousands
 * miscounted): numbers, not strings, so that no 5-gram is made as a string or looked up.
 */
export function textShingles(blocks: Block[]): Float64Array {
  const text = fold(blocks.map((b) => b.text).join(' '));
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    while (i < text.length && !isWordUnit(text.charCodeAt(i))) i++;
    if (i === text.length) break;
    starts.push(i);
    while (i < text.length && isWordUnit(text.charCodeAt(i))) i++;
    ends.push(i);
  }
  const count = Math.max(0, starts.length - SHINGLE_WORDS + 1);
  const shingles = new Float64Array(count);
  for (let w = 0; w < count; w++) {
    let fnv = 0x811c9dc5;
    let other = 0x9e3779b9;
    for (let k = w; k < w + SHINGLE_WORDS; k++) {
      for (let i = k === w ? starts[k]! : starts[k]! - 1; i < ends[k]!; i++) {
        // The space between two words is hashed as the one separator the 5-gram is written with.
        const c = i < starts[k]! ? 0x20 : text.charCodeAt(i);
        fnv = Math.imul(fnv ^ c, 0x01000193);
        other = Math.imul(other ^ c, 0x5bd1e995);
        other ^= other >>> 15;
      }
    }
    shingles[w] = (mix(other) & 0x1fffff) * 2 ** 32 + (fnv >>> 0);
  }
  shingles.sort();
  let distinct = 0;
  for (let i = 0; i < shingles.length; i++) if (i === 0 || shingles[i] !== shingles[i - 1]) shingles[distinct++] = shingles[i]!;
  return shingles.slice(0, distinct);
}

/** a–z, 0–9: what a word of the folded text is made of. */
const isWordUnit = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/** Jaccard similarity of two shingle sets, sorted and distinct (textShingles). */
export function similarity(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) { shared++; i++; j++; } else if (a[i]! < b[j]!) i++; else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** One-permutation MinHash sketches of this many bins screen every pair of plans (reuse/minhash.ts). */
const SKETCH_SIZE = 512;
/**
 * Pairs whose sketches estimate at least this similarity are scored exactly. The estimate's
 * standard deviation at J = 0.5 is √(J(1−J)/k) ≈ 0.022: a pair at LOOKALIKE_SIMILARITY falls
 * below this margin once in about 10⁸ pairs. On plans that share their boilerplate most pairs
 * are 20–40% alike: the margin keeps the exact scoring to the few percent near the threshold.
 */
const SCREEN_SIMILARITY = LOOKALIKE_SIMILARITY - 0.12;

/** The sketch of a text's shingles that findDuplicates screens pairs with. */
export function duplicateSketch(shingles: Float64Array): Uint32Array {
  return onePermutationSketch(Array.from(shingles, (s) => s % 2 ** 32), SKETCH_SIZE);
}

/**
 * The same plan twice only when the text says so: the same text after normalization, or
 * near-identical text. The first file (by name) is kept and the other reported. Two files
 * that share a number but not their text are two plans (a local number recurs in every
 * province): both published, and reported with both names, as are texts merely alike.
 */
export function findDuplicates(
  items: DuplicateCandidate[],
  answersFor: (sorted: DuplicateCandidate[]) => PairAnswers = () => computeEach,
): { duplicates: Duplicate[]; lookalikes: Lookalike[] } {
  const duplicates: Duplicate[] = [];
  const lookalikes: Lookalike[] = [];
  const sorted = [...items].sort((a, b) => byCodePoint(a.file, b.file));
  const answers = answersFor(sorted);
  const screen = new SketchScreen((i) => sorted[i]!.sketch ?? duplicateSketch(sorted[i]!.shingles));
  const passes = (i: number, j: number) => screen.atLeast(i, j, SCREEN_SIMILARITY);
  const exactly = (i: number, j: number) => similarity(sorted[i]!.shingles, sorted[j]!.shingles);
  const kept: number[] = [];
  const byFingerprint = new Map<string, DuplicateCandidate>();
  const byNumber = new Map<string, number[]>();
  sorted.forEach((item, i) => {
    // The same number from issuers that do not differ (one unread counts as the same).
    const sameNumber = (other: DuplicateCandidate) =>
      item.number !== null && item.number === other.number && (item.issuer === null || other.issuer === null || fold(item.issuer) === fold(other.issuer));
    const sameText = byFingerprint.get(item.fingerprint);
    if (sameText) {
      duplicates.push({ kept: sameText.file, dropped: item.file, reason: 'same text' });
      return;
    }
    // Every kept file this one may be alike (its sketch says so) or shares its number with, in the order kept.
    const alike = kept.filter((j) => answers.screen(i, j, passes));
    const compared = [...new Set([...alike, ...(item.number === null ? [] : byNumber.get(item.number) ?? [])])].sort((a, b) => a - b);
    const scored = compared.map((j) => ({ other: sorted[j]!, similarity: answers.score(i, j, exactly) })).sort((a, b) => b.similarity - a.similarity);
    const closest = scored[0];
    if (closest && closest.similarity >= SAME_PLAN_SIMILARITY) {
      const reason = sameNumber(closest.other) ? `same number ${item.number} and issuer` : 'near-identical text';
      duplicates.push({ kept: closest.other.file, dropped: item.file, reason, shared: closest.similarity });
      return;
    }
    for (const { other, similarity: s } of scored) {
      if (s >= LOOKALIKE_SIMILARITY) lookalikes.push({ first: other.file, second: item.file, reason: `alike texts (${percent(s)} shared) but not the same` });
      else if (sameNumber(other)) lookalikes.push({ first: other.file, second: item.file, reason: `same number ${item.number} but different texts (${percent(s)} shared)` });
    }
    kept.push(i);
    byFingerprint.set(item.fingerprint, item);
    if (item.number !== null) byNumber.set(item.number, [...(byNumber.get(item.number) ?? []), i]);
  });
  return { duplicates, lookalikes };
}
