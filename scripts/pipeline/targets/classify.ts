// Phrasing → indicator, driven by content/indicators/indicators.json. The most specific
// phrasing found in the target's own words wins, among indicators whose kind of
// quantity matches the value's (a count never lands in a percentage indicator).

import { compileTaxonomy } from './taxonomy.ts';
import type { Indicator, Taxonomy, UnitKind } from './types.ts';

export interface Classification {
  indicator: Indicator;
  /** Offsets of the matching phrase in the folded context given. */
  start: number;
  end: number;
  specificity: number;
}

function compatible(indicator: Indicator, kind: UnitKind): boolean {
  if (indicator.unitKind === kind) return true;
  // "tăng 13%-13,5%" for a per-year growth indicator, "12%/năm" for a share: same quantity.
  const pct = (k: UnitKind) => k === 'percent' || k === 'percentPerYear';
  return pct(indicator.unitKind) && pct(kind);
}

/**
 * Classifies a folded context (the target's subject words around its value). Returns
 * null when no indicator names it: the target is kept as unclassified.
 */
export function classify(foldedContext: string, kind: UnitKind, taxonomy: Taxonomy): Classification | null {
  let best: Classification | null = null;
  // Hard-wrapped text: a line break between two words of a phrasing is a space (same length, same offsets).
  const context = foldedContext.replace(/\s/g, ' ');
  for (const p of compileTaxonomy(taxonomy)) {
    if (!compatible(p.indicator, kind)) continue;
    p.regex.lastIndex = 0;
    for (const m of context.matchAll(p.regex)) {
      const candidate = { indicator: p.indicator, start: m.index, end: m.index + m[0].length, specificity: p.specificity };
      if (!best || candidate.specificity > best.specificity) best = candidate;
    }
  }
  return best;
}
