// Targets (every numeric commitment), the indicators they are classified by, the findings
// computed from them, and their public records (/data/targets.json, targets.csv,
// indicators.json). Field titles and descriptions are Vietnamese: the published JSON Schemas,
// the CSV's Table Schema and the "Dữ liệu" page read them.
import { z } from 'zod';
import { UNIT_KINDS } from '../unit-kinds.ts';
import { levelSchema } from './document.ts';

export const comparatorSchema = z.enum(['>', '>=', '=', '<', '<=', 'range']);

/** What kind of quantity a value is; decides which indicators it can belong to. */
export const unitKindSchema = z.enum(UNIT_KINDS).describe('Loại đại lượng.');

const INDICATOR_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const indicatorSchema = z.object({
  id: z.string().regex(INDICATOR_ID, 'id must be an ASCII slug').describe('Mã chỉ tiêu (ASCII), dùng trong targets.indicator và đường dẫn /chi-tieu/<id>/.'),
  name: z.string().min(3).describe('Tên tiếng Việt.'),
  /** Short name for chart axes and matrix columns. */
  short: z.string().min(2).describe('Tên ngắn cho biểu đồ, bảng.'),
  definition: z.string().min(10).describe('Định nghĩa.'),
  unit: z.string().min(1).describe('Đơn vị hiển thị.'),
  unitKind: unitKindSchema,
  theme: z.string().min(1).describe('Nhóm chủ đề.'),
  /** Shown on the overview matrix of key 2030 indicators. */
  key: z.boolean().describe('Có trong bảng so sánh các chỉ tiêu chính năm 2030.'),
  higherIsBetter: z.boolean().describe('false với xếp hạng: số nhỏ hơn là cao hơn.'),
  /** Regular expressions (written with diacritics) that name the concept; none for a derived indicator. */
  phrasings: z.array(z.string().min(2)).describe('Biểu thức chính quy (viết có dấu, so khớp không phân biệt dấu, hoa thường) nhận ra chỉ tiêu trong văn bản.'),
  /** Who is measured, when only one group ("can-bo", "doanh-nghiep"; lexicon.json `populations`). */
  population: z.string().optional().describe('Đối tượng được đo, khi chỉ tiêu chỉ nói về một nhóm (content/targets/lexicon.json, mục populations): cam kết nêu nhóm khác không thuộc chỉ tiêu này.'),
  /** Derived from a target's own subject words (pipeline/targets/derive.ts), not in the taxonomy file. */
  derived: z.boolean().optional(),
});

/** The taxonomy, or the site's indicators: the taxonomy's and those a build derived from subject words (content/generated/indicators.json). */
export const indicatorListSchema = z.object({ indicators: z.array(indicatorSchema) });

/** An entry of /data/indicators.json: the indicator with how many plans and localities commit to it. */
export const indicatorRecordSchema = indicatorSchema.omit({ key: true, population: true }).extend({
  derived: z.boolean().describe('true: chỉ tiêu rút ra từ lời văn của một cam kết không khớp chỉ tiêu nào trong danh mục (không có cách diễn đạt).'),
  plans: z.number().int().describe('Số văn bản có chỉ tiêu này.'),
  localities: z.number().int().describe('Số địa phương (kể cả cấp trung ương) có chỉ tiêu này.'),
});

const field = (title: string, description: string) => ({ title, description });

