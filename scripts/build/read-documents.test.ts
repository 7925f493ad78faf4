import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadVocabulary } from '../pipeline/document-types.ts';
import { parseSeed, type SeedInput } from '../pipeline/plan.ts';
import { SeedError } from '../pipeline/types.ts';
import { withSharedCorpus } from '../shared-folder.ts';
import { DocumentCache, type CachedDocument } from './document-cache.ts';
import { documentThreads, isRefused, readDocuments, readDocumentsInWorkers, refusalError } from './read-documents.ts';
import { readSeeds } from './seeds.ts';

const dir = mkdtempSync(join(tmpdir(), 'read-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const vocabulary = loadVocabulary();
const encode = (text: string) => new TextEncoder().encode(text);
// The seeds and the corpus (its scans among them), and files the pipeline refuses or skips.
const inputs: SeedInput[] = [
  ...withSharedCorpus('seeds').flatMap((folder) => readSeeds(folder)),
  { file: 'trong.txt', bytes: encode('  \n\n'), sidecar: null },
  { file: 'ban-in.txt', bytes: encode('%PDF-1.7\n1 0 obj\n'), sidecar: null },
];

describe('readDocumentsInWorkers', () => {
  it('reads in worker threads exactly what this thread reads, in the same order', async () => {
    const here = readDocuments(inputs, vocabulary);
    expect(await readDocumentsInWorkers(inputs, vocabulary, undefined, 2)).toEqual(here);
    expect(here.filter(isRefused).map((r) => r.refused.empty)).toEqual([true, false]);
    // A seed reads as a scan (left for the restorer), the others as clean plans, assembled.
    const read = here.filter((r): r is CachedDocument => !isRefused(r));
    expect(read.filter((r) => r.damaged).map((r) => r.assembled)).toEqual([undefined]);
    expect(read.filter((r) => !r.damaged).every((r) => r.assembled?.plan.blocks === r.parsed.blocks)).toBe(true);
  });

  it('stores what the workers read in the cache, and a later build reuses it all', async () => {
    const fresh = new DocumentCache(dir, 'v1');
    const read = await readDocumentsInWorkers(inputs, vocabulary, fresh, 2);
    expect(fresh.counts).toEqual({ reused: 0, read: inputs.length });
    const again = new DocumentCache(dir, 'v1');
    // The refused files are not cached: read again, in this thread (they are refused again).
    expect(await readDocumentsInWorkers(inputs, vocabulary, again, 2)).toEqual(read);
    expect(again.counts).toEqual({ reused: inputs.length - 2, read: 2 });
  });

  it('gives the refusal as the error parsing throws', () => {
    for (const input of inputs.slice(-2)) {
      const reading = readDocuments([input], vocabulary)[0]!;
      if (!isRefused(reading)) throw new Error(`${input.file} was read`);
      const thrown = (() => {
        try {
          parseSeed(input, vocabulary);
        } catch (error) {
          return error as SeedError;
        }
      })();
      const given = refusalError(input, reading);
      expect([given.constructor, given.message, given.file, given.line]).toEqual([thrown!.constructor, thrown!.message, thrown!.file, thrown!.line]);
    }
  });

  it('runs one thread per core unless BUILD_THREADS says otherwise', () => {
    expect(documentThreads({ BUILD_THREADS: '1' })).toBe(1);
    expect(documentThreads({ BUILD_THREADS: '3' })).toBe(3);
    expect(documentThreads({})).toBeGreaterThanOrEqual(1);
    expect(documentThreads({ BUILD_THREADS: 'many' })).toBe(documentThreads({}));
  });
});
