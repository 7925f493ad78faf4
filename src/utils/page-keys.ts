// Cache keys of the pages for Astro's incremental build (experimental.incrementalBuild): a page
// whose key and code are unchanged since the last build is copied from that build, not rendered.
// A key is a digest of everything the page shows: its own data, the data of the plans and
// documents it names, and what every page shows (the build date in the footer, the indicators'
// names, the national references). A page whose key misses something it shows would be
// published stale, so keys are generous: what a page's components read, whole. Each shared part
// (a plan, a plan's targets, a document's summary) is digested once per build and a page's key is
// the digest of those digests: thousands of pages name the same plans, and hashing them whole per
// page cost seconds (6.7 s at 3,500 plans). An entry of a collection (a plan, a target) is named by
// the digest of its line in the file (generated-data.ts), not serialized again.
// tests/incremental.test.ts checks that a rebuild after one plan changed equals a full build.
import { hash } from 'node:crypto';
import { UPDATED } from './format.ts';
import { library, type DocumentEntry, type PlanEntry } from './plans.ts';
import { entryDigest } from './generated-data.ts';
import { indicatorTable, oncePerKey, targetData, taxonomy, versusNational, yearComparison, type FindingEntry, type Target } from './targets.ts';
import type { FindingItem } from './findings.ts';
import { reuse } from './reuse.ts';
import type { CitingPlan } from './cited.ts';
import type { Comparison, PlanReuseShares } from '../../scripts/contract/schemas/reuse.ts';
import type { ListPage } from './paging.ts';
import type { Locality } from './localities.ts';
import type { ProvinceEntry } from './provinces.ts';

/**
 * A digest of values as JSON, each followed by a newline. The values are the generated data as parsed (no Maps
 * inside: a caller passes a Map's entries); no replacer, which would cost a call per key of 300+ MB of data.
 * Hashed in one call: a Hash object per digest cost twice the time (~200,000 digests at 3,500 plans).
 */
export function digestOf(...values: unknown[]): string {
  let text = '';
  for (const value of values) {
    if (value instanceof Map) throw new TypeError('digestOf: pass a Map as its entries');
    text += `${JSON.stringify(value) ?? 'undefined'}\n`;
  }
  return hash('sha256', text, 'base64url').slice(0, 32);
}

/** `digest` of a value the build shares between pages, computed once per object. */
function oncePerObject<T extends object>(digest: (value: T) => string): (value: T) => string {
  const made = new WeakMap<T, string>();
  return (value) => {
    let made1 = made.get(value);
    if (made1 === undefined) {
      made1 = digest(value);
      made.set(value, made1);
    }
    return made1;
  };
}

let siteWide: Promise<string> | null = null;

/** What every page may show whatever its own data: the build date, the indicators' names, the national references. */
function siteWideDigest(): Promise<string> {
  siteWide ??= library().then(({ national }) => digestOf(UPDATED, taxonomy(), national));
  return siteWide;
}

/** A page's key: the site-wide digest and the page's own parts. */
async function pageKey(...parts: unknown[]): Promise<string> {
  return digestOf(await siteWideDigest(), ...parts);
}

/** An entry of a collection by its line's digest (made as it was parsed), any other value (a copy of one) by its JSON. */
const entryOrValue = (value: object): string => entryDigest(value) ?? digestOf(value);

/** A plan whole (its own page, its locality's page). */
const planDigest = oncePerObject(entryOrValue);

/** What a page naming a plan may show of it: its title, address and facts; not its text, recipients and footnotes (only its own page shows them). */
const planSummaryDigest = oncePerObject((plan: PlanEntry) => {
  const { recipients: _recipients, footnotes: _footnotes, ...facts } = plan.metadata;
  return digestOf({ id: plan.id, displayTitle: plan.displayTitle, url: plan.url, facts });
});
const planSummary = (plan: PlanEntry | undefined) => (plan ? planSummaryDigest(plan) : null);

/** What a page naming a cited document shows of it: not its citing sentences (its own pages list them). */
const documentSummary = oncePerObject(({ citations, implementedBy, ...rest }: DocumentEntry) =>
  digestOf({ ...rest, citations: citations.length, implementedBy: implementedBy.length }),
);

/** Targets as pages show them: each with its standing against the national target. */
const shownTarget = (t: Target) => `${entryOrValue(t)} ${versusNational(t) ?? ''}`;
const shownTargets = oncePerObject((targets: readonly Target[]) => digestOf(targets.map(shownTarget)));

/** A value the build shares between pages (a plan's reuse), whole. */
const sharedDigest = oncePerObject((value: object) => digestOf(value));
/**
 * A finding whole: its own fields and the targets it names (findings.json names them by id, the pages read them
 * whole), each by its entry's digest. Digested once for its plan's pages and its indicator's.
 */
const findingDigest = oncePerObject((finding: FindingEntry): string => {
  switch (finding.kind) {
    case 'conflicting-targets': {
      const { targets, ...own } = finding;
      return digestOf(own, targets.map(entryOrValue));
    }
    case 'national-not-restated': {
      const { reference, ...own } = finding;
      return digestOf(own, entryOrValue(reference));
    }
    default: {
      const { target, reference, ...own } = finding;
      return digestOf(own, entryOrValue(target), entryOrValue(reference));
    }
  }
});
const findingsDigest = oncePerObject((findings: readonly FindingEntry[]) => digestOf(findings.map(findingDigest)));
const NONE: readonly never[] = [];

