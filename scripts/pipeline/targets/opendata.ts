// Open data: targets.json, targets.csv (UTF-8 with BOM, for Excel; and a variant with ";"
// and decimal commas for spreadsheets set to Vietnamese), indicators.json, the CSV's Table
// Schema and a Frictionless datapackage.json (the JSON Schemas come from the contract's Zod
// schemas: scripts/contract/json-schemas.ts). Pure functions returning strings; the build's
// pipeline process writes them into dist/data/ (scripts/build/open-data.ts).

import { dsvFormat } from 'd3';
import { TARGET_FIELDS, type FieldDoc } from '../../contract/json-schemas.ts';
import { indicatorRecordSchema, targetRecordSchema, type IndicatorRecord, type TargetRecord } from '../../contract/schemas/targets.ts';
import type { Comparator, Target, Taxonomy } from './types.ts';
import { openDataUrl } from '../../contract/addresses.ts';

/** Public records, in the order given: the contract's fields of each target, in its order. `site` makes urls absolute. */
export function targetRecords(targets: Target[], taxonomy: Taxonomy, site?: string): TargetRecord[] {
  const names = new Map(taxonomy.indicators.map((i) => [i.id, i.name]));
  return targets.map((t) =>
    targetRecordSchema.parse({ ...t, indicatorName: names.get(t.indicator) ?? null, url: site ? new URL(t.url, site).href : t.url }),
  );
}

export function targetsJson(targets: Target[], taxonomy: Taxonomy, site?: string): string {
  return recordsJson(targetRecords(targets, taxonomy, site));
}

