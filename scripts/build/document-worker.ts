// A worker thread of the per-document stages (read-documents.ts): reads the seeds it is sent,
// and stores each reading in the build's document cache, as the single-threaded build does.
import { Tinypool } from 'tinypool';
import { loadVocabulary } from '../pipeline/document-types.ts';
import type { SeedInput } from '../pipeline/plan.ts';
import { DocumentCache } from './document-cache.ts';
import { readAndKeep, type DocumentReading, type WorkerSetup } from './read-documents.ts';

const setup = Tinypool.workerData as WorkerSetup;
const vocabulary = loadVocabulary();
const cache = setup.cache ? new DocumentCache(setup.cache.dir, setup.cache.version) : null;

export default function read(input: SeedInput): DocumentReading {
  return readAndKeep(input, vocabulary, cache);
}