/** A plan's page: the plan, its text (its key, plan-texts.json), the documents it implements and cites, the plans implementing it, its targets, findings and reuse (and whether the resolution's text was compared). */
export async function planPageKey(plan: PlanEntry, textKey: string): Promise<string> {
  const { plansById, citedBy, basedOn, documentOfPlan } = await library();
  const { byPlan, findingsByPlan } = await targetData();
  const { data, byPlan: reuseByPlan } = reuse();
  const mine = reuseByPlan.get(plan.id);
  return pageKey(
    planDigest(plan),
    data.resolution,
    textKey,
    (basedOn.get(plan.id) ?? []).map(documentSummary),
    (citedBy.get(plan.id) ?? []).map(documentSummary),
    plan.implementedBy.map((id) => planSummary(plansById.get(id))),
    [documentOfPlan.get(plan.id)].filter((d) => d !== undefined).map(documentSummary),
    shownTargets(byPlan.get(plan.id) ?? NONE),
    findingsDigest(findingsByPlan.get(plan.id) ?? NONE),
    mine ? sharedDigest(mine) : null,
    mine?.sources.map((s) => planSummary(plansById.get(s.source))) ?? [],
  );
}

/** A plan's comparison with one source: the plan, its reuse, the comparison's rows, the source plan, the plan's findings. */
export async function comparisonPageKey(plan: PlanEntry, mine: PlanReuseShares, comparison: Comparison): Promise<string> {
  const { plansById } = await library();
  const { findingsByPlan } = await targetData();
  return pageKey(planSummary(plan), sharedDigest(mine), comparison, planSummary(plansById.get(comparison.source)), findingsDigest(findingsByPlan.get(plan.id) ?? NONE));
}

/** A locality's page: its plans (props) and their commitments. */
export async function localityPageKey({ plans, ...locality }: { plans: readonly PlanEntry[] }): Promise<string> {
  const { byPlan } = await targetData();
  return pageKey(locality, plans.map(planDigest), plans.map((p) => shownTargets(byPlan.get(p.id) ?? NONE)));
}

/**
 * Every page of an indicator (its first page and its table's pages): its rows, findings, the
 * national targets, and the plans its rows and findings name. One key for all its pages: a row
 * added moves the rows of every later page.
 */
export const indicatorPageKey = oncePerKey(indicatorKey);

async function indicatorKey(indicatorId: string): Promise<string> {
  const { findingsByIndicator, nationalTargets, plansById } = await targetData();
  const { rows, provincePages } = await indicatorTable(indicatorId);
  const findings = findingsByIndicator.get(indicatorId) ?? [];
  const plans = [...new Set([...rows.map((t) => t.plan), ...findings.map((f) => f.plan)])];
  return pageKey(
    indicatorId,
    shownTargets(rows),
    [...provincePages],
    findingsDigest(findings),
    shownTargets(nationalTargets),
    plans.map((id) => planSummary(plansById.get(id))),
  );
}

/** A page of a cited document: the document (its count of sentences), the page's plans with their sentences, the library's plan of that number. */
export async function citedDocumentPageKey(doc: DocumentEntry, { data, ...page }: ListPage<CitingPlan>): Promise<string> {
  const { plansById } = await library();
  const rows = data.map(({ plan, ...row }) => ({ ...row, plan: planSummary(plan) }));
  return pageKey(documentSummary(doc), page, rows, planSummary(doc.planId ? plansById.get(doc.planId) : undefined));
}

/** A page 2… of the findings: its place in the list, its findings whole and the plans they name. */
export async function findingsPageKey({ data, ...page }: ListPage<FindingItem<FindingEntry>>): Promise<string> {
  const { plansById } = await library();
  const named = data.flatMap((item) => (item.kind === 'national-not-restated' ? [item.plan] : [item.finding.plan, ...('target' in item.finding ? [item.finding.target.plan] : [])]));
  // Each finding by the digest its plan's pages made of it, not stringified again.
  const items = data.map((item) => (item.kind === 'national-not-restated' ? item : { ...item, finding: findingDigest(item.finding) }));
  return pageKey(page, items, named.map((id) => planSummary(plansById.get(id))));
}

/** A page of a province's comparison of one year's key indicators: its place in the list, its plans, and each row's cells (the national row's too). */
export async function yearComparisonPageKey(year: number, province: string, { data, ...page }: ListPage<PlanEntry>): Promise<string> {
  const { national } = await targetData();
  const { columns, cells } = await yearComparison(year);
  const rows = [...(national ? [national] : []), ...data.map((p) => p.id)];
  return pageKey(year, province, page, columns, data.map(planSummary), rows.map((id) => columns.map((i) => shownTargets(cells.get(`${id}|${i.id}`) ?? NONE))));
}

/** A page of a list of plans (every plan's list, a province's pages 2…): its place in the list, its plans as a list shows them, and what else the page names (its province). */
export async function planListPageKey({ data, ...page }: ListPage<PlanEntry>, ...shown: unknown[]): Promise<string> {
  return pageKey(page, data.map(planSummary), ...shown);
}

/** A page 2… of the list of localities: its place in the list, each locality with its plans as lists show them. */
export async function localityListPageKey({ data, ...page }: ListPage<Locality>): Promise<string> {
  return pageKey(page, data.map(({ plans, ...locality }) => ({ ...locality, plans: plans.map(planSummary) })));
}

/**
 * A province's first page: the province, its plans and their commitments, and for each indicator
 * they commit to the page of its table where the province's rows start (the page links there).
 */
export async function provincePageKey(province: ProvinceEntry, plans: readonly PlanEntry[]): Promise<string> {
  const { byPlan } = await targetData();
  const indicators = [...new Set(plans.flatMap((p) => (byPlan.get(p.id) ?? NONE).map((t) => t.indicator)))];
  const starts = await Promise.all(indicators.map(async (id) => (await indicatorTable(id)).provincePages.get(province.name) ?? null));
  return pageKey(province, plans.map(planSummary), plans.map((p) => shownTargets(byPlan.get(p.id) ?? NONE)), indicators, starts);
}
