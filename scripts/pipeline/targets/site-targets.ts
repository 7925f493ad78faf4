// Targets of a whole library: extraction for every plan, the national references'
// facts (content/national/), findings, and the inline links that mark target phrases
// in the plan text.
import { blockFacts } from '../block-facts.ts';
import { clauseAnchor, indicatorUrl } from '../../contract/addresses.ts';
import { compareReadingOrder, nationalRows, targetsInReadingOrder } from '../../contract/reading-order.ts';
import type { Inline, InlineLink } from '../plan-tree.ts';
import type { NationalReference } from '../../contract/schemas/national.ts';
import type { IdentifiedFinding } from '../../contract/schemas/targets.ts';
import { findingEntry } from '../../contract/findings.ts';
import { loadNationalReferences, nationalId, nationalTargets, primaryReference } from '../national.ts';
import type { Plan } from '../types.ts';
import { digest, planDigest, type Memo } from '../memo.ts';
import { extractTargets } from './extract.ts';
import { computeFindings, type PlanLink } from './findings.ts';
import { collectionText, DATA_FILES } from '../../contract/generated.ts';
import { loadTaxonomy } from './taxonomy.ts';
import { versusNational } from './versus-national.ts';
import type { Indicator, PlanInput, Target, Taxonomy } from './types.ts';

export function planLinks(plans: Plan[]): PlanLink[] {
  return plans.map((p) => ({ id: p.id, locality: p.metadata.locality.value, docId: p.docId, implements: p.implements }));
}

/**
 * Id of the national reference local targets are compared with: the reference of
 * content/national/ that the most plans say they implement (57-NQ/TW). Null if there is none.
 */
export function nationalPlanId(plans: Pick<Plan, 'id' | 'implements'>[], refs: NationalReference[] = loadNationalReferences()): string | null {
  const ref = primaryReference(refs, plans);
  return ref ? nationalId(ref) : null;
}

/** What the extractor reads of a plan. */
export function planInput(p: Plan): PlanInput {
  return { id: p.id, locality: p.metadata.locality.value, level: p.metadata.level.value, summary: p.metadata.summary, date: p.metadata.date.value, blocks: p.blocks };
}

/** One plan's extraction as the memo keeps it: its targets and the indicators it derived, in the order it derived them. */
interface PlanTargets {
  targets: Target[];
  derived: Indicator[];
  /** A digest of both as JSON, made when they were extracted: what the plan adds to the targets' files. */
  digest: string;
}

/**
 * Each plan's extraction, in the plans' order. A plan's extraction depends on its input alone: with `memo`, it is
 * kept under a hash of that input and read again while the plan is unchanged.
 */
function planTargets(plans: Plan[], taxonomy: Taxonomy, memo?: Memo): PlanTargets[] {
  return plans.map((p) => {
    const input = planInput(p);
    const key = memo ? planDigest(input) : '';
    let found = memo?.get<PlanTargets>(key);
    if (!found) {
      const own = new Map<string, Indicator>();
      const extracted = { targets: extractTargets(input, taxonomy, own), derived: [...own.values()] };
      found = { ...extracted, digest: digest(JSON.stringify(extracted)) };
      memo?.set(key, found);
    }
    return found;
  });
}

/** The extractions' targets; their derived indicators added to `derived` (the first plan to derive an id gives its indicator). */
function mergeTargets(extractions: PlanTargets[], derived: Map<string, Indicator>): Target[] {
  return extractions.flatMap((found) => {
    for (const d of found.derived) if (!derived.has(d.id)) derived.set(d.id, d);
    return found.targets;
  });
}

/** Targets of every plan; indicators derived from subject words are added to `derived`. */
export function libraryTargets(plans: Plan[], taxonomy: Taxonomy = loadTaxonomy(), derived: Map<string, Indicator> = new Map(), memo?: Memo): Target[] {
  return mergeTargets(planTargets(plans, taxonomy, memo), derived);
}

