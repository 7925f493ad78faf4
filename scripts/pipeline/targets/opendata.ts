// Open data: targets.json, targets.csv (UTF-8 with BOM, for Excel), indicators.json,
// a JSON Schema for each and a Frictionless datapackage.json. Pure functions returning
// strings; Astro endpoints under src/pages/data/ serve them.

import type { Target, Taxonomy } from './types.ts';

type FieldType = 'string' | 'integer' | 'number';
export interface FieldDoc {
  name: string;
  type: FieldType;
  nullable: boolean;
  enum?: string[];
  /** Vietnamese explanation, shown on the "Dữ liệu" page. */
  description: string;
}

/** The public fields of a target record, in order. Names are the contract of issue 4. */
export const TARGET_FIELDS: FieldDoc[] = [
  { name: 'plan', type: 'string', nullable: false, description: 'Mã văn bản (kế hoạch, chương trình, nghị quyết) chứa chỉ tiêu; trang văn bản là /van-ban/<plan>/.' },
  { name: 'locality', type: 'string', nullable: true, description: 'Địa phương ban hành, viết như trong văn bản (có dấu); "Việt Nam" với Nghị quyết 57-NQ/TW.' },
  { name: 'level', type: 'string', nullable: true, enum: ['trung ương', 'tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn'], description: 'Cấp hành chính của nơi ban hành.' },
  { name: 'indicator', type: 'string', nullable: false, description: 'Mã chỉ tiêu trong danh mục (indicators.json). Cam kết chưa khớp chỉ tiêu nào của danh mục có chỉ tiêu rút ra từ chính lời văn của nó (mã bắt đầu bằng "rieng-", "derived": true trong indicators.json); cùng đối tượng ở hai văn bản thì cùng một mã.' },
  { name: 'indicatorName', type: 'string', nullable: true, description: 'Tên tiếng Việt của chỉ tiêu (tiện đọc; lấy từ indicators.json).' },
  { name: 'year', type: 'integer', nullable: true, description: 'Năm mục tiêu ("Đến năm 2030" → 2030; "Giai đoạn 2035 đến năm 2045" → 2045); với số liệu nền là năm của số liệu; trống khi văn bản không nêu năm.' },
  { name: 'periodStart', type: 'integer', nullable: true, description: 'Năm bắt đầu khi văn bản nêu một giai đoạn ("giai đoạn 2026-2030" → 2026), nếu không thì trống.' },
  { name: 'comparator', type: 'string', nullable: false, enum: ['>', '>=', '=', '<', '<=', 'range'], description: 'So sánh: ">" (trên, hơn), ">=" (tối thiểu, ít nhất, ≥), "=" (đạt, ở mức, có), "<", "<=" (với xếp hạng "nhóm 20" là ≤ 20), "range" (khoảng "16 - 18%").' },
  { name: 'value', type: 'number', nullable: false, description: 'Giá trị (dấu thập phân là dấu chấm: "1,5%" → 1.5); với khoảng là cận dưới.' },
  { name: 'valueMax', type: 'number', nullable: true, description: 'Cận trên của khoảng, nếu không phải khoảng thì trống.' },
  { name: 'unit', type: 'string', nullable: true, description: 'Đơn vị: "%", "% GRDP", "% GDP", "%/năm", "người/10.000 dân", danh từ đếm ("doanh nghiệp"), "chỉ số" (thang 0–1), "hạng trong nước" / "hạng quốc tế".' },
  { name: 'quote', type: 'string', nullable: false, description: 'Câu hoặc ý nguyên văn trong văn bản chứa chỉ tiêu; với văn bản trung ương mà thư viện chỉ giữ thông tin, không giữ toàn văn (Nghị quyết 57-NQ/TW), là lời tóm tắt của thư viện.' },
  { name: 'url', type: 'string', nullable: false, description: 'Đường dẫn tới đúng đoạn văn chứa câu trích.' },
  { name: 'kind', type: 'string', nullable: false, enum: ['target', 'baseline'], description: '"target": cam kết cho tương lai; "baseline": số liệu đã đạt (ví dụ "PII năm 2024 đứng thứ 18").' },
];

export type TargetRecord = Record<string, string | number | null>;

/** Public records, in the order given. `site` makes urls absolute. */
export function targetRecords(targets: Target[], taxonomy: Taxonomy, site?: string): TargetRecord[] {
  const names = new Map(taxonomy.indicators.map((i) => [i.id, i.name]));
  return targets.map((t) => ({
    plan: t.plan,
    locality: t.locality,
    level: t.level,
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

function csvCell(v: string | number | null): string {
  if (v == null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a UTF-8 byte order mark and CRLF line ends, so Excel reads Vietnamese. */
export function targetsCsv(targets: Target[], taxonomy: Taxonomy, site?: string): string {
  const rows = targetRecords(targets, taxonomy, site).map((r) => TARGET_FIELDS.map((f) => csvCell(r[f.name] ?? null)).join(','));
  return `\uFEFF${[TARGET_FIELDS.map((f) => f.name).join(','), ...rows].join('\r\n')}\r\n`;
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
        TARGET_FIELDS.map((f) => [f.name, { type: jsonType(f), description: f.description, ...(f.enum ? { enum: f.nullable ? [...f.enum, null] : f.enum } : {}) }]),
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

/** Frictionless Table Schema of targets.csv. */
export function targetsTableSchema(): object {
  return {
    fields: TARGET_FIELDS.map((f) => ({
      name: f.name,
      type: f.type,
      description: f.description,
      constraints: { required: !f.nullable, ...(f.enum ? { enum: f.enum } : {}) },
    })),
    missingValues: [''],
  };
}

/** Frictionless Data Package describing the three files. */
export function datapackage(options: { site?: string; created?: string } = {}): string {
  const path = (p: string) => (options.site ? new URL(`/data/${p}`, options.site).href : p);
  const pkg = {
    profile: 'data-package',
    name: 'nq57-chi-tieu',
    title: 'Chỉ tiêu của các địa phương thực hiện Nghị quyết 57-NQ/TW',
    description:
      'Mọi cam kết định lượng (chỉ tiêu) trích từ các kế hoạch, chương trình hành động của địa phương và từ Nghị quyết 57-NQ/TW, mỗi dòng kèm câu trích nguyên văn và đường dẫn tới đoạn văn nguồn.',
    ...(options.created ? { created: options.created } : {}),
    resources: [
      { name: 'targets', path: path('targets.csv'), profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8-sig', schema: targetsTableSchema() },
      // A resource's `schema` is a Table Schema in Frictionless; the JSON files name their JSON Schema in the description.
      { name: 'targets-json', path: path('targets.json'), format: 'json', mediatype: 'application/json', encoding: 'utf-8', description: `Cùng dữ liệu với targets.csv, dạng JSON. JSON Schema: ${path('targets.schema.json')}` },
      { name: 'indicators', path: path('indicators.json'), format: 'json', mediatype: 'application/json', encoding: 'utf-8', description: `Danh mục chỉ tiêu. JSON Schema: ${path('indicators.schema.json')}` },
    ],
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
