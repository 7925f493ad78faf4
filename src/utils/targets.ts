// Targets for the pages, read once per build as the pipeline published them (which reference
// is national, each target against it) and grouped for the questions pages ask (per plan,
// per indicator, the reading order).
import { readDataFile } from '../../scripts/contract/generated.ts';
import { entries } from './generated-data.ts';
import { resolveFinding, targetsById } from '../../scripts/contract/findings.ts';
import type { Direction, IdentifiedFinding, Indicator, Target, Taxonomy } from '../../scripts/contract/schemas/targets.ts';
import { allNationalReferences, library, type PlanEntry } from './plans.ts';
import { collator, levelRank } from './format.ts';
import { nationalRows, targetsInReadingOrder } from '../../scripts/contract/reading-order.ts';
import { isNational } from '../../scripts/contract/levels.ts';
import { byProvinceThenPlace, planProvince, provinceOfPlanId, UNKNOWN_PROVINCE } from './groups.ts';
import { findingItems, type FindingItem } from './findings.ts';
import { firstPageByKey, PAGE_SIZE } from './paging.ts';

export type FindingEntry = IdentifiedFinding;

let indicatorFile: { taxonomy: Taxonomy; byId: Map<string, Indicator> } | null = null;
// Read when first asked for, not when the module loads: the pipeline places indicators.json once the targets
// are made, after the plans' files, which the pages' paths start with meanwhile.
function publishedIndicators() {
  if (!indicatorFile) {
    const read = readDataFile('indicators');
    indicatorFile = { taxonomy: read, byId: new Map(read.indicators.map((i) => [i.id, i])) };
  }
  return indicatorFile;
}

/** The taxonomy plus the indicators derived from subject words in this build, as the pipeline published them. */
export const taxonomy = (): Taxonomy => publishedIndicators().taxonomy;
export const indicatorById = (id: string): Indicator | undefined => publishedIndicators().byId.get(id);

interface TargetData {
  targets: Target[];
  findings: readonly FindingEntry[];
  national: string | null;
  /** The national reference's targets, in document order (every indicator page compares with them). */
  nationalTargets: Target[];
  plans: readonly PlanEntry[];
  /** Targets and findings per plan id and per indicator id, in the order above (each page asks for its own). */
  byPlan: Map<string, Target[]>;
  findingsByPlan: Map<string, FindingEntry[]>;
  /** Targets and findings per indicator id (each indicator page and its table pages). */
  byIndicator: Map<string, Target[]>;
  findingsByIndicator: Map<string, FindingEntry[]>;
  /** The library's own map (utils/plans.ts), not a second one. */
  plansById: ReadonlyMap<string, PlanEntry>;
}
let cache: Promise<TargetData> | null = null;

export function targetData(): Promise<TargetData> {
  cache ??= (async () => {
    const { plans, plansById } = await library();
    const references = await allNationalReferences();
    const rows = [...plans, ...references.map((r) => nationalRows(r.id, r.targets))];
    const targets = targetsInReadingOrder(entries('targets'), rows);
    // findings.json names each finding's targets by id: the pages read them whole.
    const byId = targetsById(entries('targets'));
    const findings = entries('findings').map((f) => resolveFinding(f, byId));
    const national = references.find((r) => r.primary)?.id ?? null;
    const byPlan = Map.groupBy(targets, (t) => t.plan);
    return {
      targets,
      findings,
      national,
      nationalTargets: (national && byPlan.get(national)) || [],
      plans,
      byPlan,
      findingsByPlan: Map.groupBy(findings, (f) => f.plan),
      byIndicator: Map.groupBy(targets, (t) => t.indicator),
      findingsByIndicator: Map.groupBy(findings, (f) => f.indicator),
      plansById,
    };
  })();
  return cache;
}

// Computed once by the pipeline (scripts/pipeline/targets/versus-national.ts), read when first asked for.
let directions: Record<string, Direction> | null = null;

