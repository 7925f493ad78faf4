// Open data: targets.json, targets.csv (UTF-8 with BOM, for Excel; and a variant with ";"
// and decimal commas for spreadsheets set to Vietnamese), indicators.json, a JSON Schema for
// each and a Frictionless datapackage.json. Pure functions returning strings; Astro
// endpoints under src/pages/data/ serve them.

import { dsvFormat } from 'd3';
import type { Comparator, Target, Taxonomy } from './types.ts';
import { openDataUrl } from '../../contract/addresses.ts';

type FieldType = 'string' | 'integer' | 'number' | 'boolean';
export interface FieldDoc {
  name: string;
  type: FieldType;
  nullable: boolean;
  enum?: string[];
  /** Vietnamese name of the column (the CSV header keeps the machine name). */
  label: string;
  /** Vietnamese explanation, shown on the "Dữ liệu" page. */
  description: string;
}

/** The public fields of a target record, in order. Names are the contract of issue 4. */
export const TARGET_FIELDS: FieldDoc[] = [
  { name: 'plan', type: 'string', nullable: false, label: 'Văn bản', description: 'Mã văn bản (kế hoạch, chương trình, nghị quyết) chứa chỉ tiêu; trang văn bản là /van-ban/<plan>/.' },
  { name: 'locality', type: 'string', nullable: true, label: 'Địa phương', description: 'Địa phương ban hành, viết như trong văn bản (có dấu); “Việt Nam” với Nghị quyết 57-NQ/TW.' },
  { name: 'level', type: 'string', nullable: true, enum: ['trung ương', 'tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn', 'đặc khu'], label: 'Cấp', description: 'Cấp hành chính của nơi ban hành.' },
  { name: 'summary', type: 'boolean', nullable: false, label: 'Bản tóm tắt', description: 'true khi nguồn là bản tóm tắt của báo chí hoặc cổng thông tin về một văn bản, không phải văn bản gốc: cần đối chiếu với văn bản gốc.' },
  { name: 'indicator', type: 'string', nullable: false, label: 'Mã chỉ tiêu', description: 'Mã chỉ tiêu trong danh mục (indicators.json). Cam kết chưa khớp chỉ tiêu nào của danh mục có chỉ tiêu rút ra từ chính lời văn của nó (mã bắt đầu bằng “rieng-”, “derived”: true trong indicators.json); cùng đối tượng ở hai văn bản thì cùng một mã.' },
  { name: 'indicatorName', type: 'string', nullable: true, label: 'Tên chỉ tiêu', description: 'Tên tiếng Việt của chỉ tiêu (tiện đọc; lấy từ indicators.json).' },
  { name: 'year', type: 'integer', nullable: true, label: 'Năm', description: 'Năm mục tiêu (“Đến năm 2030” → 2030; “Giai đoạn 2035 đến năm 2045” → 2045); với số liệu nền là năm của số liệu; trống khi văn bản không nêu năm.' },
  { name: 'periodStart', type: 'integer', nullable: true, label: 'Năm bắt đầu giai đoạn', description: 'Năm bắt đầu khi văn bản nêu một giai đoạn (“giai đoạn 2026-2030” → 2026), nếu không thì trống.' },
  { name: 'comparator', type: 'string', nullable: false, enum: ['>', '>=', '=', '<', '<=', 'range'], label: 'So sánh', description: 'So sánh: “>” (trên, hơn), “>=” (tối thiểu, ít nhất, ≥), “=” (đạt, ở mức, có), “<”, “<=” (với xếp hạng “nhóm 20” là ≤ 20), “range” (khoảng “16 - 18%”). Trong CSV viết bằng chữ để bảng tính không đọc thành công thức: gt, ge, eq, lt, le, range.' },
  { name: 'value', type: 'number', nullable: false, label: 'Giá trị', description: 'Giá trị (dấu thập phân là dấu chấm: “1,5%” → 1.5); với khoảng là cận dưới.' },
  { name: 'valueMax', type: 'number', nullable: true, label: 'Giá trị cận trên', description: 'Cận trên của khoảng, nếu không phải khoảng thì trống.' },
  { name: 'unit', type: 'string', nullable: true, label: 'Đơn vị', description: 'Đơn vị: “%”, “% GRDP”, “% GDP”, “%/năm”, “người/10.000 dân”, danh từ đếm (“doanh nghiệp”), “chỉ số” (thang 0–1), “hạng trong nước” / “hạng quốc tế”.' },
  { name: 'quote', type: 'string', nullable: false, label: 'Câu trích nguyên văn', description: 'Câu hoặc ý nguyên văn trong văn bản chứa chỉ tiêu; với văn bản trung ương mà thư viện chỉ giữ thông tin, không giữ toàn văn (Nghị quyết 57-NQ/TW), là lời tóm tắt của thư viện.' },
  { name: 'url', type: 'string', nullable: false, label: 'Đường dẫn tới đoạn văn', description: 'Đường dẫn tới đúng đoạn văn chứa câu trích.' },
  { name: 'kind', type: 'string', nullable: false, enum: ['target', 'baseline'], label: 'Loại', description: '“target”: cam kết cho tương lai; “baseline”: số liệu đã đạt (ví dụ “PII năm 2024 đứng thứ 18”).' },
];

