// Findings a journalist would look for, computed from the targets: a plan whose
// target differs from the plan it implements or from the national resolution (same
// indicator and year), a plan that sets two different targets for one indicator and
// year, and national targets a plan does not restate at all.

import type { Finding } from '../../contract/schemas/targets.ts';
import { formatTarget, formatYear } from '../../contract/format.ts';
import type { Indicator, Target, Taxonomy } from './types.ts';
import { sameQuantity } from '../../contract/unit-kinds.ts';

export type { Finding };

export interface PlanLink {
  id: string;
  locality: string | null;
  /** The plan's own document number ("319-CTr/TU"), if known. */
  docId: string | null;
  /** Document numbers of what it says it implements. */
  implements: string[];
}

export type { Direction } from '../../contract/schemas/targets.ts';
import type { Direction } from '../../contract/schemas/targets.ts';

const normId = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** Two targets measure the same quantity: same indicator, kind of value, and rank scope. */
export function comparable(a: Target, b: Target): boolean {
  if (a.indicator !== b.indicator || a.year == null || a.year !== b.year) return false;
  if (!sameQuantity(a.unitKind, b.unitKind)) return false;
  return a.unitKind !== 'rank' || a.unit === b.unit;
}

const sameValue = (a: Target, b: Target) => a.comparator === b.comparator && a.value === b.value && a.valueMax === b.valueMax;

/**
 * How ambitious `a` is against `b`: compares the committed level (the lower end of a
 * range); for ranks a smaller number is higher. Equal levels with different wording
 * ("trên 80%" / "đạt 80%") count as the same.
 */
export function compareAmbition(a: Target, b: Target, indicator: Indicator | undefined): Direction {
  if (a.value === b.value) return 'same';
  const higherIsBetter = indicator?.higherIsBetter ?? a.unitKind !== 'rank';
  return a.value > b.value === higherIsBetter ? 'higher' : 'lower';
}

const commitments = (ts: Target[]) => ts.filter((t) => t.kind === 'target' && t.indicator != null && t.year != null);

/** An indicator name inside a sentence: "Tỷ lệ ..." → "tỷ lệ ..." (acronyms such as "HDI" kept). */
function inSentence(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
}

function describe(t: Target, ind: Indicator | undefined): string {
  // The year as words, not a second pair of parentheses after a name that may have its own.
  const when = t.year == null ? 'không nêu năm' : t.periodStart != null ? `giai đoạn ${formatYear(t)}` : `năm ${t.year}`;
  return `${inSentence(ind?.name ?? t.indicator!)}, ${when}: ${formatTarget(t)}`;
}

export function computeFindings(targets: Target[], plans: PlanLink[], nationalPlanId: string, taxonomy: Taxonomy): Finding[] {
  const ind = new Map(taxonomy.indicators.map((i) => [i.id, i]));
  const byPlan = Map.groupBy(commitments(targets), (t) => t.plan);
  const national = byPlan.get(nationalPlanId) ?? [];
  const out: Finding[] = [];
  // Looked up by id, never by scanning every plan (once per plan: quadratic at thousands of plans).
  const localities = new Map<string, string | null>();
  for (const p of plans) if (!localities.has(p.id)) localities.set(p.id, p.locality);
  const localityOf = (id: string) => localities.get(id) ?? id;
  const byDocId = new Map<string, number[]>();
  plans.forEach((p, k) => {
    if (!p.docId) return;
    const same = byDocId.get(normId(p.docId));
    if (same) same.push(k);
    else byDocId.set(normId(p.docId), [k]);
  });
  const mentionedBy = new Map<string, Set<Target['indicator']>>();
  for (const t of targets) mentionedBy.set(t.plan, (mentionedBy.get(t.plan) ?? new Set()).add(t.indicator));

  for (const plan of plans) {
    if (plan.id === nationalPlanId) continue;
    const own = byPlan.get(plan.id) ?? [];
    const wanted = new Set(plan.implements.map(normId));
    const parents = [...new Set([...wanted].flatMap((d) => byDocId.get(d) ?? []))]
      .sort((a, b) => a - b)
      .map((k) => plans[k]!)
      .filter((p) => p.id !== plan.id && p.id !== nationalPlanId);
    const refs: [Finding['kind'], Target[], string][] = [
      ...parents.map((p): [Finding['kind'], Target[], string] => ['differs-from-parent', byPlan.get(p.id) ?? [], localityOf(p.id)]),
      ['differs-from-national', national, 'Nghị quyết 57-NQ/TW'],
    ];
    for (const t of own) {
      const i = ind.get(t.indicator!);
      for (const [kind, refTargets, refName] of refs) {
        for (const r of refTargets.filter((r) => comparable(t, r))) {
          if (sameValue(t, r)) continue;
          const direction = compareAmbition(t, r, i);
          if (direction === 'same') continue;
          out.push({
            kind: kind as 'differs-from-national' | 'differs-from-parent',
            plan: plan.id, indicator: t.indicator!, year: t.year!, target: t, reference: r, direction,
            text: `${localityOf(plan.id)} đặt ${describe(t, i)}, ${direction === 'lower' ? 'thấp hơn' : 'cao hơn'} ${refName} (${formatTarget(r)}).`,
          });
        }
      }
    }
    // Two different targets for one indicator and year in the same plan.
    const groups = Map.groupBy(own, (t) => `${t.indicator}|${t.year}`);
    for (const group of groups.values()) {
      const distinct = group.filter((t, k) => group.findIndex((u) => sameValue(u, t)) === k);
      if (distinct.length < 2 || !distinct.every((t) => comparable(t, distinct[0]!))) continue;
      const i = ind.get(distinct[0]!.indicator!);
      out.push({
        kind: 'conflicting-targets', plan: plan.id, indicator: distinct[0]!.indicator!, year: distinct[0]!.year!, targets: distinct,
        text: `${localityOf(plan.id)} đặt ${distinct.length} chỉ tiêu khác nhau cho ${inSentence(i?.name ?? distinct[0]!.indicator!)} (năm ${distinct[0]!.year}): ${distinct.map((t) => formatTarget(t)).join('; ')}.`,
      });
    }
    // National targets the plan never mentions (no target for that indicator in any year).
    const mentioned = mentionedBy.get(plan.id) ?? new Set();
    for (const r of national) {
      // An indicator derived from the national text's own words is not one a plan is expected to restate.
      if (mentioned.has(r.indicator) || r.derived) continue;
      const i = ind.get(r.indicator!);
      out.push({
        kind: 'national-not-restated', plan: plan.id, indicator: r.indicator!, year: r.year!, reference: r,
        text: `${localityOf(plan.id)} không nêu chỉ tiêu nào về ${inSentence(i?.name ?? r.indicator!)} (quốc gia: ${formatTarget(r)} vào ${formatYear(r)}).`,
      });
    }
  }
  return out;
}
