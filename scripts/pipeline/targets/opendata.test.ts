import { describe, expect, it } from 'vitest';
import { extractTargets } from './extract.ts';
import { SEED, seedPlan } from '../../../tests/seeds.ts';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { TARGET_FIELDS, targetsJsonSchema } from '../../contract/json-schemas.ts';
import { LEVELS } from '../../contract/levels.ts';
import { localitySlug } from '../../contract/addresses.ts';
import { indicatorRecordSchema, targetRecordSchema } from '../../contract/schemas/targets.ts';
import { CSV_COMPARATOR, CSV_STANDARD, CSV_VIETNAMESE, datapackage, indicatorsJson, targetsCsv, targetsJson, targetsTableSchema } from './opendata.ts';
import { loadTaxonomy } from './taxonomy.ts';

const taxonomy = loadTaxonomy();
const targets = extractTargets(seedPlan(SEED.dongThap, 'dong-thap'), taxonomy);
/** The seed's locality (a province's own plan). */
const localityOfPlan = () => localitySlug({ name: 'Đồng Tháp', level: 'tỉnh', province: 'Đồng Tháp' });

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
    const [header, ...rows] = parse(csv, { bom: true }) as string[][];
    expect(header).toEqual(TARGET_FIELDS.map((f) => f.name));
    expect(rows).toHaveLength(targets.length);
    const quote = header!.indexOf('quote');
    expect(rows.map((r) => r[quote])).toEqual(targets.map((t) => t.quote));
    const rd = rows.find((r) => r[header!.indexOf('indicator')] === 'rd-spending')!;
    expect(rd[header!.indexOf('value')]).toBe('2');
    expect(rd[header!.indexOf('locality')]).toBe('Đồng Tháp');
  });

  it('counts plans per indicator and describes every file in datapackage.json', () => {
    const ind = JSON.parse(indicatorsJson(taxonomy, targets, localityOfPlan)) as { id: string; plans: number }[];
    expect(ind.find((i) => i.id === 'digital-economy-share')?.plans).toBe(1);
    expect(ind.find((i) => i.id === 'startups')?.plans).toBe(0);
    const pkg = JSON.parse(datapackage()) as { resources: { name: string; path: string }[] };
    expect(pkg.resources.map((r) => r.path)).toEqual(['targets.csv', 'targets.vi.csv', 'targets.json', 'indicators.json', 'reuse.json']);
    expect((targetsTableSchema() as { fields: unknown[] }).fields).toHaveLength(TARGET_FIELDS.length);
  });

  it('counts namesakes of two provinces as two localities, one locality’s two plans as one', () => {
    const twin = targets.map((t) => ({ ...t, plan: `${t.plan}-twin` }));
    const commune = (province: string) => localitySlug({ name: 'Tân Phú', level: 'xã', province });
    const count = (twinProvince: string) => {
      const ind = JSON.parse(indicatorsJson(taxonomy, [...targets, ...twin], (t) => commune(t.plan.endsWith('-twin') ? twinProvince : 'Đồng Tháp'))) as { id: string; plans: number; localities: number }[];
      return ind.find((i) => i.id === 'digital-economy-share')!;
    };
    expect(count('Tây Ninh')).toMatchObject({ plans: 2, localities: 2 });
    expect(count('Đồng Tháp')).toMatchObject({ plans: 2, localities: 1 });
  });

  it('publishes records of the shape its JSON Schemas describe, each field titled and described in Vietnamese', () => {
    expect(z.array(targetRecordSchema).safeParse(JSON.parse(targetsJson(targets, taxonomy))).success).toBe(true);
    expect(z.array(indicatorRecordSchema).safeParse(JSON.parse(indicatorsJson(taxonomy, targets, localityOfPlan))).success).toBe(true);
    const properties = (targetsJsonSchema().items as { properties: Record<string, { title?: string; description?: string }> }).properties;
    for (const [name, p] of Object.entries(properties)) expect(p.title && p.description && /[ạ-ỹđ]/u.test(p.description), name).toBeTruthy();
    expect(TARGET_FIELDS.find((f) => f.name === 'level')).toMatchObject({ type: 'string', nullable: true, enum: [...LEVELS] });
  });
});

describe('CSV for spreadsheets', () => {
  const read = (csv: string, delimiter: string) => parse(csv, { bom: true, delimiter, relax_column_count: false }) as string[][];
  const hostile = [
    { ...targets[0]!, quote: '=HYPERLINK("http://x.invalid","bấm")' },
    { ...targets[0]!, quote: '@SUM(1+1)' },
    { ...targets[0]!, quote: '-2+3', locality: '+Tỉnh' },
    { ...targets[0]!, quote: '\tTab', value: 1.5, valueMax: 2.25 },
  ];
  const all = [...targets, ...hostile];

  for (const [name, dialect] of [['"," and decimal points', CSV_STANDARD], ['";" and decimal commas', CSV_VIETNAMESE]] as const) {
    it(`reads back with a CSV parser (${name}): same rows, same numbers, no cell a spreadsheet would run`, () => {
      const csv = targetsCsv(all, taxonomy, 'https://example.org', dialect);
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const [header, ...rows] = read(csv, dialect.separator);
      expect(header).toEqual(TARGET_FIELDS.map((f) => f.name));
      expect(rows).toHaveLength(all.length);
      const col = (n: string) => header!.indexOf(n);
      const number = (s: string) => Number(dialect.decimalComma ? s.replace(',', '.') : s);
      rows.forEach((r, i) => {
        expect(number(r[col('value')]!)).toBe(all[i]!.value);
        expect(r[col('comparator')]).toBe(CSV_COMPARATOR[all[i]!.comparator]);
        expect(r[col('quote')]!.replace(/^'(?=[=+\-@\t\r])/, '')).toBe(all[i]!.quote);
        for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      });
      const last = rows.at(-1)!;
      expect(last[col('value')]).toBe(dialect.decimalComma ? '1,5' : '1.5');
      expect(last[col('valueMax')]).toBe(dialect.decimalComma ? '2,25' : '2.25');
      expect(rows.at(-4)![col('quote')]).toBe(`'=HYPERLINK("http://x.invalid","bấm")`);
      expect(rows.at(-2)![col('locality')]).toBe(`'+Tỉnh`);
    });
  }

  it('describes the ";" variant with decimal commas and Vietnamese column titles', () => {
    const schema = targetsTableSchema(CSV_VIETNAMESE) as { fields: { name: string; title: string; decimalChar?: string }[] };
    expect(schema.fields.find((f) => f.name === 'value')?.decimalChar).toBe(',');
    expect(schema.fields.find((f) => f.name === 'quote')?.title).toBe('Câu trích nguyên văn');
    expect(schema.fields.every((f) => f.title && f.title !== f.name)).toBe(true);
  });
});
