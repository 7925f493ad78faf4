// What the search index is built from (the site data's plans, cited documents and each plan's
// indicators), and the folder that carries it from the pipeline's process to the search index's
// (scripts/build/search-process.ts), which starts once it is written and indexes once the pipeline's has exited.
// A folder of V8-serialized files: the head (the documents, the indicators, and each plan's facts,
// digest and words: what the index reads of every plan) and one file per plan, read only when its
// bundle is indexed: a rebuild after one plan changed reads that plan's bundle, and neither process
// holds a second copy of the plans.
import { realArray } from '../pipeline/lazy-array.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { digest, planDigest } from '../pipeline/memo.ts';
import { SEARCH_FILTERS } from '../contract/addresses.ts';
import type { CitedDocumentPage } from '../pipeline/cited-documents.ts';
import { citedDocumentPages, planFacts, type IndexablePlan } from './records.ts';
import { planWords, searchPlans, type BuildSearchIndexOptions, type SearchPlan } from './build-index.ts';

/** What the pipeline hands the search index: its plans whole. */
export interface SearchStageInput {
  plans: IndexablePlan[];
  documents: CitedDocumentPage[];
  /** Each plan's indicators (the targets stage's short names), by plan id. */
  indicatorsByPlan: Map<string, string[]>;
}

/** The search index's input as read back: the plans as their facts, each loaded whole on demand. */
export type SearchIndexInput = Omit<SearchStageInput, 'plans'> & { plans: SearchPlan[] };

/** An input held whole in memory, as the search index takes it (tests and benches: the build reads it back). */
export const heldWhole = (input: SearchStageInput): SearchIndexInput => ({ ...input, plans: searchPlans(input.plans) });

/** The options buildSearchIndex is called with in the site build. */
export function searchIndexOptions(input: SearchIndexInput, outDir: string, cacheDir?: string): BuildSearchIndexOptions {
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
  plans: Omit<SearchPlan, 'load'>[];
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
 * Writes the input into the folder `dir`, V8-serialized: `head` (the documents, the indicators, each plan's facts,
 * digest and words) and one file per plan, `plans/<n>` in order. With `place`, a plan's file is keyed by everything
 * in the plan: an unchanged plan's is an earlier build's, linked, not serialized again.
 */
export function writeSearchInput(dir: string, input: SearchStageInput, place: PlaceInputFile = writeFile): void {
  mkdirSync(dir, { recursive: true });
  const plans = input.plans.map((plan, index) => {
    place(planFile(dir, index), digest('search-input-plan', planDigest(plan)), () => serialize({ ...plan, blocks: realArray(plan.blocks) }));
    return { facts: planFacts(plan), digest: planDigest(plan), words: planWords(plan) };
  });
  writeFileSync(join(dir, HEAD_FILE), serialize({ documents: input.documents, indicatorsByPlan: input.indicatorsByPlan, plans } satisfies Head));
}

/** The input in `dir`: the head read, each plan's file when the plan is loaded (a file missing is an error then, never a plan less). */
export function readSearchInput(dir: string): SearchIndexInput {
  const read = (file: string) => {
    try {
      return deserialize(readFileSync(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${dir}: the search index's input lacks ${relative(dir, file)}`);
      throw error;
    }
  };
  const head = read(join(dir, HEAD_FILE)) as Head;
  const plans = head.plans.map((plan, index): SearchPlan => ({ ...plan, load: () => read(planFile(dir, index)) as IndexablePlan }));
  return { plans, documents: head.documents, indicatorsByPlan: head.indicatorsByPlan };
}
