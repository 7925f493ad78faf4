import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildLibrary } from '../build/library.ts';
import { reuseSiteData } from '../build/reuse.ts';
import { reuseOpenData } from '../build/open-data.ts';
import { readSeeds } from '../build/seeds.ts';
import { generateSiteData } from '../build/site-data.ts';
import { indicatorsJson, targetsJson } from '../pipeline/targets/opendata.ts';
import { loadTaxonomy } from '../pipeline/targets/taxonomy.ts';
import { z } from 'zod';
import { checkGeneratedFiles, COLLECTION_FILES, collectionText, DATA_FILES, GENERATED_JSON, generatedFile, parseCollection, parseDataFile } from './generated.ts';
import { indicatorsJsonSchema, reuseJsonSchema, targetsJsonSchema } from './json-schemas.ts';

describe('the generated data against the contract (the seeds through the real pipeline)', () => {
  const library = buildLibrary(readSeeds('seeds'));
  const reuse = reuseSiteData(library.plans, null);
  const generated = generateSiteData(library, reuse.marksByPlan);
  const files = new Map([...generated.files, ...reuse.files]);
  /** The files with one JSON file edited. */
  const withEdit = (name: string, edit: (data: any) => void) => {
    const data = JSON.parse(files.get(name)!);
    edit(data);
    return new Map([...files, [name, JSON.stringify(data)]]);
  };
  const problem = (edited: Map<string, string>) => {
    try {
      checkGeneratedFiles(edited);
    } catch (error) {
      return (error as Error).message;
    }
    return null;
  };

  it('knows every JSON file the build writes, and every one matches its schema', () => {
    const json = [...files.keys()].filter((f) => f.endsWith('.json')).sort();
    expect(json).toEqual(Object.keys(GENERATED_JSON).sort());
    expect(problem(files)).toBeNull();
  });

  it('names the file, the entry and the field of a wrong shape', () => {
    const message = problem(withEdit('plans.json', (plans) => (plans[2].metadata.level.value = 'Tỉnh')));
    const id = JSON.parse(files.get('plans.json')!)[2].id;
    expect(message).toContain(`plans.json: entry 2 (id "${id}"), metadata.level.value:`);
    expect(problem(withEdit('targets.json', (targets) => (targets[0].value = '80')))).toMatch(/targets\.json: entry 0 \(id "[^"]+"\), value: .*number/);
    expect(problem(withEdit('reuse-shares.json', (reuse) => delete reuse.adaptedAt))).toContain('reuse-shares.json: adaptedAt:');
    expect(problem(withEdit('reuse-shares.json', (reuse) => (reuse.plans[0].paragraphs = [])))).toContain('reuse-shares.json: plans.0');
  });

  it("publishes the site's indicators: the taxonomy's in its order, then every derived one a target carries, each once", () => {
    const { indicators } = parseDataFile('indicators', files.get(DATA_FILES.indicators.file)!);
    const taxonomy = loadTaxonomy().indicators;
    expect(indicators.slice(0, taxonomy.length)).toEqual(taxonomy);
    const derived = indicators.slice(taxonomy.length);
    expect(derived.every((i) => i.derived)).toBe(true);
    expect(new Set(indicators.map((i) => i.id)).size).toBe(indicators.length);
    const carried = new Set(generated.targets.filter((t) => t.derived).map((t) => t.indicator));
    expect(derived.map((i) => i.id).sort()).toEqual([...carried].sort());
    expect(() => parseDataFile('indicators', JSON.stringify({ indicators: [{ ...taxonomy[0], unitKind: '%' }] }))).toThrow(/unitKind/);
  });

  it('refuses a finding of an unknown kind, and an outline entry without its id', () => {
    expect(problem(withEdit('findings.json', (findings) => findings.push({ ...findings[0], kind: 'something-else' })))).toContain('findings.json: entry');
    expect(problem(withEdit('plans.json', (plans) => delete plans[0].outline[0].id))).toContain('outline.0.id');
  });

  it('refuses a plans.json that carries the text again: the text is in plans/<id>.html only', () => {
    expect(problem(withEdit('plans.json', (plans) => (plans[0].blocks[0].text = 'Đoạn văn.')))).toMatch(/plans\.json: entry 0 .*blocks\.0.*text/s);
    expect(problem(withEdit('plans.json', (plans) => delete plans[0].blocks[0].id))).toContain('blocks.0.id');
  });

  it('writes each collection one entry per line, read line by line as a JSON reader reads the whole', () => {
    for (const { file } of Object.values(COLLECTION_FILES)) {
      const text = files.get(file)!;
      const whole = JSON.parse(text) as unknown[];
      expect(text.split('\n').length, file).toBe(whole.length + 3);
      expect(parseCollection(Buffer.from(text), file), file).toEqual(whole);
    }
    // A mention spanning lines in its document stays on its entry's line (JSON escapes the newline).
    expect(files.get('plans.json')).toContain('\\n');
    expect(parseCollection(Buffer.from(collectionText([])), 'empty.json')).toEqual([]);
    expect(() => parseCollection(Buffer.from(JSON.stringify(JSON.parse(files.get('plans.json')!))), 'plans.json')).toThrow(/plans\.json: not a JSON array of one entry per line/);
    expect(() => parseCollection(Buffer.from('[\n{"id": 1,\n"x": 2}\n]\n'), 'split.json')).toThrow(/split\.json: entry 1:/);
  });

  it('stops at a JSON file no schema describes: nothing is published unchecked', () => {
    expect(problem(new Map([...files, ['extra.json', '[]']]))).toContain('extra.json: no schema');
  });

  it('publishes JSON Schemas that accept the open data of the seeds and refuse a broken record', () => {
    const targets = JSON.parse(files.get('targets.json')!);
    const published = [
      { schema: targetsJsonSchema(), data: JSON.parse(targetsJson(targets, loadTaxonomy())), broken: (d: any) => (d[0].level = 'Tỉnh') },
      { schema: indicatorsJsonSchema(), data: JSON.parse(indicatorsJson(loadTaxonomy(), targets, (t: { locality: string | null }) => t.locality)), broken: (d: any) => (d[0].unitKind = '%') },
      { schema: reuseJsonSchema(), data: JSON.parse(reuseOpenData(reuse.data)), broken: (d: any) => (d.adaptedAt = 2) },
    ];
    for (const { schema, data, broken } of published) {
      // Read back as a validator from the published JSON Schema itself, not from the Zod schema it was made from.
      const validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
      expect(validator.safeParse(data).success, String(schema.$id)).toBe(true);
      broken(data);
      expect(validator.safeParse(data).success, String(schema.$id)).toBe(false);
    }
  });
});

describe('a generated file read while the build still writes the content', () => {
  const work = mkdtempSync(join(tmpdir(), 'generated-file-'));
  const saved = { folder: process.env.CONTENT_GENERATED, marker: process.env.CONTENT_READY_FILE };
  afterEach(() => {
    for (const [name, value] of [['CONTENT_GENERATED', saved.folder], ['CONTENT_READY_FILE', saved.marker]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('is waited for until the pipeline places it; once the content is whole, a missing file is not waited for', async () => {
    process.env.CONTENT_GENERATED = join(work, 'content');
    process.env.CONTENT_READY_FILE = join(work, 'whole');
    const file = join(work, 'content', 'plans.json');
    // Another thread places the file a little later, as the pipeline's process would (written aside, renamed in).
    const placer = new Worker(
      `const fs = require('node:fs'); setTimeout(() => { fs.mkdirSync(${JSON.stringify(join(work, 'content'))}); fs.writeFileSync(${JSON.stringify(`${file}.tmp`)}, '[]'); fs.renameSync(${JSON.stringify(`${file}.tmp`)}, ${JSON.stringify(file)}); }, 200);`,
      { eval: true },
    );
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(generatedFile('plans.json'), 'utf8')).toBe('[]');
    await new Promise((resolve) => placer.once('exit', resolve));
    writeFileSync(join(work, 'whole'), '');
    expect(existsSync(generatedFile('documents.json'))).toBe(false);
  });
});