/** How a target stands against the national one: higher, lower, same, or no reference. */
export function versusNational(t: Pick<Target, 'id'>): Direction | null {
  directions ??= readDataFile('versusNational');
  return directions[t.id] ?? null;
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
export function byPlace(plansById: ReadonlyMap<string, PlanEntry>) {
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
  return isNational(t.level) ? 'Toàn quốc' : (t.locality ?? 'Chưa rõ địa phương');
}

export function indicatorName(id: string | null): string {
  return id ? (indicatorById(id)?.name ?? id) : 'Cam kết chưa phân loại';
}

export function indicatorShort(id: string | null): string {
  return id ? (indicatorById(id)?.short ?? id) : 'Chưa phân loại';
}

export type { Indicator, Target };

export interface IndicatorTable {
  /** Commitments and baselines in table order: the national reference, then by province, then place. */
  rows: Target[];
  /** The page (PAGE_SIZE.indicatorRows rows) where each province's rows start. */
  provincePages: Map<string, number>;
}

/** `make` called once per key for the whole build, its promise shared by every page that asks. */
export function oncePerKey<K, V>(make: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const made = new Map<K, Promise<V>>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

/** An indicator's table, sorted once per build (its page, its table pages and the province pages ask). */
export const indicatorTable = oncePerKey(sortedIndicatorTable);

async function sortedIndicatorTable(indicatorId: string): Promise<IndicatorTable> {
  const { byIndicator, plansById } = await targetData();
  const provinceOfPlan = provinceOfPlanId(plansById);
  const provinceOf = (t: Target) => provinceOfPlan(t.plan);
  const rows = [...(byIndicator.get(indicatorId) ?? [])].sort(byProvinceThenPlace(provinceOf, byPlace(plansById)));
  const provincePages = firstPageByKey(rows, PAGE_SIZE.indicatorRows, (t) => (isNational(t.level) ? '' : provinceOf(t)));
  provincePages.delete('');
  return { rows, provincePages };
}

/** Every finding as an item of the findings page's list (utils/findings.ts), in its order. */
export async function findingList(): Promise<FindingItem<FindingEntry>[]> {
  const { findings } = await targetData();
  const { plans, plansById, rank } = await library();
  return findingItems(findings, provinceOfPlanId(plansById), (id) => rank.get(id) ?? plans.length);
}

export interface YearComparison {
  year: number;
  /** Key indicators some plan sets a target for in that year. */
  columns: Indicator[];
  /** That year's targets by "plan|indicator". */
  cells: Map<string, Target[]>;
  /** Plans with a target that year, in the library's order, the national reference not among them. */
  plans: readonly PlanEntry[];
}

/** The key indicators of one target year, plan by plan (the 2030 comparison pages): grouped once per build, not once per province page. */
export const yearComparison = oncePerKey(groupedYearComparison);

async function groupedYearComparison(year: number): Promise<YearComparison> {
  const { targets, plans } = await targetData();
  const cells = Map.groupBy(targets.filter((t) => t.kind === 'target' && t.year === year), (t) => `${t.plan}|${t.indicator}`);
  const withTargets = new Set([...cells.values()].map((ts) => ts[0]!.plan));
  const indicators = new Set([...cells.values()].map((ts) => ts[0]!.indicator));
  return {
    year,
    columns: taxonomy().indicators.filter((i) => i.key && indicators.has(i.id)),
    cells,
    plans: plans.filter((p) => withTargets.has(p.id)),
  };
}

/** A year's compared plans per province (of today), in reading order; plans of no known province left out. */
export async function provinceComparisons(year: number): Promise<{ name: string; plans: PlanEntry[] }[]> {
  const { plans } = await yearComparison(year);
  return [...Map.groupBy(plans, planProvince)].filter(([name]) => name !== UNKNOWN_PROVINCE).map(([name, list]) => ({ name, plans: list }));
}
