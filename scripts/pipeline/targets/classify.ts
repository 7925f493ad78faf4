// Phrasing → indicator, driven by content/indicators/indicators.json. The most specific
// phrasing found in the target's own words wins, among indicators whose kind of
// quantity matches the value's (a count never lands in a percentage indicator).

import { lexicon } from './lexicon.ts';
import { compileTaxonomy } from './taxonomy.ts';
import type { Indicator, Taxonomy, UnitKind } from './types.ts';
import { sameQuantity } from '../../contract/unit-kinds.ts';

export interface Classification {
  indicator: Indicator;
  /** Offsets of the matching phrase in the folded context given. */
  start: number;
  end: number;
  specificity: number;
}

function compatible(indicator: Indicator, kind: UnitKind): boolean {
  // "tăng 13%-13,5%" for a per-year growth indicator, "12%/năm" for a share: same quantity.
  return sameQuantity(indicator.unitKind, kind);
}

/** The groups a context names (outside brackets), by id. */
function populations(context: string): Set<string> {
  const { regex, groupOf } = lexicon().population;
  const out = new Set<string>();
  for (const m of context.matchAll(regex)) {
    const id = groupOf.get(m[0].replace(/\s+/g, ' '));
    if (id && !insideBrackets(context, m.index)) out.add(id);
  }
  return out;
}

function insideBrackets(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return before.split('(').length > before.split(')').length;
}

/**
 * Classifies a folded context (the target's subject words around its value). Returns
 * null when no indicator names it: extract.ts then derives one from the target's words.
 */
export function classify(foldedContext: string, kind: UnitKind, taxonomy: Taxonomy): Classification | null {
  let best: Classification | null = null;
  // Hard-wrapped text: a line break between two words of a phrasing is a space (same length, same offsets).
  const context = foldedContext.replace(/\s/g, ' ');
  const named = populations(context);
  for (const p of compileTaxonomy(taxonomy)) {
    if (!compatible(p.indicator, kind)) continue;
    // Who is measured: an indicator of one group never takes a target that names only others.
    if (p.indicator.population && named.size > 0 && !named.has(p.indicator.population)) continue;
    p.regex.lastIndex = 0;
    for (const m of context.matchAll(p.regex)) {
      // Words inside brackets give examples or details ("(bản đồ số, thanh toán điện tử)"), not the
      // subject, unless they are all the brackets hold: an abbreviation of it ("(R&D)", "(PII)").
      if (insideBrackets(context, m.index) && !(context[m.index - 1] === '(' && context[m.index + m[0].length] === ')')) continue;
      const candidate = { indicator: p.indicator, start: m.index, end: m.index + m[0].length, specificity: p.specificity };
      if (!best || candidate.specificity > best.specificity) best = candidate;
    }
  }
  return best;
}
