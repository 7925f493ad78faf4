// Cache keys of the pages for Astro's incremental build (experimental.incrementalBuild): a page
// whose key and code are unchanged since the last build is copied from that build, not rendered.
// A key is a digest of everything the page shows: its own data, the data of the plans and
// documents it names, and what every page shows (the build date in the footer, the indicators'
// names, the national references). A page whose key misses something it shows would be
// published stale, so keys are generous: what a page's components read, whole.
// tests/incremental.test.ts checks that a rebuild after one plan changed equals a full build.
import { createHash } from 'node:crypto';
import { UPDATED } from './format.ts';
import { library, type DocumentEntry, type PlanEntry } from './plans.ts';
import { indicatorTable, oncePerKey, targetData, taxonomy, versusNational, type Target } from './targets.ts';
import { reuse } from './reuse.ts';
import type { CitingPlan } from './cited.ts';
import type { Comparison, PlanReuse } from '../../scripts/contract/schemas/reuse.ts';
import type { ListPage } from './paging.ts';

/** A digest of values as JSON (Maps as their entries, in order). */
export function digestOf(...values: unknown[]): string {
  const hash = createHash('sha256');
  for (const value of values) {
    hash.update(JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? [...v] : v)) ?? 'undefined');
    hash.update('\n');
  }
  return hash.digest('base64url').slice(0, 32);
}

let siteWide: Promise<string> | null = null;

/** What every page may show whatever its own data: the build date, the indicators' names, the national references, whether the resolution's text was compared. */
function siteWideDigest(): Promise<string> {
  siteWide ??= library().then(({ national }) => digestOf(UPDATED, taxonomy, national, reuse().data.resolution));
  return siteWide;
}

/** A page's key: the site-wide digest and the page's own parts. */
async function pageKey(...parts: unknown[]): Promise<string> {
  return digestOf(await siteWideDigest(), ...parts);
}

/** What a page naming a plan may show of it: its title, address and facts; not its text, recipients and footnotes (only its own page shows them). */
function planSummary(plan: PlanEntry | undefined) {
  if (!plan) return null;
  const { recipients: _recipients, footnotes: _footnotes, ...facts } = plan.metadata;
  return { id: plan.id, displayTitle: plan.displayTitle, url: plan.url, facts };
}

/** What a page naming a cited document shows of it: not its citing sentences (its own pages list them). */
function documentSummary({ citations, implementedBy, ...rest }: DocumentEntry) {
  return { ...rest, citations: citations.length, implementedBy: implementedBy.length };
}

/** Targets as pages show them: each with its standing against the national target. */
function shownTargets(targets: readonly Target[]) {
  return targets.map((t) => [t, versusNational(t)]);
}

/** A plan's page: the plan, its text (the digest of its file), the documents it implements and cites, the plans implementing it, its targets, findings and reuse. */
export async function planPageKey(plan: PlanEntry, textDigest: string): Promise<string> {
  const { plansById, citedBy, basedOn, documentOfPlan } = await library();
  const { byPlan, findingsByPlan } = await targetData();
  const mine = reuse().byPlan.get(plan.id);
  return pageKey(
    plan,
    textDigest,
    (basedOn.get(plan.id) ?? []).map(documentSummary),
    (citedBy.get(plan.id) ?? []).map(documentSummary),
    plan.implementedBy.map((id) => planSummary(plansById.get(id))),
    [documentOfPlan.get(plan.id)].filter((d) => d !== undefined).map(documentSummary),
    shownTargets(byPlan.get(plan.id) ?? []),
    findingsByPlan.get(plan.id) ?? [],
    mine ?? null,
    mine?.sources.map((s) => planSummary(plansById.get(s.source))) ?? [],
  );
}

/** A plan's comparison with one source: the plan, its reuse, the comparison's rows, the source plan, the plan's findings. */
export async function comparisonPageKey(plan: PlanEntry, mine: PlanReuse, comparison: Comparison): Promise<string> {
  const { plansById } = await library();
  const { findingsByPlan } = await targetData();
  return pageKey(planSummary(plan), mine, comparison, planSummary(plansById.get(comparison.source)), findingsByPlan.get(plan.id) ?? []);
}

/** A locality's page: its plans (props) and their commitments. */
export async function localityPageKey(locality: { plans: readonly PlanEntry[] }): Promise<string> {
  const { byPlan } = await targetData();
  return pageKey(locality, shownTargets(locality.plans.flatMap((p) => byPlan.get(p.id) ?? [])));
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
    provincePages,
    findings,
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
