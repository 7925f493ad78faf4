// How each target stands against the national target of the same indicator, year and kind
// of value (higher, lower or the same), computed once for the library and published
// (content/generated/versus-national.json): the indicator, comparison, locality and
// province pages only look it up.
import type { VersusNational } from '../../contract/schemas/targets.ts';
import { comparable, compareAmbition } from './findings.ts';
import type { Indicator, Target } from './types.ts';

/**
 * `national` are the national reference's targets in document order: a target is compared
 * with the first comparable one (a target of the reference itself with none).
 */
export function versusNational(targets: Target[], national: Target[], indicators: Map<string, Indicator>): VersusNational {
  const out: VersusNational = {};
  for (const t of targets) {
    const ref = national.find((n) => n.kind === 'target' && comparable(t, n));
    if (ref && ref.plan !== t.plan) out[t.id] = compareAmbition(t, ref, indicators.get(t.indicator));
  }
  return out;
}
