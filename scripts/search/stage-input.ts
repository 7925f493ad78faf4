// What the search index is built from (the site data's plans, cited documents and each plan's
// indicators), and the file that carries it from the pipeline's process to the search index's
// (scripts/build/search-process.ts), which runs beside Astro once the pipeline's has exited.
// The file is a run of frames (a 4-byte length, then a V8-serialized value: first the documents
// and indicators, then one plan a frame), written and read a frame at a time: neither process
// holds a second whole copy of the plans.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
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

const LENGTH_BYTES = 4;

export function writeSearchInput(file: string, input: SearchStageInput): void {
  const fd = openSync(file, 'w');
  try {
    const frame = (value: unknown) => {
      const data = serialize(value);
      const length = Buffer.alloc(LENGTH_BYTES);
      length.writeUInt32LE(data.length);
      writeSync(fd, length);
      writeSync(fd, data);
    };
    frame({ documents: input.documents, indicatorsByPlan: input.indicatorsByPlan, plans: input.plans.length } satisfies Head);
    for (const plan of input.plans) frame(plan);
  } finally {
    closeSync(fd);
  }
}

export function readSearchInput(file: string): SearchStageInput {
  const fd = openSync(file, 'r');
  try {
    let position = 0;
    const read = (length: number) => {
      const buffer = Buffer.alloc(length);
      if (readSync(fd, buffer, 0, length, position) !== length) throw new Error(`${file}: the search index's input ends early`);
      position += length;
      return buffer;
    };
    const frame = () => deserialize(read(read(LENGTH_BYTES).readUInt32LE()));
    const head = frame() as Head;
    const plans = Array.from({ length: head.plans }, () => frame() as IndexablePlan);
    return { plans, documents: head.documents, indicatorsByPlan: head.indicatorsByPlan };
  } finally {
    closeSync(fd);
  }
}
