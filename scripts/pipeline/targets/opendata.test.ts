import { describe, expect, it } from 'vitest';
import { extractTargets } from './extract.ts';
import { seedPlan } from './seed-plans.ts';
import { datapackage, indicatorsJson, TARGET_FIELDS, targetsCsv, targetsJson, targetsJsonSchema, targetsTableSchema } from './opendata.ts';
import { loadTaxonomy } from './taxonomy.ts';

const taxonomy = loadTaxonomy();
const targets = extractTargets(seedPlan('001_9ab9814e00d8e62e.txt', 'dong-thap'), taxonomy);

/** Minimal RFC 4180 reader, enough to read back what we wrote. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows[rows.length - 1]!.push(cell); cell = ''; }
    else if (c === '\r' && s[i + 1] === '\n') { rows[rows.length - 1]!.push(cell); cell = ''; rows.push([]); i++; }
    else cell += c;
  }
  return rows.filter((r) => r.length > 1);
}

describe('open data', () => {
  it('writes targets.json with the contract fields and absolute urls', () => {
    const records = JSON.parse(targetsJson(targets, taxonomy, 'https://example.org')) as Record<string, unknown>[];
    expect(records).toHaveLength(targets.length);
    expect(Object.keys(records[0]!)).toEqual(TARGET_FIELDS.map((f) => f.name));
    expect(records[0]!.url).toMatch(/^https:\/\/example\.org\/van-ban\/dong-thap\/#/);
    const schema = targetsJsonSchema() as { items: { required: string[] } };
    expect(schema.items.required).toEqual(Object.keys(records[0]!));
  });

  it('writes a CSV Excel opens in UTF-8 (BOM) that reads back to the same values', () => {
    const csv = targetsCsv(targets, taxonomy);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual(TARGET_FIELDS.map((f) => f.name));
    expect(rows).toHaveLength(targets.length);
    const quote = header!.indexOf('quote');
    expect(rows.map((r) => r[quote])).toEqual(targets.map((t) => t.quote));
    const rd = rows.find((r) => r[header!.indexOf('indicator')] === 'rd-spending')!;
    expect(rd[header!.indexOf('value')]).toBe('2');
    expect(rd[header!.indexOf('locality')]).toBe('Đồng Tháp');
  });

  it('counts plans per indicator and describes every file in datapackage.json', () => {
    const ind = JSON.parse(indicatorsJson(taxonomy, targets)) as { id: string; plans: number }[];
    expect(ind.find((i) => i.id === 'digital-economy-share')?.plans).toBe(1);
    expect(ind.find((i) => i.id === 'startups')?.plans).toBe(0);
    const pkg = JSON.parse(datapackage()) as { resources: { name: string; path: string }[] };
    expect(pkg.resources.map((r) => r.path)).toEqual(['targets.csv', 'targets.json', 'indicators.json']);
    expect((targetsTableSchema() as { fields: unknown[] }).fields).toHaveLength(TARGET_FIELDS.length);
  });
});