/** One link per target phrase, inside a mark over its clause, to lay over the plan text. */
// No title attribute: it repeated the summary table on every phrase and cost a tenth of
// a plan page's bytes; the phrase itself says what it is, the link says where it compares.
export function targetLinks(targets: Target[]): Map<string, Inline[]> {
  const out = new Map<string, Inline[]>();
  const marked = new Set<string>();
  for (const t of targets) {
    const id = clauseAnchor(t);
    // Appended in place: a copy of the plan's list per target grew with the square of its targets.
    let own = out.get(t.plan);
    if (!own) out.set(t.plan, (own = []));
    if (!marked.has(`${t.plan}#${id}`)) {
      marked.add(`${t.plan}#${id}`);
      own.push({ blockId: t.blockId, start: t.quoteStart, end: t.quoteEnd, id });
    }
    const link: InlineLink = {
      blockId: t.blockId,
      start: t.start,
      end: t.end,
      href: indicatorUrl(t.indicator),
      // CSS finds target phrases by their href (the only links in the text to /chi-tieu/):
      // a class on each of them cost bytes; only baselines, styled apart, keep one.
      ...(t.kind === 'baseline' ? { className: 'baseline' } : {}),
    };
    own.push(link);
  }
  return out;
}

/** The derived indicators some target carries (a rank may take its neighbour's instead), by id. */
export function usedDerived(derived: Map<string, Indicator>, targets: Target[]): Indicator[] {
  const used = new Set(targets.filter((t) => t.derived).map((t) => t.indicator));
  return [...derived.values()].filter((i) => used.has(i.id)).sort((a, b) => a.id.localeCompare(b.id));
}

export interface TargetsData {
  targets: Target[];
  /** The same, in reading order: targets.json, and the open data made from it. */
  published: Target[];
  /** With their targets whole; findings.json names them by id. */
  findings: IdentifiedFinding[];
  nationalPlanId: string | null;
  linksByPlan: Map<string, Inline[]>;
  /** Files for content/generated/, each made when asked for (targets.json alone is 110 MB at 3,500 plans). */
  files: Map<string, () => string>;
  /**
   * A digest of everything the files are made from: the taxonomy, the national references, each plan's extraction
   * (by its digest), the plans' links and the targets' reading order. The same key, the same files.
   */
  filesKey: string;
}

/** `memo`: earlier builds' extraction of unchanged plans (the document cache). */
export function targetsSiteData(plans: Plan[], taxonomy: Taxonomy = loadTaxonomy(), refs: NationalReference[] = loadNationalReferences(), memo?: Memo): TargetsData {
  const derived = new Map<string, Indicator>();
  const extractions = planTargets(plans, taxonomy, memo);
  const extracted = mergeTargets(extractions, derived);
  const fromReferences = refs.map((r) => nationalTargets(r, taxonomy));
  const targets = [...extracted, ...fromReferences.flat()];
  const national = nationalPlanId(plans, refs);
  const links = planLinks(plans);
  const findings = national ? computeFindings(targets, links, national, taxonomy).map((f, i) => ({ ...f, id: `f${i + 1}` })) : [];
  // Each plan's blocks by their ids (its facts): the order needs no text.
  const ordered = [...plans].sort(compareReadingOrder).map((p) => ({ id: p.id, blocks: blockFacts(p.blocks).ids.map((id) => ({ id })) }));
  const published = targetsInReadingOrder(targets, [...ordered, ...refs.map((r) => nationalRows(nationalId(r), r.targets))]);
  const indicators = new Map([...taxonomy.indicators, ...derived.values()].map((i) => [i.id, i]));
  const nationalInOrder = published.filter((t) => t.plan === national);
  // Where each target came from (plan, place in its extraction; or reference, place): the published order, exactly.
  const origin = new Map<Target, string>();
  extractions.forEach((e, i) => e.targets.forEach((t, j) => origin.set(t, `${i}.${j}`)));
  fromReferences.forEach((list, i) => list.forEach((t, j) => origin.set(t, `r${i}.${j}`)));
  const filesKey = digest(
    JSON.stringify(taxonomy),
    JSON.stringify(refs),
    national ?? '',
    JSON.stringify(links),
    extractions.map((e, i) => `${plans[i]!.id} ${e.digest}`).join('\n'),
    published.map((t) => origin.get(t)).join(' '),
  );
  // The small files first: the build places them in this order, and Astro reads them before the targets.
  const files = new Map<string, () => string>([
    [DATA_FILES.indicators.file, () => JSON.stringify({ indicators: [...taxonomy.indicators, ...usedDerived(derived, targets)] })],
    [DATA_FILES.versusNational.file, () => JSON.stringify(versusNational(published, nationalInOrder, indicators))],
    ['targets.json', () => collectionText(published)],
    ['findings.json', () => collectionText(findings.map(findingEntry))],
  ]);
  return { targets, published, findings, nationalPlanId: national, linksByPlan: targetLinks(extracted), files, filesKey };
}
