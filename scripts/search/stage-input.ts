// What the search index is built from (the site data's plans, cited documents and each plan's
// indicators), and the folder that carries it from the pipeline's process to the search index's
// (scripts/build/search-process.ts), which runs beside Astro once the pipeline's has exited.
// A folder of V8-serialized files (the documents and indicators, then one file per plan), written
// and read a plan at a time: neither process holds a second whole copy of the plans.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { digest, planDigest } from '../pipeline/memo.ts';
import { SEARCH_FILTERS } from '../contract/addresses.ts';
import type { CitedDocumentPage } from '../pipeline/cited-documents.ts';
import { citedDocumentPages, type IndexablePlan } from './records.ts';
import type { BuildSearchIndexOptions } from './build-index.ts';

export interface SearchStageInput {
  plans: IndexablePlan[];
  documents: CitedDocumentPage[];
  /** Each plan's indicators (the targets stage's short names), by plan id. */
  indicatorsByPlan: Map<string, string[]>;
}

/** The options buildSearchIndex is called with in the site build. */
export function searchIndexOptions(input: SearchStageInput, outDir: string, cacheDir?: string): BuildSearchIndexOptions {
  return {
    plans: input.plans,
    pages: citedDocumentPages(input.documents),
    documents: input.documents,
    outDir,
    planFilters: (plan) => ({ [SEARCH_FILTERS.indicator]: input.indicatorsByPlan.get(plan.id) ?? [] }),
    ...(cacheDir ? { cacheDir } : {}),
  };
}

interface Head {
  documents: CitedDocumentPage[];
  indicatorsByPlan: Map<string, string[]>;
  plans: number;
}

const HEAD_FILE = 'head';
const planFile = (dir: string, index: number) => join(dir, 'plans', String(index));

/**
 * Puts at `target` the file `key` names (an earlier build's when kept: scripts/build/file-store.ts), else `make()`'s.
 * `key`: a digest of everything the file is made from.
 */
export type PlaceInputFile = (target: string, key: string, make: () => Uint8Array) => void;

const writeFile: PlaceInputFile = (target, _key, make) => {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, make());
};

/**
 * Writes the input into the folder `dir`, V8-serialized: `head` (the documents, the indicators, how many plans) and
 * one file per plan, `plans/<n>` in order. With `place`, a plan's file is keyed by everything in the plan: an
 * unchanged plan's is an earlier build's, linked, not serialized again.
 */
export function writeSearchInput(dir: string, input: SearchStageInput, place: PlaceInputFile = writeFile): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, HEAD_FILE), serialize({ documents: input.documents, indicatorsByPlan: input.indicatorsByPlan, plans: input.plans.length } satisfies Head));
  input.plans.forEach((plan, index) => {
    place(planFile(dir, index), digest('search-input-plan', planDigest(plan)), () => serialize(plan));
  });
}

export function readSearchInput(dir: string): SearchStageInput {
  const read = (file: string) => {
    try {
      return deserialize(readFileSync(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${dir}: the search index's input lacks ${relative(dir, file)}`);
      throw error;
    }
  };
  const head = read(join(dir, HEAD_FILE)) as Head;
  const plans = Array.from({ length: head.plans }, (_, index) => read(planFile(dir, index)) as IndexablePlan);
  return { plans, documents: head.documents, indicatorsByPlan: head.indicatorsByPlan };
}
