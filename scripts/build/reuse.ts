// The reuse step of the build: computeReuse over the library (and Resolution 57 when
// its text is beside the repository) → each plan's shares for the pages (reuse-shares.json), the quiet
// "chép" mark on each copied paragraph of a plan page, and the comparison pages' rows
// (comparisons.json). The data whole is the open data's (/data/reuse.json, open-data.ts).
import type { Plan } from '../pipeline/types.ts';
import type { BlockMark } from '../pipeline/plan-tree.ts';
import { computeReuse, type ResolutionText } from '../pipeline/reuse/compare.ts';
import type { Memo } from '../pipeline/memo.ts';
import { blockFacts } from '../pipeline/block-facts.ts';
import { comparePlan } from '../pipeline/reuse/comparison.ts';
import { RESOLUTION_KEY, strongestMatch } from '../pipeline/reuse/sources.ts';
import type { ReuseData, ReuseShares } from '../contract/schemas/reuse.ts';
import { DATA_FILES } from '../contract/generated.ts';
import { comparisonUrl, planAnchorUrl } from '../contract/addresses.ts';
import { readResolution } from './resolution.ts';

export interface ReuseSiteData {
  data: ReuseData;
  files: Map<string, string>;
  /** Per plan, the mark of each copied paragraph (headings are left unmarked). */
  marksByPlan: Map<string, Map<string, BlockMark>>;
}

/** What the pages read of the reuse data: every plan without its paragraphs. */
export function sharesOf(data: ReuseData): ReuseShares {
  return { ...data, plans: data.plans.map(({ paragraphs: _paragraphs, ...shares }) => shares) };
}

/** `memo`: earlier builds' per-plan work (the document cache), so that a rebuild aligns only what changed. */
export function reuseSiteData(plans: Plan[], resolution: ResolutionText | null = readResolution(), memo?: Memo): ReuseSiteData {
  const data = computeReuse({ plans, resolution }, memo);
  const titles = new Map(plans.map((p) => [p.id, p.metadata.number.value ?? p.id]));
  const byId = new Map(plans.map((p) => [p.id, p]));
  const marksByPlan = new Map<string, Map<string, BlockMark>>();
  for (const plan of data.plans) {
    const headings = new Set(blockFacts(byId.get(plan.plan)!.blocks).headings);
    const marks = new Map<string, BlockMark>();
    for (const p of plan.paragraphs) {
      const m = strongestMatch(p.matches, plan.parents);
      if (!m || headings.has(p.block)) continue;
      const from = m.source === RESOLUTION_KEY ? 'Nghị quyết 57-NQ/TW' : titles.get(m.source)!;
      // The resolution's text is not on the site: its copies link to the comparison.
      const href = m.source === RESOLUTION_KEY ? `${comparisonUrl(plan.plan, m.source)}#${p.block}` : planAnchorUrl(m.source, m.block);
      marks.set(p.block, { href, title: `${m.class === 'reused' ? 'Chép nguyên văn' : 'Chép có sửa'} từ ${from}` });
    }
    marksByPlan.set(plan.plan, marks);
  }
  const comparisons = data.plans.flatMap((r) => r.sources.map((s) => comparePlan(byId.get(r.plan)!, r, s.source, s.source === RESOLUTION_KEY ? null : byId.get(s.source)!)));
  const files = new Map([
    [DATA_FILES.reuseShares.file, JSON.stringify(sharesOf(data))],
    [DATA_FILES.comparisons.file, JSON.stringify(comparisons)],
  ]);
  return { data, files, marksByPlan };
}
