// All seeds → all plans and cited documents, in memory, with an account of every
// file for the build report. No file is written here: `scripts/build.ts` writes
// the result, tests call this directly.
import type { Plan } from '../pipeline/types.ts';
import { SeedError } from '../pipeline/types.ts';
import { loadVocabulary } from '../pipeline/document-types.ts';
import { sniffFileType } from '../pipeline/file-type.ts';
import { assemblePlan, assignIds, byCodePoint, type ParsedSeed, type SeedInput } from '../pipeline/plan.ts';
import { libraryDuplicates } from './duplicates.ts';
import { buildCitedDocuments, implementedByMap, resolveCitations, type CitedDocumentPage, type PlanMention } from '../pipeline/cited-documents.ts';
import { percent } from '../pipeline/text.ts';
import { restoreScans } from './restore-scans.ts';
import type { CachedDocument, DocumentCache } from './document-cache.ts';
import { isRefused, readDocuments, refusalError, type DocumentReading } from './read-documents.ts';
import type { FileAccount } from './report.ts';

/** Every plan of one build and the documents they cite, as the pipeline makes them (the site calls this set the library). */
export interface Library {
  plans: Plan[];
  documents: CitedDocumentPage[];
  implementedBy: Map<string, string[]>;
  warnings: string[];
  /** What became of each input file (published as which plan, duplicate of which, skipped…). */
  accounts: FileAccount[];
}

/** Thrown when one or more seeds are unusable: the message lists every one, so all can be fixed at once. */
export class BuildInputError extends Error {
  readonly errors: SeedError[];
  /** Every file's account up to the stop, for the report. */
  readonly accounts: FileAccount[];
  constructor(errors: SeedError[], accounts: FileAccount[] = []) {
    super(`${errors.length} seed file(s) cannot be published:\n${errors.map((e) => `  - ${e.message}`).join('\n')}`);
    this.name = 'BuildInputError';
    this.errors = errors;
    this.accounts = accounts;
  }
}

/** Runs a named stage; the build passes one that notes time and memory. */
export type Measure = <T>(stage: string, work: () => T) => T;

export interface LibraryOptions {
  measure?: Measure;
  /** Problems found before (reading the seeds folder), reported together with the files' own. */
  earlier?: SeedError[];
  /** Per-document work of earlier builds (parse, damage detection, a clean plan's assembly), reused when its key matches. */
  cache?: DocumentCache;
  /** Every input's per-document reading, when already done (in worker threads: read-documents.ts); else read here. */
  readings?: DocumentReading[];
}

export function buildLibrary(inputs: SeedInput[], { measure = (_, work) => work(), earlier = [], cache, readings }: LibraryOptions = {}): Library {
  const vocabulary = loadVocabulary();
  const warnings: string[] = inputs.flatMap((i) => i.warnings ?? []);
  const errors: SeedError[] = [...earlier];
  const account = new Map<string, FileAccount>(
    inputs.map((i) => [i.file, { file: i.file, outcome: 'published', bytes: i.bytes.length, warnings: [...(i.warnings ?? [])] }]),
  );
  const warnFile = (file: string, message: string) => {
    warnings.push(message);
    account.get(file)?.warnings.push(message);
  };
  const read = readings ?? measure('read documents', () => readDocuments(inputs, vocabulary, cache));
  const documents: (CachedDocument & { seed: ParsedSeed })[] = [];
  inputs.forEach((input, i) => {
    const reading = read[i]!;
    const entry = account.get(input.file)!;
    if (isRefused(reading)) {
      const type = sniffFileType(input.bytes);
      if (type) entry.fileType = type.name;
      if (reading.refused.empty) {
        Object.assign(entry, { outcome: 'skipped', reason: reading.refused.message });
        warnings.push(`${reading.refused.message} — skipped`);
      } else {
        Object.assign(entry, { outcome: 'stopped', reason: reading.refused.message });
        errors.push(refusalError(input, reading));
      }
      return;
    }
    const seed: ParsedSeed = { ...reading.parsed, input };
    documents.push({ ...reading, seed });
    Object.assign(entry, { encoding: seed.encoding.encoding, fileType: 'plain text', ...(seed.encoding.conversion ? { conversion: seed.encoding.conversion.note } : {}) });
    if (seed.encoding.conversion) warnFile(input.file, `${input.file}: read as ${seed.encoding.conversion.from} and converted to Unicode`);
  });
  const accounts = () => [...account.values()];
  if (errors.length) throw new BuildInputError(errors, accounts());
  if (documents.length === 0) throw new BuildInputError([new SeedError('seeds/', null, 'no plan to publish')], accounts());

  const parsed = documents.map((d) => d.seed);
  const restored = measure('restore scans', () => restoreScans(parsed, warnings, documents.map((d) => d.damaged), cache, documents.map((d) => d.damageScore)));
  // A restored scan depends on every plan the restorer learned from: assembled each build.
  const assembled = measure('metadata and references of scans', () => restored.map(({ seed, ocr }, i) => documents[i]!.assembled ?? assemblePlan(seed, vocabulary, ocr)));
  for (const a of assembled) for (const w of a.warnings) warnFile(a.plan.sourceFile, w);

  const { duplicates, lookalikes } = measure('duplicates', () =>
    libraryDuplicates(
      assembled.map((a, i) => ({ plan: a.plan, fingerprint: restored[i]!.seed.textFingerprint })),
      cache?.memo('duplicates'),
    ),
  );
  for (const d of duplicates) {
    const shared = d.shared === undefined ? '' : `, ${percent(d.shared)} of the text shared`;
    warnFile(d.dropped, `${d.dropped}: the same plan as ${d.kept} (${d.reason})${shared} — published once, from ${d.kept}`);
    Object.assign(account.get(d.dropped)!, { outcome: 'duplicate', reason: `the same plan as ${d.kept} (${d.reason})${shared}` });
  }
  for (const l of lookalikes) {
    const message = `${l.second} and ${l.first}: ${l.reason} — both published`;
    warnings.push(message);
    account.get(l.first)?.warnings.push(message);
    account.get(l.second)?.warnings.push(message);
  }
  const dropped = new Set(duplicates.map((d) => d.dropped));
  const kept = assembled.filter((a) => !dropped.has(a.plan.sourceFile));

  return measure('ids and cross-references', () => {
    const withIds = assignIds(kept.map((a) => a.plan));
    const idOf = new Map(withIds.map((p) => [p.sourceFile, p.id]));
    for (const p of withIds) Object.assign(account.get(p.sourceFile)!, { plan: p.id, family: p.metadata.type.value });
    for (const d of duplicates) account.get(d.dropped)!.plan = idOf.get(d.kept);
    const found: PlanMention[] = kept.flatMap((a) => a.mentions.map((m) => ({ ...m, planId: idOf.get(a.plan.sourceFile)! })));
    const { plans, mentions } = resolveCitations(withIds, found, vocabulary);
    return {
      plans,
      documents: buildCitedDocuments(plans, mentions),
      implementedBy: implementedByMap(plans),
      warnings,
      accounts: accounts().sort((a, b) => byCodePoint(a.file, b.file)),
    };
  });
}