/** targets.json from the records already made (the build makes them once for every file). */
export function recordsJson(records: TargetRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** The two CSV dialects: RFC 4180 as every tool reads it, and what Excel set to Vietnamese opens in columns. */
export interface CsvDialect { separator: ',' | ';'; decimalComma: boolean }
export const CSV_STANDARD: CsvDialect = { separator: ',', decimalComma: false };
export const CSV_VIETNAMESE: CsvDialect = { separator: ';', decimalComma: true };

/** Comparators in CSV: words, since a cell "=" or ">=" is a formula to a spreadsheet. */
export const CSV_COMPARATOR: Record<Comparator, string> = { '>': 'gt', '>=': 'ge', '=': 'eq', '<': 'lt', '<=': 'le', range: 'range' };

/** OWASP CSV injection: a text cell starting with = + - @ tab or CR gets a leading ' so no spreadsheet runs it. */
export function neutralizeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(field: FieldDoc, v: string | number | boolean | null, dialect: CsvDialect): string {
  if (v == null) return '';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return dialect.decimalComma ? String(v).replace('.', ',') : String(v);
  if (field.name === 'comparator') return CSV_COMPARATOR[v as Comparator] ?? neutralizeCell(v);
  return neutralizeCell(v);
}

/** CSV (quoted as RFC 4180, by d3-dsv) with a UTF-8 byte order mark and CRLF line ends, so Excel reads Vietnamese. */
export function targetsCsv(targets: Target[], taxonomy: Taxonomy, site?: string, dialect: CsvDialect = CSV_STANDARD): string {
  return recordsCsv(targetRecords(targets, taxonomy, site), dialect);
}

/** targets.csv (or a part of it) from the records already made. */
export function recordsCsv(records: TargetRecord[], dialect: CsvDialect = CSV_STANDARD): string {
  const format = dsvFormat(dialect.separator);
  const rows = records.map((r) => format.formatRow(TARGET_FIELDS.map((f) => csvCell(f, r[f.name as keyof TargetRecord], dialect))));
  return `\uFEFF${[format.formatRow(TARGET_FIELDS.map((f) => f.name)), ...rows].join('\r\n')}\r\n`;
}

/** The locality a target's plan was issued in, as its page's slug (addresses.ts `localityPageOf`: namesakes of two provinces are two), or null. */
export type LocalityOfTarget = (target: Target) => string | null;

/** The taxonomy as published (the contract's fields, in its order), with how many plans and localities commit to each indicator. */
export function indicatorRecords(taxonomy: Taxonomy, targets: Target[], localityOf: LocalityOfTarget): IndicatorRecord[] {
  // Grouped once: filtering every target for each indicator grew as indicators × targets.
  const byIndicator = Map.groupBy(targets, (t) => t.indicator);
  return taxonomy.indicators.map((i) => {
    const mine = (byIndicator.get(i.id) ?? []).filter((t) => t.kind === 'target');
    return indicatorRecordSchema.parse({ ...i, derived: i.derived === true, plans: new Set(mine.map((t) => t.plan)).size, localities: new Set(mine.map(localityOf)).size });
  });
}

export function indicatorsJson(taxonomy: Taxonomy, targets: Target[], localityOf: LocalityOfTarget): string {
  return `${JSON.stringify(indicatorRecords(taxonomy, targets, localityOf), null, 2)}\n`;
}

/** Frictionless Table Schema of targets.csv (or, with decimal commas, of targets.vi.csv). */
export function targetsTableSchema(dialect: CsvDialect = CSV_STANDARD): object {
  return {
    fields: TARGET_FIELDS.map((f) => ({
      name: f.name,
      title: f.label,
      type: f.type,
      ...(f.type === 'number' && dialect.decimalComma ? { decimalChar: ',' } : {}),
      description: f.description,
      constraints: { required: !f.nullable, ...(f.enum ? { enum: f.name === 'comparator' ? Object.values(CSV_COMPARATOR) : f.enum } : {}) },
    })),
    missingValues: [''],
  };
}

/** Frictionless Data Package describing the three files. */
export function datapackage(options: { site?: string; created?: string } = {}): string {
  const path = (p: string) => (options.site ? new URL(openDataUrl(p), options.site).href : p);
  const pkg = {
    profile: 'data-package',
    name: 'nq57-chi-tieu',
    title: 'Chỉ tiêu của các địa phương thực hiện Nghị quyết 57-NQ/TW',
    description:
      'Mọi cam kết định lượng (chỉ tiêu) trích từ các kế hoạch, chương trình hành động của địa phương và từ Nghị quyết 57-NQ/TW, mỗi dòng kèm câu trích nguyên văn và đường dẫn tới đoạn văn nguồn.',
    ...(options.created ? { created: options.created } : {}),
    resources: [
      { name: 'targets', path: path('targets.csv'), profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8-sig', schema: targetsTableSchema() },
      {
        name: 'targets-vi', path: path('targets.vi.csv'), profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8-sig',
        description: 'Cùng dữ liệu với targets.csv cho bảng tính đặt tiếng Việt: phân cách bằng dấu chấm phẩy, số thập phân có dấu phẩy.',
        dialect: { delimiter: ';' }, schema: targetsTableSchema(CSV_VIETNAMESE),
      },
      // A resource's `schema` is a Table Schema in Frictionless; the JSON files name their JSON Schema in the description.
      { name: 'targets-json', path: path('targets.json'), format: 'json', mediatype: 'application/json', encoding: 'utf-8', description: `Cùng dữ liệu với targets.csv, dạng JSON. JSON Schema: ${path('targets.schema.json')}` },
      { name: 'indicators', path: path('indicators.json'), format: 'json', mediatype: 'application/json', encoding: 'utf-8', description: `Danh mục chỉ tiêu. JSON Schema: ${path('indicators.schema.json')}` },
      { name: 'reuse', path: path('reuse.json'), format: 'json', mediatype: 'application/json', encoding: 'utf-8', description: `Chép lại và viết riêng: mỗi văn bản so với văn bản cấp trên và Nghị quyết 57-NQ/TW (tỷ lệ, đoạn nguồn gần nhất, độ giống). JSON Schema: ${path('reuse.schema.json')}` },
    ],
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