export type TargetRecord = Record<string, string | number | boolean | null>;

/** Public records, in the order given. `site` makes urls absolute. */
export function targetRecords(targets: Target[], taxonomy: Taxonomy, site?: string): TargetRecord[] {
  const names = new Map(taxonomy.indicators.map((i) => [i.id, i.name]));
  return targets.map((t) => ({
    plan: t.plan,
    locality: t.locality,
    level: t.level,
    summary: t.summary,
    indicator: t.indicator,
    indicatorName: names.get(t.indicator) ?? null,
    year: t.year,
    periodStart: t.periodStart,
    comparator: t.comparator,
    value: t.value,
    valueMax: t.valueMax,
    unit: t.unit,
    quote: t.quote,
    url: site ? new URL(t.url, site).href : t.url,
    kind: t.kind,
  }));
}

export function targetsJson(targets: Target[], taxonomy: Taxonomy, site?: string): string {
  return `${JSON.stringify(targetRecords(targets, taxonomy, site), null, 2)}\n`;
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
  const format = dsvFormat(dialect.separator);
  const rows = targetRecords(targets, taxonomy, site).map((r) => format.formatRow(TARGET_FIELDS.map((f) => csvCell(f, r[f.name] ?? null, dialect))));
  return `\uFEFF${[format.formatRow(TARGET_FIELDS.map((f) => f.name)), ...rows].join('\r\n')}\r\n`;
}

/** The taxonomy as published, with how many plans and localities commit to each indicator. */
export function indicatorRecords(taxonomy: Taxonomy, targets: Target[] = []) {
  return taxonomy.indicators.map((i) => {
    const mine = targets.filter((t) => t.indicator === i.id && t.kind === 'target');
    return {
      id: i.id,
      name: i.name,
      short: i.short,
      definition: i.definition,
      unit: i.unit,
      unitKind: i.unitKind,
      theme: i.theme,
      higherIsBetter: i.higherIsBetter,
      phrasings: i.phrasings,
      derived: i.derived === true,
      plans: new Set(mine.map((t) => t.plan)).size,
      localities: new Set(mine.map((t) => t.locality)).size,
    };
  });
}

export function indicatorsJson(taxonomy: Taxonomy, targets: Target[] = []): string {
  return `${JSON.stringify(indicatorRecords(taxonomy, targets), null, 2)}\n`;
}

const jsonType = (f: FieldDoc) => (f.nullable ? [f.type, 'null'] : f.type);

export function targetsJsonSchema(): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'targets.schema.json',
    title: 'Chỉ tiêu định lượng trong các văn bản thực hiện Nghị quyết 57-NQ/TW',
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: TARGET_FIELDS.map((f) => f.name),
      properties: Object.fromEntries(
        TARGET_FIELDS.map((f) => [f.name, { type: jsonType(f), title: f.label, description: f.description, ...(f.enum ? { enum: f.nullable ? [...f.enum, null] : f.enum } : {}) }]),
      ),
    },
  };
}

export function indicatorsJsonSchema(): object {
  const s = (description: string, type: string | string[] = 'string') => ({ type, description });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'indicators.schema.json',
    title: 'Danh mục chỉ tiêu',
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'name', 'short', 'definition', 'unit', 'unitKind', 'theme', 'higherIsBetter', 'phrasings', 'derived', 'plans', 'localities'],
      properties: {
        id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Mã chỉ tiêu (ASCII), dùng trong targets.indicator và đường dẫn /chi-tieu/<id>/.' },
        name: s('Tên tiếng Việt.'),
        short: s('Tên ngắn cho biểu đồ, bảng.'),
        definition: s('Định nghĩa.'),
        unit: s('Đơn vị hiển thị.'),
        unitKind: { enum: ['percent', 'percentPerYear', 'per10k', 'count', 'index', 'rank'], description: 'Loại đại lượng.' },
        theme: s('Nhóm chủ đề.'),
        higherIsBetter: s('false với xếp hạng: số nhỏ hơn là cao hơn.', 'boolean'),
        phrasings: { type: 'array', items: { type: 'string' }, description: 'Biểu thức chính quy (viết có dấu, so khớp không phân biệt dấu, hoa thường) nhận ra chỉ tiêu trong văn bản.' },
        derived: s('true: chỉ tiêu rút ra từ lời văn của một cam kết không khớp chỉ tiêu nào trong danh mục (không có cách diễn đạt).', 'boolean'),
        plans: s('Số văn bản có chỉ tiêu này.', 'integer'),
        localities: s('Số địa phương (kể cả cấp trung ương) có chỉ tiêu này.', 'integer'),
      },
    },
  };
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
