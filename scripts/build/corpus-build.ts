// All seeds → all plans and cited documents, in memory. No file is written
// here: `scripts/build.ts` writes the result, tests call this directly.
import type { Plan } from '../pipeline/types.ts';
import { SeedError } from '../pipeline/types.ts';
import { EmptySeedError } from '../pipeline/decode.ts';
import { loadVocabulary } from '../pipeline/document-types.ts';
import { assemblePlan, assignIds, findDuplicates, parseSeed, type ParsedSeed, type SeedInput } from '../pipeline/plan.ts';
import { buildCitedDocuments, implementedByMap, resolveCitations, type CitedDocumentPage, type PlanMention } from '../pipeline/corpus.ts';
import { restoreScans } from './restore-scans.ts';

export interface Corpus {
  plans: Plan[];
  documents: CitedDocumentPage[];
  implementedBy: Map<string, string[]>;
  warnings: string[];
}

/** Thrown when one or more seeds are unusable: the message lists every one, so all can be fixed at once. */
export class BuildInputError extends Error {
  readonly errors: SeedError[];
  constructor(errors: SeedError[]) {
    super(`${errors.length} seed file(s) cannot be published:\n${errors.map((e) => `  - ${e.message}`).join('\n')}`);
    this.name = 'BuildInputError';
    this.errors = errors;
  }
}

export function buildCorpus(inputs: SeedInput[]): Corpus {
  const vocabulary = loadVocabulary();
  const warnings: string[] = [];
  const errors: SeedError[] = [];
  const parsed: ParsedSeed[] = [];
  for (const input of inputs) {
    try {
      parsed.push(parseSeed(input, vocabulary));
    } catch (error) {
      if (error instanceof EmptySeedError) warnings.push(`${error.message} — skipped`);
      else if (error instanceof SeedError) errors.push(error);
      else throw error;
    }
  }
  if (errors.length) throw new BuildInputError(errors);
  if (parsed.length === 0) throw new BuildInputError([new SeedError('seeds/', null, 'no plan to publish')]);

  const restored = restoreScans(parsed, warnings);
  const assembled = restored.map(({ seed, ocr }) => assemblePlan(seed, vocabulary, ocr));
  for (const a of assembled) warnings.push(...a.warnings);

  const duplicates = findDuplicates(
    assembled.map((a, i) => ({
      file: a.plan.sourceFile,
      fingerprint: restored[i]!.seed.textFingerprint,
      number: a.plan.metadata.number.value,
      issuer: a.plan.metadata.issuer.value,
      locality: a.plan.metadata.locality.value,
      date: a.plan.metadata.date.value,
      summary: a.plan.metadata.summary,
    })),
  );
  for (const d of duplicates) warnings.push(`${d.dropped}: the same plan as ${d.kept} (${d.reason}) — published once, from ${d.kept}`);
  const dropped = new Set(duplicates.map((d) => d.dropped));
  const kept = assembled.filter((a) => !dropped.has(a.plan.sourceFile));

  const withIds = assignIds(kept.map((a) => a.plan));
  const idOf = new Map(withIds.map((p) => [p.sourceFile, p.id]));
  const found: PlanMention[] = kept.flatMap((a) => a.mentions.map((m) => ({ ...m, planId: idOf.get(a.plan.sourceFile)! })));
  const { plans, mentions } = resolveCitations(withIds, found, vocabulary);
  return { plans, documents: buildCitedDocuments(plans, mentions), implementedBy: implementedByMap(plans), warnings };
}
