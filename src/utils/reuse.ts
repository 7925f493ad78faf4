// The plans' reuse shares (content/generated/reuse-shares.json, issue 15) and the comparison pages' rows
// (comparisons.json) for the pages: each read once per build, of the shape its one schema says.
import { dataFile } from './generated-data.ts';
import type { Comparison, PlanReuseShares, ReuseShares, Shares } from '../../scripts/contract/schemas/reuse.ts';
import { formatNumber } from './format.ts';

export { RESOLUTION_KEY } from '../../scripts/contract/schemas/reuse.ts';

let cache: { data: ReuseShares; byPlan: Map<string, PlanReuseShares> } | null = null;

export function reuse(): { data: ReuseShares; byPlan: Map<string, PlanReuseShares> } {
  if (!cache) {
    const data = dataFile('reuseShares');
    cache = { data, byPlan: new Map(data.plans.map((p) => [p.plan, p])) };
  }
  return cache;
}

let comparisonsCache: Comparison[] | null = null;

/** Every comparison page's rows (comparisons.json, made by the pipeline). */
export function comparisons(): Comparison[] {
  comparisonsCache ??= dataFile('comparisons');
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
