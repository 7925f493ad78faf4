import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSourceDocuments, syntheticSeeds } from '../bench/synthetic-seeds.ts';
import { loadVocabulary } from '../pipeline/document-types.ts';
import type { SeedInput } from '../pipeline/plan.ts';
import { withSharedCorpus } from '../shared-folder.ts';
import { DocumentCache, type CachedDocument } from './document-cache.ts';
import { readDocuments } from './read-documents.ts';
import { restoreScans, restoreScansInWorkers } from './restore-scans.ts';

const dir = mkdtempSync(join(tmpdir(), 'restore-scans-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A small library of generated plans with three scans among them (the seeds hold one scan only).
const plans = syntheticSeeds(readSourceDocuments(withSharedCorpus(fileURLToPath(new URL('../../seeds/', import.meta.url)))), 300);
const chosen = [...plans.filter((p) => p.damaged).slice(0, 3), ...plans.filter((p) => !p.damaged).slice(0, 12)];
const inputs: SeedInput[] = chosen.map((p) => ({ file: p.file, bytes: new TextEncoder().encode(p.text), sidecar: null }));
const readings = readDocuments(inputs, loadVocabulary()) as CachedDocument[];
const parsed = readings.map((r, i) => ({ ...r.parsed, input: inputs[i]! }));
const damaged = readings.map((r) => r.damaged);

describe('restoreScansInWorkers', () => {
  it('restores in worker threads exactly what this thread restores, and buildLibrary finds it in the cache', async () => {
    expect(damaged.filter(Boolean)).toHaveLength(3);
    const here = restoreScans(parsed, [], damaged);
    const cache = new DocumentCache(dir, 'v1');
    await restoreScansInWorkers(inputs, readings, cache, 2);
    const stored = readdirSync(dir).filter((f) => f.startsWith('restored-scans-'));
    expect(stored).toHaveLength(1);
    expect(restoreScans(parsed, [], damaged, cache)).toEqual(here);
    // the scans were changed, and differently from each other (not one scan's result thrice)
    const restored = here.filter((r) => r.ocr).map((r) => r.seed.blocks);
    expect(restored.every((blocks, k) => blocks.some((b) => b.text !== b.original) && JSON.stringify(blocks) !== JSON.stringify(restored[(k + 1) % 3]))).toBe(true);
    // nothing to do when the cache holds them: the entry is left as it is
    await restoreScansInWorkers(inputs, readings, cache, 2);
    expect(readdirSync(dir).filter((f) => f.startsWith('restored-scans-'))).toEqual(stored);
  }, 120_000);

  it('leaves one thread’s work to restoreScans', async () => {
    const cache = new DocumentCache(join(dir, 'one'), 'v1');
    await restoreScansInWorkers(inputs, readings, cache, 1);
    expect(readdirSync(join(dir, 'one'))).toEqual([]);
  });
});
