// Targets for the pages: read once per build from the generated collections, with
// the questions the indicator pages ask (national reference, comparison, ordering).
import { getCollection } from 'astro:content';
import { nationalPlanId } from '../../scripts/pipeline/targets/corpus.ts';
import { comparable, compareAmbition, type Direction } from '../../scripts/pipeline/targets/findings.ts';
import { siteTaxonomy } from '../../scripts/pipeline/targets/taxonomy.ts';
import type { Indicator, Target } from '../../scripts/pipeline/targets/types.ts';
import { allNationalReferences, allPlans, type PlanEntry } from './plans.ts';
import { collator, levelRank } from './format.ts';
import { byProvinceThenPlace, planProvince, UNKNOWN_PROVINCE } from './groups.ts';
import { findingItems, type FindingItem } from './findings.ts';
import { firstPageByKey, PAGE_SIZE } from './paging.ts';

export type FindingEntry = Awaited<ReturnType<typeof getCollection<'findings'>>>[number]['data'];

// The taxonomy plus the indicators derived from subject words in this build (scripts/pipeline/targets/derive.ts).
export const taxonomy = siteTaxonomy(process.env.CONTENT_GENERATED ?? 'content/generated');
export const indicatorsById = new Map(taxonomy.indicators.map((i) => [i.id, i]));

interface TargetData {
  targets: Target[];
  findings: FindingEntry[];
  national: string | null;
  /** The national reference's targets, in document order (every indicator page compares with them). */
  nationalTargets: Target[];
  plans: PlanEntry[];
  /** Targets and findings per plan id (a thousand plan pages each ask for their own). */
  byPlan: Map<string, Target[]>;
  findingsByPlan: Map<string, FindingEntry[]>;
  /** Targets and findings per indicator id (each indicator page and its table pages). */
  byIndicator: Map<string, Target[]>;
  findingsByIndicator: Map<string, FindingEntry[]>;
  plansById: Map<string, PlanEntry>;
}
let cache: Promise<TargetData> | null = null;

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function targetData(): Promise<TargetData> {
  cache ??= (async () => {
    const plans = await allPlans();
    // Document order: plans as listed, then paragraph, then position in the paragraph.
    const rank = new Map(plans.map((p, i) => [p.id, i]));
    const blockIndex = new Map(plans.flatMap((p) => p.blocks.map((b, i) => [`${p.id}#${b.id}`, i] as const)));
    const at = (t: Target) => blockIndex.get(`${t.plan}#${t.blockId}`) ?? 1e9;
    const targets = (await getCollection('targets'))
      .map((e) => e.data as Target)
      .sort((a, b) => (rank.get(a.plan) ?? 1e9) - (rank.get(b.plan) ?? 1e9) || at(a) - at(b) || a.start - b.start);
    const findings = (await getCollection('findings')).map((e) => e.data);
    const national = nationalPlanId(plans, await allNationalReferences());
    const byPlan = groupBy(targets, (t) => t.plan);
    return {
      targets,
      findings,
      national,
      nationalTargets: (national && byPlan.get(national)) || [],
      plans,
      byPlan,
      findingsByPlan: groupBy(findings, (f) => f.plan),
      byIndicator: groupBy(targets, (t) => t.indicator),
      findingsByIndicator: groupBy(findings, (f) => f.indicator),
      plansById: new Map(plans.map((p) => [p.id, p])),
    };
  })();
  return cache;
}

/** The national target for the same indicator, year and kind of value, if any. */
export function nationalFor(t: Target, national: Target[]): Target | undefined {
  return national.find((n) => n.kind === 'target' && comparable(t, n));
}

/** How a target stands against the national one: higher, lower, same, or no reference. */
export function versusNational(t: Target, national: Target[]): Direction | null {
  const ref = nationalFor(t, national);
  if (!ref || ref.plan === t.plan) return null;
  return compareAmbition(t, ref, indicatorsById.get(t.indicator));
}

export const DIRECTION_LABEL: Record<Direction, string> = { higher: 'cao hơn', lower: 'thấp hơn', same: 'bằng' };
/** Okabe–Ito colours, safe for colour-blind readers; every use also carries a word or a symbol. */
export const DIRECTION_COLOUR: Record<Direction | 'none' | 'national', string> = {
  higher: '#0072B2',
  lower: '#D55E00',
  same: '#009E73',
  none: '#555555',
  national: '#000000',
};
export const DIRECTION_SYMBOL: Record<Direction, string> = { higher: '▲', lower: '▼', same: '=' };

