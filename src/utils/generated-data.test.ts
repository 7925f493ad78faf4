import { describe, expect, it } from 'vitest';
import { COLLECTION_FILES, DATA_FILES, PLAN_TEXTS, readDataFile } from '../../scripts/contract/generated.ts';
import { seedSiteData } from '../../tests/seeds.ts';
import { useGeneratedFolder } from '../../tests/helpers/generated-folder.ts';
import { dataFile, entries, entryDigest, planText, planTextKey } from './generated-data.ts';

describe('the generated data as the pages read it', () => {
  // The seeds' generated folder, written where CONTENT_GENERATED points (as a build of another folder does).
  const files = seedSiteData().files;
  useGeneratedFolder(files, 'nq57-generated-data-');
  const fileEntries = (name: keyof typeof COLLECTION_FILES) => JSON.parse(files.get(COLLECTION_FILES[name].file)!) as { id: string }[];

  it('reads every entry of each collection file, each once, in the order of their ids', () => {
    for (const name of Object.keys(COLLECTION_FILES) as (keyof typeof COLLECTION_FILES)[]) {
      const written = fileEntries(name);
      const read = entries(name);
      expect(read.length, name).toBe(written.length);
      expect([...read].sort((a, b) => a.id.localeCompare(b.id)), name).toEqual(read);
      expect(new Map(read.map((e) => [e.id, e])), name).toEqual(new Map(written.map((e) => [e.id, e])));
    }
    expect(fileEntries('findings').length).toBeGreaterThan(10);
  });

  it('names each entry by the digest of its line: the same JSON, the same digest; a copy has none', () => {
    for (const name of ['plans', 'targets', 'findings'] as const) {
      const read = entries(name);
      const digests = read.map((e) => entryDigest(e));
      expect(digests.every((d) => typeof d === 'string' && d.length > 20), name).toBe(true);
      // Entries of different JSON, different digests; each digest is its line's (the entry serialized as the file holds it).
      expect(new Set(digests).size, name).toBe(new Set(read.map((e) => JSON.stringify(e))).size);
      const lines = files.get(COLLECTION_FILES[name].file)!.split('\n').map((line) => line.replace(/,$/, ''));
      const [first] = read;
      expect(lines).toContain(JSON.stringify(first));
      expect(entryDigest({ ...first! }), name).toBeUndefined();
    }
  });

  it('parses a file once per process', () => {
    expect(entries('targets')).toBe(entries('targets'));
  });

  it("gives a plan's text as the pipeline wrote it, and the key the pipeline gave that text", () => {
    const texts = [...files].filter(([name]) => name.startsWith(`${PLAN_TEXTS.folder}/`));
    expect(texts.length).toBe(fileEntries('plans').length);
    const keys = JSON.parse(files.get(DATA_FILES.planTexts.file)!) as Record<string, string>;
    for (const plan of fileEntries('plans')) {
      expect(planText(plan.id)).toBe(files.get(`${PLAN_TEXTS.folder}/${plan.id}${PLAN_TEXTS.extension}`));
      expect(planTextKey(plan.id)).toBe(keys[plan.id]);
    }
    expect(new Set(fileEntries('plans').map((p) => planTextKey(p.id))).size).toBe(texts.length);
    expect(() => planTextKey('no-such-plan')).toThrow('no-such-plan');
  });

  it('reads a whole-document file as the contract parses it', () => {
    expect(Object.keys(dataFile('versusNational')).length).toBeGreaterThan(10);
    expect(dataFile('versusNational')).toEqual(readDataFile('versusNational'));
  });
});