/** A target as the pipeline extracts it (content/generated/targets.json): the public fields plus where the phrase sits in its block. */
export const targetSchema = z.object({
  /** Stable id: `<plan>:<blockId>:<n>` (n counts targets in the block). */
  id: z.string(),
  plan: z.string().meta(field('Văn bản', 'Mã văn bản (kế hoạch, chương trình, nghị quyết) chứa chỉ tiêu; trang văn bản là /van-ban/<plan>/.')),
  locality: z.string().nullable().meta(field('Địa phương', 'Địa phương ban hành, viết như trong văn bản (có dấu); “Việt Nam” với Nghị quyết 57-NQ/TW.')),
  level: levelSchema.nullable().meta(field('Cấp', 'Cấp hành chính của nơi ban hành.')),
  summary: z.boolean().meta(field('Bản tóm tắt', 'true khi nguồn là bản tóm tắt của báo chí hoặc cổng thông tin về một văn bản, không phải văn bản gốc: cần đối chiếu với văn bản gốc.')),
  indicator: z.string().meta(field(
    'Mã chỉ tiêu',
    'Mã chỉ tiêu trong danh mục (indicators.json). Cam kết chưa khớp chỉ tiêu nào của danh mục có chỉ tiêu rút ra từ chính lời văn của nó (mã bắt đầu bằng “rieng-”, “derived”: true trong indicators.json); cùng đối tượng ở hai văn bản thì cùng một mã.',
  )),
  /** The indicator was derived from the subject words (derive.ts), not found in the taxonomy. */
  derived: z.boolean(),
  year: z.number().int().nullable().meta(field(
    'Năm',
    'Năm mục tiêu (“Đến năm 2030” → 2030; “Giai đoạn 2035 đến năm 2045” → 2045); với số liệu nền là năm của số liệu; trống khi văn bản không nêu năm.',
  )),
  periodStart: z.number().int().nullable().meta(field('Năm bắt đầu giai đoạn', 'Năm bắt đầu khi văn bản nêu một giai đoạn (“giai đoạn 2026-2030” → 2026), nếu không thì trống.')),
  comparator: comparatorSchema.meta(field(
    'So sánh',
    'So sánh: “>” (trên, hơn), “>=” (tối thiểu, ít nhất, ≥), “=” (đạt, ở mức, có), “<”, “<=” (với xếp hạng “nhóm 20” là ≤ 20), “range” (khoảng “16 - 18%”). Trong CSV viết bằng chữ để bảng tính không đọc thành công thức: gt, ge, eq, lt, le, range.',
  )),
  value: z.number().meta(field('Giá trị', 'Giá trị (dấu thập phân là dấu chấm: “1,5%” → 1.5); với khoảng là cận dưới.')),
  valueMax: z.number().nullable().meta(field('Giá trị cận trên', 'Cận trên của khoảng, nếu không phải khoảng thì trống.')),
  unit: z.string().nullable().meta(field(
    'Đơn vị',
    'Đơn vị: “%”, “% GRDP”, “% GDP”, “%/năm”, “người/10.000 dân”, danh từ đếm (“doanh nghiệp”), “chỉ số” (thang 0–1), “hạng trong nước” / “hạng quốc tế”.',
  )),
  unitKind: unitKindSchema,
  /** The clause stating the target, verbatim from Block.text (for a table: its row, from the subject cell to the value cell). */
  quote: z.string().meta(field(
    'Câu trích nguyên văn',
    'Câu hoặc ý nguyên văn trong văn bản chứa chỉ tiêu; với văn bản trung ương mà thư viện chỉ giữ thông tin, không giữ toàn văn (Nghị quyết 57-NQ/TW), là lời tóm tắt của thư viện.',
  )),
  /** [start, end) of the quote in Block.text. */
  quoteStart: z.number().int(),
  quoteEnd: z.number().int(),
  /** Set on a national reference's facts (content/national/): the quote is the library's paraphrase, the text is not held. */
  paraphrase: z.literal(true).optional(),
  url: z.string().meta(field('Đường dẫn tới đoạn văn', 'Đường dẫn tới đúng đoạn văn chứa câu trích.')),
  kind: z.enum(['target', 'baseline']).meta(field('Loại', '“target”: cam kết cho tương lai; “baseline”: số liệu đã đạt (ví dụ “PII năm 2024 đứng thứ 18”).')),
  blockId: z.string(),
  /** [start, end) of the target phrase (subject + value) in Block.text. */
  start: z.number().int(),
  end: z.number().int(),
  /** [start, end) of the number(s) and unit in Block.text. */
  valueStart: z.number().int(),
  valueEnd: z.number().int(),
});