/** Reading order: national first, then by level (province before commune), then locality. */
export function byPlace(plansById: Map<string, PlanEntry>) {
  return (a: Target, b: Target) => {
    const pa = plansById.get(a.plan);
    const pb = plansById.get(b.plan);
    return (
      levelRank(a.level) - levelRank(b.level) ||
      collator.compare(a.locality ?? '', b.locality ?? '') ||
      collator.compare(pa?.id ?? '', pb?.id ?? '')
    );
  };
}

/** "Toàn quốc" for the central level, else the locality as written. */
export function placeName(t: Pick<Target, 'level' | 'locality'>): string {
  return t.level === 'trung ương' ? 'Toàn quốc' : (t.locality ?? 'Chưa rõ địa phương');
}

export function indicatorName(id: string | null): string {
  return id ? (indicatorsById.get(id)?.name ?? id) : 'Cam kết chưa phân loại';
}

export function indicatorShort(id: string | null): string {
  return id ? (indicatorsById.get(id)?.short ?? id) : 'Chưa phân loại';
}

export type { Indicator, Target };

export interface IndicatorTable {
  /** Commitments and baselines in table order: the national reference, then by province, then place. */
  rows: Target[];
  /** The page (PAGE_SIZE.indicatorRows rows) where each province's rows start. */
  provincePages: Map<string, number>;
}

const tables = new Map<string, Promise<IndicatorTable>>();
/** An indicator's table, sorted once per build (its page, its table pages and the province pages ask). */
export function indicatorTable(indicatorId: string): Promise<IndicatorTable> {
  if (!tables.has(indicatorId)) tables.set(indicatorId, sortedIndicatorTable(indicatorId));
  return tables.get(indicatorId)!;
}

async function sortedIndicatorTable(indicatorId: string): Promise<IndicatorTable> {
  const { byIndicator, plansById } = await targetData();
  const provinceOf = (t: Target) => {
    const plan = plansById.get(t.plan);
    return plan ? planProvince(plan) : UNKNOWN_PROVINCE;
  };
  const rows = [...(byIndicator.get(indicatorId) ?? [])].sort(byProvinceThenPlace(provinceOf, byPlace(plansById)));
  const provincePages = firstPageByKey(rows, PAGE_SIZE.indicatorRows, (t) => (t.level === 'trung ương' ? '' : provinceOf(t)));
  provincePages.delete('');
  return { rows, provincePages };
}

/** Every finding as an item of the findings page's list (utils/findings.ts), in its order. */
export async function findingList(): Promise<FindingItem<FindingEntry>[]> {
  const { findings, plans, plansById } = await targetData();
  const rank = new Map(plans.map((p, i) => [p.id, i]));
  const provinceOf = (id: string) => {
    const plan = plansById.get(id);
    return plan ? planProvince(plan) : UNKNOWN_PROVINCE;
  };
  return findingItems(findings, provinceOf, (id) => rank.get(id) ?? plans.length);
}

export interface YearComparison {
  year: number;
  /** Key indicators some plan sets a target for in that year. */
  columns: Indicator[];
  /** That year's targets by "plan|indicator". */
  cells: Map<string, Target[]>;
  /** Plans with a target that year, in the library's order, the national reference not among them. */
  plans: PlanEntry[];
}

/** The key indicators of one target year, plan by plan (the 2030 comparison pages). */
export async function yearComparison(year: number): Promise<YearComparison> {
  const { targets, plans } = await targetData();
  const cells = groupBy(targets.filter((t) => t.kind === 'target' && t.year === year), (t) => `${t.plan}|${t.indicator}`);
  const withTargets = new Set([...cells.values()].map((ts) => ts[0]!.plan));
  const indicators = new Set([...cells.values()].map((ts) => ts[0]!.indicator));
  return {
    year,
    columns: taxonomy.indicators.filter((i) => i.key && indicators.has(i.id)),
    cells,
    plans: plans.filter((p) => withTargets.has(p.id)),
  };
}
