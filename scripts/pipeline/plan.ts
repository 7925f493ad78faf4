// One seed file → one Plan: the stages in order, as plain function calls.
// Restoration of damaged scans is passed in as a function so this module does
// not need to know how it works (and tests can run without it).
import { createHash } from 'node:crypto';
import type { Block, Plan } from './types.ts';
import { decodeSeed } from './decode.ts';
import { toParagraphs } from './normalize.ts';
import { outlineOf, parseBlocks } from './parse.ts';
import { extractMetadata } from './metadata.ts';
import { findReferences, implementedDocuments, type Mention } from './references.ts';
import { applySidecar, type Sidecar } from './sidecar.ts';
import type { DocumentVocabulary } from './document-types.ts';
import { fold, slugify } from './text.ts';

export interface SeedInput {
  /** Path relative to seeds/, e.g. "004_a936b11be61fe9d9.txt" or "tinh/plan.txt" (sub-folders are read too). */
  file: string;
  bytes: Uint8Array;
  sidecar: Sidecar | null;
}

/** What the first stages give, before restoration and metadata. */
export interface ParsedSeed {
  input: SeedInput;
  blocks: Block[];
  sha256: string;
  /** Fingerprint of the text (folded, spaces collapsed): equal for re-encoded or re-saved copies. */
  textFingerprint: string;
}

export function parseSeed(input: SeedInput, vocabulary: DocumentVocabulary): ParsedSeed {
  const text = decodeSeed(input.bytes, input.file);
  let blocks = parseBlocks(toParagraphs(text), vocabulary);
  const leadIn = input.sidecar?.leadIn ?? 0;
  if (leadIn > 0) blocks = blocks.map((b, i) => (i < leadIn ? { ...b, part: 'header' as const } : b));
  const fingerprint = createHash('sha256').update(fold(blocks.map((b) => b.text).join(' ')).replace(/\s+/g, ' ')).digest('hex');
  return { input, blocks, sha256: createHash('sha256').update(input.bytes).digest('hex'), textFingerprint: fingerprint };
}

export interface AssembledPlan {
  plan: Plan;
  mentions: (Mention & { blockId: string })[];
  warnings: string[];
}

/** Metadata, sidecar, references; the id is set later, once all plans are known (see assignIds). */
export function assemblePlan(seed: ParsedSeed, vocabulary: DocumentVocabulary, ocr?: Plan['ocr']): AssembledPlan {
  const { metadata, conflicts } = applySidecar(extractMetadata(seed.blocks, vocabulary), seed.input.sidecar);
  const own = metadata.number.value;
  const found = findReferences(seed.blocks, vocabulary);
  // A plan citing its own number (its header "Số 319-CTr/TU") is not a reference.
  const mentions = found.mentions.filter((m) => m.docId !== own);
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
    implements: implementedDocuments(seed.blocks, references),
    ...(seed.input.sidecar?.leadIn ? { leadIn: seed.input.sidecar.leadIn } : {}),
    ...(ocr ? { ocr } : {}),
  };
  return { plan, mentions, warnings: conflicts.map((c) => `${seed.input.file}: ${c}`) };
}

/** The readable part of an id: locality and number ("ninh-thuan-319-ctr-tu"), else the type, else the file name. */
export function baseId(plan: Plan): string {
  const m = plan.metadata;
  const parts = [m.locality.value, m.number.value ?? m.type.value].filter((x): x is string => Boolean(x));
  const base = slugify(parts.join(' '));
  return base || slugify(plan.sourceFile.replace(/\.[^.]+$/, ''));
}

/** Ids, unique and stable: plans are sorted by file name, so a clash always resolves the same way. */
export function assignIds(plans: Plan[]): Plan[] {
  const taken = new Map<string, number>();
  return [...plans]
    .sort((a, b) => a.sourceFile.localeCompare(b.sourceFile))
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
}

export interface DuplicateCandidate {
  file: string;
  fingerprint: string;
  number: string | null;
  issuer: string | null;
  locality: string | null;
  date: string | null;
}

/** Two values that are both known and differ. */
const conflicting = (a: string | null, b: string | null) => a !== null && b !== null && fold(a) !== fold(b);

/**
 * The same plan twice (same text, or same number and issuer): keep the first file, report the other.
 * A local number recurs in every province and an issuer is often written without its place
 * ("Ban Thường vụ Tỉnh ủy"), so two files whose known localities or dates differ are two plans.
 */
export function findDuplicates(items: DuplicateCandidate[]): Duplicate[] {
  const duplicates: Duplicate[] = [];
  const seenText = new Map<string, string>();
  const seenNumber = new Map<string, DuplicateCandidate[]>();
  for (const item of [...items].sort((a, b) => a.file.localeCompare(b.file))) {
    const sameText = seenText.get(item.fingerprint);
    const numberKey = item.number && item.issuer ? `${item.number}|${fold(item.issuer)}` : null;
    const sameNumber = numberKey
      ? seenNumber.get(numberKey)?.find((seen) => !conflicting(seen.locality, item.locality) && !conflicting(seen.date, item.date))
      : undefined;
    if (sameText) duplicates.push({ kept: sameText, dropped: item.file, reason: 'same text' });
    else if (sameNumber) duplicates.push({ kept: sameNumber.file, dropped: item.file, reason: `same number ${item.number} and issuer` });
    else {
      seenText.set(item.fingerprint, item.file);
      if (numberKey) seenNumber.set(numberKey, [...(seenNumber.get(numberKey) ?? []), item]);
    }
  }
  return duplicates;
}
