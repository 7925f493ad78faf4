import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import { seedLibrary } from '../../tests/seeds.ts';
import { generateSiteData } from './site-data.ts';
import { DATA_FILES, parseDataFile } from '../contract/generated.ts';
import { openDataFiles } from './open-data.ts';

describe('open data of the seed plans', () => {
  const generated = generateSiteData(seedLibrary());
  // The site's indicators as the build publishes them: the project's taxonomy plus the indicators derived in this build.
  const taxonomy = parseDataFile('indicators', generated.files.get(DATA_FILES.indicators.file)!);
  const files = openDataFiles(generated.targets, taxonomy, 'https://nq57.example.vn/', generated.plans);

  it('writes every target, in the order published, with absolute links to the clause', () => {
    const records = JSON.parse(files.get('data/targets.json')!) as { plan: string; url: string; quote: string }[];
    expect(records.map((r) => [r.plan, r.quote])).toEqual(generated.targets.map((t) => [t.plan, t.quote]));
    for (const r of records) expect(r.url).toMatch(/^https:\/\/nq57\.example\.vn\/van-ban\/[^/]+\/#/);
  });

  it("splits targets.csv into one file per indicator, in both dialects, without losing or adding a row", () => {
    const rows = (path: string) => csvParse(files.get(path)!.replace(/^\uFEFF/, ''));
    const all = rows('data/targets.csv');
    expect(all.length).toBe(generated.targets.length);
    const perIndicator = taxonomy.indicators.flatMap((i) => rows(`data/chi-tieu/${i.id}.csv`));
    expect(perIndicator.map((r) => JSON.stringify(r)).sort()).toEqual(all.map((r) => JSON.stringify(r)).sort());
    for (const i of taxonomy.indicators) expect(files.has(`data/chi-tieu/${i.id}.vi.csv`), i.id).toBe(true);
    expect(files.get('data/targets.vi.csv')!.split('\r\n')[0]).toContain(';');
  });

  it('describes each file it writes with a schema that parses', () => {
    for (const name of ['targets.schema.json', 'targets.csv.schema.json', 'indicators.schema.json', 'reuse.schema.json', 'datapackage.json', 'indicators.json']) {
      expect(() => JSON.parse(files.get(`data/${name}`)!), name).not.toThrow();
    }
  });
});
