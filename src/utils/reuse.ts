// The reuse data (content/generated/reuse.json, issue 15) and the comparison pages' rows
// (comparisons.json) for the pages: each read once per build, checked against its one schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparison, reuseData, type Comparison, type PlanReuse, type ReuseData, type Shares } from '../../scripts/contract/schemas/reuse.ts';
import { COMPARISONS_FILE } from '../../scripts/contract/generated.ts';
import { formatNumber } from './format.ts';

export { RESOLUTION_KEY } from '../../scripts/contract/schemas/reuse.ts';

const generated = process.env.CONTENT_GENERATED ?? 'content/generated';
let cache: { data: ReuseData; byPlan: Map<string, PlanReuse> } | null = null;

export function reuse(): { data: ReuseData; byPlan: Map<string, PlanReuse> } {
  if (!cache) {
    const data = reuseData.parse(JSON.parse(readFileSync(join(generated, 'reuse.json'), 'utf8')));
    cache = { data, byPlan: new Map(data.plans.map((p) => [p.plan, p])) };
  }
  return cache;
}

let comparisonsCache: Comparison[] | null = null;

/** Every comparison page's rows (comparisons.json, made by the pipeline). */
export function comparisons(): Comparison[] {
  comparisonsCache ??= comparison.array().parse(JSON.parse(readFileSync(join(generated, COMPARISONS_FILE), 'utf8')));
  return comparisonsCache;
}

/** 0.487 → "49%". */
export function percent(share: number): string {
  return `${formatNumber(Math.round(share * 100))}%`;
}

/** "riêng 14%, chép nguyên văn 49%, chép có sửa 37%". */
export function sharesText(s: Shares): string {
  return `viết riêng ${percent(s.own)}, chép nguyên văn ${percent(s.reused)}, chép có sửa ${percent(s.adapted)}`;
}

export const CLASS_NAMES = { reused: 'Chép nguyên văn', adapted: 'Chép có sửa', own: 'Viết riêng' } as const;
