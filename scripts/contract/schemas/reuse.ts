// The one definition of the reuse data (published as /data/reuse.json with its JSON Schema
// /data/reuse.schema.json; the pages read its shares, content/generated/reuse-shares.json). Types are inferred.
import { z } from 'zod';

/** The document id and the key (in `sources`, in URLs) of Resolution 57. */
export const RESOLUTION_DOC_ID = '57-NQ/TW';
export const RESOLUTION_KEY = 'nghi-quyet-57';

const share = z.number().min(0).max(1);

export const matchClass = z.enum(['reused', 'adapted', 'own']).describe(
  '"reused": chép nguyên văn (chỉ khác hoa thường, dấu câu, số thứ tự, dấu thanh bị hỏng); "adapted": chép có sửa (đổi tên, cấp địa phương, con số, vài chữ); "own": viết riêng.',
);

export const shares = z
  .object({ reused: share, adapted: share, own: share })
  .describe('Tỷ lệ số chữ (âm tiết) của văn bản: chép nguyên văn, chép có sửa, viết riêng; tổng bằng 1 (làm tròn 0,001).');

export const span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

export const paragraphMatch = z.object({
  source: z.string().describe('Văn bản nguồn: mã văn bản trong thư viện (/van-ban/<source>/), hoặc "nghi-quyet-57" cho Nghị quyết 57-NQ/TW.'),
  block: z.string().describe('Đoạn gần nhất trong văn bản nguồn (mã đoạn, ví dụ "p3k9x2").'),
  score: share.describe('Độ giống (0–1): độ giống Dice của các câu trong đoạn với câu khớp nhất ở nguồn, tính theo số chữ.'),
  class: matchClass,
  added: z.array(span).optional().describe('Chỉ với Nghị quyết 57: những chữ của đoạn không có trong câu nguồn (vị trí trong văn bản của đoạn).'),
});

export const paragraphReuse = z.object({
  block: z.string().describe('Mã đoạn trong văn bản (/van-ban/<plan>/#<block>).'),
  words: z.number().int().min(0),
  matches: z.record(z.string(), paragraphMatch).describe('Theo từng văn bản nguồn (văn bản cấp trên trong thư viện, Nghị quyết 57): đoạn gần nhất.'),
  other: paragraphMatch.nullable().describe('Đoạn gần nhất trong các văn bản khác của thư viện (không phải văn bản nguồn).'),
});

export const sourceShares = shares.extend({ source: z.string().describe('Văn bản nguồn (như paragraphMatch.source).') });

export const planReuse = z.object({
  plan: z.string().describe('Mã văn bản (/van-ban/<plan>/).'),
  words: z.number().int().min(0).describe('Số chữ (âm tiết) của phần nội dung được so sánh (không tính phần đầu và phần ký, nơi nhận).'),
  parents: z.array(z.string()).describe('Văn bản cấp trên mà văn bản này thực hiện, có trong thư viện.'),
  sources: z.array(sourceShares).describe('Tỷ lệ so với từng văn bản nguồn.'),
  combined: shares.describe('Tỷ lệ so với mọi văn bản nguồn cùng lúc (mỗi câu lấy mức chép cao nhất).'),
  paragraphs: z.array(paragraphReuse),
});

export const reuseData = z.object({
  resolution: z.object({
    docId: z.literal('57-NQ/TW'),
    key: z.literal(RESOLUTION_KEY),
    available: z.boolean().describe('false khi bản dựng không có văn bản Nghị quyết 57 để so sánh.'),
  }),
  adaptedAt: share.describe('Ngưỡng độ giống của một câu để tính là chép có sửa.'),
  plans: z.array(planReuse),
});

/**
 * What the pages show of a plan's reuse: its shares, not its paragraphs (the plan's text carries their marks, the
 * comparison pages their rows). The paragraphs are most of the data (70 MB at 3,500 plans).
 */
export const planReuseShares = z.strictObject(planReuse.omit({ paragraphs: true }).shape);

/** The reuse data as the pages read it: every plan's shares. */
export const reuseShares = reuseData.extend({ plans: z.array(planReuseShares) });

/** One piece of a word diff: text kept, written only in the plan (added) or only in the source (removed). */
export const wordChange = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });

/** A paragraph of the plan beside its closest paragraph of one source, as the comparison page shows it. */
export const comparisonRow = z.object({
  /** The plan's paragraph (its id). */
  block: z.string(),
  class: matchClass,
  /** The source paragraph it was taken from and how alike they are; null for its own words. */
  match: z.object({ block: z.string(), score: share }).nullable(),
  /**
   * The plan's words, cut where they differ. With `pair` (adapted from a plan of the library) the
   * source's removed words are in it too, and both paragraphs are shown; otherwise only the plan's
   * words, those it did not take from the source "added".
   */
  changes: z.array(wordChange),
  pair: z.boolean(),
});

/** A plan compared with one of its sources (/so-sanh/<plan>/<source>/): its paragraphs, section by section. */
export const comparison = z.object({
  plan: z.string(),
  source: z.string(),
  sections: z.array(z.object({ title: z.string(), rows: z.array(comparisonRow) })),
});

export type MatchClass = z.infer<typeof matchClass>;
export type Shares = z.infer<typeof shares>;
export type SourceShares = z.infer<typeof sourceShares>;
export type ParagraphMatch = z.infer<typeof paragraphMatch>;
export type ParagraphReuse = z.infer<typeof paragraphReuse>;
export type PlanReuse = z.infer<typeof planReuse>;
export type PlanReuseShares = z.infer<typeof planReuseShares>;
export type ReuseShares = z.infer<typeof reuseShares>;
export type ReuseData = z.infer<typeof reuseData>;
export type WordChange = z.infer<typeof wordChange>;
export type ComparisonRow = z.infer<typeof comparisonRow>;
export type Comparison = z.infer<typeof comparison>;