const t = targetSchema.shape;

/** A record of /data/targets.json and a row of targets.csv: names fixed by issue 4, in this order. */
export const targetRecordSchema = z.object({
  plan: t.plan,
  locality: t.locality,
  level: t.level,
  summary: t.summary,
  indicator: t.indicator,
  indicatorName: z.string().nullable().meta(field('Tên chỉ tiêu', 'Tên tiếng Việt của chỉ tiêu (tiện đọc; lấy từ indicators.json).')),
  year: t.year,
  periodStart: t.periodStart,
  comparator: t.comparator,
  value: t.value,
  valueMax: t.valueMax,
  unit: t.unit,
  quote: t.quote,
  url: t.url,
  kind: t.kind,
});

const findingBase = {
  plan: z.string(),
  indicator: z.string(),
  year: z.number().int(),
  /** The finding in one Vietnamese sentence. */
  text: z.string(),
};

/** A target that differs from the national one or from its parent plan's, for the same indicator and year. */
const differsSchema = z.object({
  kind: z.enum(['differs-from-national', 'differs-from-parent']),
  ...findingBase,
  target: targetSchema,
  reference: targetSchema,
  direction: z.enum(['higher', 'lower']),
});
/** Two different targets for one indicator and year in the same plan. */
const conflictingSchema = z.object({ kind: z.literal('conflicting-targets'), ...findingBase, targets: z.array(targetSchema) });
/** A national target the plan never mentions. */
const notRestatedSchema = z.object({ kind: z.literal('national-not-restated'), ...findingBase, reference: targetSchema });

export const findingSchema = z.discriminatedUnion('kind', [differsSchema, conflictingSchema, notRestatedSchema]);

const entryId = { id: z.string() };
/** A finding with its id ("f1", "f2"… in the order computed) and its targets whole, as the pages read it (contract/findings.ts resolves an entry of findings.json into one). */
export const identifiedFindingSchema = z.discriminatedUnion('kind', [differsSchema.extend(entryId), conflictingSchema.extend(entryId), notRestatedSchema.extend(entryId)]);

/** A target named by its id in targets.json (which holds every target once). */
const targetId = z.string();
/**
 * An entry of findings.json: the finding with its id, naming its targets by id. Each finding embedding
 * its targets whole repeated the national ones in thousands of findings (most of the file at national scale).
 */
export const findingEntrySchema = z.discriminatedUnion('kind', [
  differsSchema.omit({ target: true, reference: true }).extend({ ...entryId, targetId, referenceId: targetId }),
  conflictingSchema.omit({ targets: true }).extend({ ...entryId, targetIds: z.array(targetId) }),
  notRestatedSchema.omit({ reference: true }).extend({ ...entryId, referenceId: targetId }),
]);

export type { UnitKind } from '../unit-kinds.ts';
export type Comparator = z.infer<typeof comparatorSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Taxonomy = z.infer<typeof indicatorListSchema>;
export type IndicatorRecord = z.infer<typeof indicatorRecordSchema>;
export type Target = z.infer<typeof targetSchema>;
export type TargetRecord = z.infer<typeof targetRecordSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type FindingEntry = z.infer<typeof findingEntrySchema>;
export type IdentifiedFinding = z.infer<typeof identifiedFindingSchema>;

/** versus-national.json: target id → how it stands against the national target; a target without a comparable national target is absent. */
export const versusNationalSchema = z.record(z.string(), z.enum(['higher', 'lower', 'same']));
export type VersusNational = z.infer<typeof versusNationalSchema>;
/** How a target stands against another of the same indicator, year and kind of value. */
export type Direction = VersusNational[string];
