import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeVersion, DocumentCache, type CachedDocument } from './document-cache.ts';
import { loadVocabulary } from '../pipeline/document-types.ts';
import { assemblePlan, parseSeed, type SeedInput } from '../pipeline/plan.ts';
import { readSeeds } from './seeds.ts';
import { isUnread } from '../pipeline/lazy-array.ts';

const dir = mkdtempSync(join(tmpdir(), 'document-cache-'));
// The prune test counts every file of `dir`: the test of stored blocks has its own folder.
const blocksDir = `${dir}-blocks`;
afterAll(() => [dir, blocksDir].forEach((d) => rmSync(d, { recursive: true, force: true })));
const [first, second] = readSeeds('seeds');
const entryOf = (input: SeedInput): CachedDocument => {
  const { input: _, ...parsed } = parseSeed(input, loadVocabulary());
  return { parsed, damaged: false };
};

describe('DocumentCache', () => {
  it('keys an entry by the file, its bytes, its sidecar and the code that reads it', () => {
    const cache = new DocumentCache(dir, 'v1');
    const key = cache.keyOf(first!);
    expect(cache.keyOf({ ...first!, bytes: new Uint8Array([...first!.bytes, 32]) })).not.toBe(key);
    expect(cache.keyOf({ ...first!, file: 'other.txt' })).not.toBe(key);
    expect(cache.keyOf({ ...first!, sidecar: { fields: {} } as SeedInput['sidecar'] })).not.toBe(key);
    expect(new DocumentCache(dir, 'v2').keyOf(first!)).not.toBe(key);
    expect(new DocumentCache(dir, 'v1').keyOf(first!)).toBe(key);
  });

  it('gives back what was stored, as parsed afresh, and counts what it reused', () => {
    const entry = entryOf(first!);
    new DocumentCache(dir, 'v1').set(first!, entry);
    const cache = new DocumentCache(dir, 'v1');
    expect(cache.get(first!)).toEqual(JSON.parse(JSON.stringify(entry)));
    expect(cache.get(second!)).toBeNull();
    expect(cache.counts).toEqual({ reused: 1, read: 1 });
    expect(new DocumentCache(dir, 'v2').get(first!)).toBeNull();
  });

  it("stores a clean plan's blocks once, in a file of their own read only when looked into, and gives them back as its parse's", () => {
    const { input: _, ...parsed } = parseSeed(first!, loadVocabulary());
    const entry: CachedDocument = { parsed, damaged: false, assembled: assemblePlan({ ...parsed, input: first! }, loadVocabulary()) };
    const cache = new DocumentCache(blocksDir, 'v1');
    cache.set(first!, entry);
    const count = (file: string) => readFileSync(join(blocksDir, file), 'utf8').split(JSON.stringify(parsed.blocks[1]!.text)).length - 1;
    expect(count(`${cache.keyOf(first!)}.json`)).toBe(0);
    expect(count(`${cache.keyOf(first!)}.blocks.json`)).toBe(1);
    const back = cache.get(first!)!;
    expect(isUnread(back.parsed.blocks)).toBe(true);
    // A copy of the plan carries them unread.
    const plan = { ...back.assembled!.plan, id: 'x' };
    expect(plan.blocks).toBe(back.parsed.blocks);
    expect(isUnread(plan.blocks)).toBe(true);
    expect(back).toEqual(JSON.parse(JSON.stringify(entry)));
    expect(isUnread(back.parsed.blocks)).toBe(false);
    expect(back.assembled!.plan.blocks).toBe(back.parsed.blocks);
  });

  it("fails when a document's blocks are looked into and their file is gone, not before", () => {
    const cache = new DocumentCache(blocksDir, 'v1');
    rmSync(join(blocksDir, `${cache.keyOf(first!)}.blocks.json`));
    const back = cache.get(first!)!;
    expect(back.assembled!.plan.metadata).toBeDefined();
    expect(() => back.parsed.blocks.length).toThrow(/ENOENT/);
  });

  it('lists the entries a build did not use', () => {
    new DocumentCache(dir, 'v1').set(second!, entryOf(second!));
    const cache = new DocumentCache(dir, 'v1');
    cache.get(second!);
    const files = (input: SeedInput) => [`${cache.keyOf(input)}.blocks.json`, `${cache.keyOf(input)}.json`];
    expect(readdirSync(dir).sort()).toEqual([...files(first!), ...files(second!)].sort());
    expect(cache.unused().sort()).toEqual(files(first!).map((f) => join(dir, f)));
  });

  it('holds a library-wide result under a key of the texts it depends on', () => {
    const cache = new DocumentCache(dir, 'v1');
    const key = cache.keyOfTexts('restored-scans', ['a', 'b']);
    expect(cache.keyOfTexts('restored-scans', ['a', 'b'])).toBe(key);
    expect(cache.keyOfTexts('restored-scans', ['ab'])).not.toBe(key);
    expect(new DocumentCache(dir, 'v2').keyOfTexts('restored-scans', ['a', 'b'])).not.toBe(key);
    expect(cache.getEntry(key)).toBeNull();
    cache.setEntry(key, [[{ id: 'x' }]]);
    expect(new DocumentCache(dir, 'v1').getEntry(key)).toEqual([[{ id: 'x' }]]);
  });

  it('versions the code by content', () => {
    expect(codeVersion()).toMatch(/^[0-9a-f]{64}$/);
    expect(codeVersion()).toBe(codeVersion());
  });
});
