import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import { SEED, seedLibrary } from '../../tests/seeds.ts';
import { generateSiteData } from './site-data.ts';
import { DATA_FILES, parseDataFile } from '../contract/generated.ts';
import { openDataFiles, reuseOpenData } from './open-data.ts';
import { computeReuse } from '../pipeline/reuse/compare.ts';
import { reuseData } from '../contract/schemas/reuse.ts';
import { readResolution } from './resolution.ts';
import { sharedReferenceDir } from '../shared-folder.ts';

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

describe('/data/reuse.json', () => {
  const plans = seedLibrary().plans;
  const resolution = readResolution(sharedReferenceDir);
  const data = computeReuse({ plans, resolution });
  /** A memo in memory; `made` counts the entries it is given. */
  const memoryMemo = () => {
    const entries = new Map<string, unknown>();
    const memo = {
      made: 0,
      get: <T,>(key: string) => (entries.get(key) as T | undefined) ?? null,
      set: (key: string, value: unknown) => {
        memo.made++;
        entries.set(key, structuredClone(value));
      },
    };
    return memo;
  };

  it('is the reuse data as its schema orders it, a plan a line', () => {
    const json = reuseOpenData(data);
    expect(JSON.stringify(JSON.parse(json))).toBe(JSON.stringify(reuseData.parse(data)));
    const lines = json.trimEnd().split('\n');
    expect(lines).toHaveLength(data.plans.length + 2);
    lines.slice(1, -1).forEach((line, i) => expect(JSON.parse(line.replace(/,$/, '')).plan).toBe(data.plans[i]!.plan));
  });

  it('with the lines of earlier builds, serializes again only the plans whose reuse changed, and equals a build without them', () => {
    const [alignments, lines] = [memoryMemo(), memoryMemo()];
    expect(reuseOpenData(computeReuse({ plans, resolution }, alignments), lines)).toBe(reuseOpenData(data));
    expect(lines.made).toBe(data.plans.length);
    lines.made = 0;
    expect(reuseOpenData(computeReuse({ plans, resolution }, alignments), lines)).toBe(reuseOpenData(data));
    expect(lines.made).toBe(0);
    // A body paragraph of one plan gains a sentence: that plan's line is made again, not every plan's.
    const edited = plans.map((p) => {
      if (p.sourceFile !== SEED.phanRang) return p;
      const at = p.blocks.findIndex((b, i) => b.part === 'body' && i >= (p.leadIn ?? 0) && b.kind === 'paragraph');
      return { ...p, blocks: p.blocks.map((b, i) => (i === at ? { ...b, text: `${b.text} Rà soát kết quả thực hiện hằng quý.` } : b)) };
    });
    const rebuilt = reuseOpenData(computeReuse({ plans: edited, resolution }, alignments), lines);
    expect(rebuilt).toBe(reuseOpenData(computeReuse({ plans: edited, resolution })));
    expect(rebuilt).not.toBe(reuseOpenData(data));
    expect(lines.made).toBeGreaterThan(0);
    expect(lines.made).toBeLessThan(data.plans.length);
  });
});
