// The per-document stages: one seed file → its parse, whether it reads as a scan, and for a
// clean text its metadata and references. Each document alone, so the documents are read in a
// pool of worker threads, one per core (document-worker.ts), or in this thread (one core,
// tests, the library's callers that need no speed). Both give the same readings in the same
// order: the library is assembled from them alike (library.ts).
import { availableParallelism } from 'node:os';
import { Tinypool } from 'tinypool';
import { SeedError } from '../pipeline/types.ts';
import { EmptySeedError } from '../pipeline/decode.ts';
import type { DocumentVocabulary } from '../pipeline/document-types.ts';
import { documentDamage } from '../pipeline/ocr/index.ts';
import { assemblePlan, parseSeed, type SeedInput } from '../pipeline/plan.ts';
import type { CachedDocument, DocumentCache } from './document-cache.ts';
import { blocksDigest, noteBlocksDigest } from '../pipeline/memo.ts';
import { factsOf, noteBlockFacts } from '../pipeline/block-facts.ts';

/** A seed file that cannot be read as a plan: why (a SeedError's fields, which cross between threads). */
export interface RefusedDocument {
  refused: { message: string; line: number | null; empty: boolean };
}

/** What the per-document stages give for one seed: its cached form, or why it was refused. */
export type DocumentReading = CachedDocument | RefusedDocument;

export const isRefused = (reading: DocumentReading): reading is RefusedDocument => 'refused' in reading;

/** The refusal as the error the single-threaded pipeline throws (its message unchanged). */
export function refusalError(input: SeedInput, { refused }: RefusedDocument): SeedError {
  const error = new (refused.empty ? EmptySeedError : SeedError)(input.file, refused.line, '');
  error.message = refused.message;
  return error;
}

/**
 * Reads one seed afresh: decode, parse, scan detection, and for a clean text metadata and
 * references (a scan's wait for the restorer, which learns from every plan). A clean plan is
 * assembled without OCR, exactly as after restoration, which leaves clean plans as they are.
 */
export function readDocument(input: SeedInput, vocabulary: DocumentVocabulary): DocumentReading {
  try {
    const { input: _, ...parsed } = parseSeed(input, vocabulary);
    const { damaged, score } = documentDamage(parsed.blocks);
    const digest = blocksDigest(parsed.blocks);
    if (damaged) return { parsed, blocksDigest: digest, damaged, damageScore: score };
    return { parsed, blocksDigest: digest, damaged, assembled: assemblePlan({ ...parsed, input }, vocabulary), facts: factsOf(parsed.blocks, vocabulary) };
  } catch (error) {
    if (!(error instanceof SeedError)) throw error;
    // The message whole: its first part names the file and line already.
    return { refused: { message: error.message, line: error.line, empty: error instanceof EmptySeedError } };
  }
}

/** One seed read afresh, its reading kept in the cache (a refusal is not: it is reported again each build). */
export function readAndKeep(input: SeedInput, vocabulary: DocumentVocabulary, cache?: DocumentCache | null): DocumentReading {
  const reading = readDocument(input, vocabulary);
  if (cache && !isRefused(reading)) cache.set(input, reading);
  return reading;
}

/**
 * A reading with what it says of its blocks noted against them (their digest, their facts): the steps after find
 * them there, and read a cached plan's blocks only for its text.
 */
function noted(reading: DocumentReading): DocumentReading {
  if (isRefused(reading)) return reading;
  if (reading.blocksDigest) noteBlocksDigest(reading.parsed.blocks, reading.blocksDigest);
  if (reading.facts) noteBlockFacts(reading.parsed.blocks, reading.facts);
  return reading;
}

/** Every seed read in this thread, reusing and filling the cache. */
export function readDocuments(inputs: SeedInput[], vocabulary: DocumentVocabulary, cache?: DocumentCache): DocumentReading[] {
  return inputs.map((input) => noted(cache?.get(input) ?? readAndKeep(input, vocabulary, cache)));
}

/** Threads for the per-document stages: BUILD_THREADS when set (1: this thread only), else one per core. */
export function documentThreads(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.BUILD_THREADS);
  return Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism();
}

/** What a worker is given once: where the cache is and the code version its keys are made with. */
export interface WorkerSetup {
  cache: { dir: string; version: string } | null;
}

/**
 * Every seed read in a pool of up to `threads` worker threads, in the order given. The
 * documents the cache holds are read here meanwhile (sending them to a worker would cost this
 * thread as much); with one document or none to read afresh, all are read here (a worker would
 * only add its start-up).
 */
export async function readDocumentsInWorkers(inputs: SeedInput[], vocabulary: DocumentVocabulary, cache?: DocumentCache, threads = documentThreads()): Promise<DocumentReading[]> {
  const workers = Math.min(threads, inputs.filter((input) => !cache?.has(input)).length);
  if (workers <= 1) return readDocuments(inputs, vocabulary, cache);
  const setup: WorkerSetup = { cache: cache?.location ?? null };
  const pool = new Tinypool({ filename: new URL('./document-worker.ts', import.meta.url).href, minThreads: workers, maxThreads: workers, workerData: setup });
  try {
    return await Promise.all(inputs.map(async (input) => noted(cache?.get(input) ?? ((await pool.run(input)) as DocumentReading))));
  } finally {
    await pool.destroy();
  }
}
