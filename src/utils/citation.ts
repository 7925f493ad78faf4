// How to cite a plan and describe it in one sentence (meta description, Open Graph):
// built from its metadata, never from a fragment of its text.
import { formatDate } from './format.ts';
import type { DocumentEntry, PlanEntry } from './plans.ts';

/** "Chương trình hành động số 319-CTr/TU của Ban Thường vụ Tỉnh ủy Ninh Thuận, ngày 19/02/2025". */
export function documentCitation(plan: PlanEntry): string {
  const date = formatDate(plan.metadata.date.value);
  return `${plan.displayTitle}, ${date ? `ngày ${date}` : 'không ghi ngày ban hành'}`;
}

/** One full sentence: what the document is, what it implements, what the page offers. */
export function planDescription(plan: PlanEntry, implemented: readonly DocumentEntry[]): string {
  return `Toàn văn ${documentCitation(plan)}${implemented.length ? `, thực hiện ${implemented.map((d) => d.title).join('; ')}` : ''}: thuộc tính văn bản, chỉ tiêu, liên kết tới từng đoạn để trích dẫn.`;
}
