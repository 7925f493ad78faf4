// The kinds of quantity a target's value can be (its schema is in schemas/targets.ts), and
// which of them measure the same thing.

export const UNIT_KINDS = ['percent', 'percentPerYear', 'per10k', 'count', 'index', 'rank'] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];

/** A share ("80%") or a yearly growth ("12%/năm"): both percentages. */
export function isPercent(kind: UnitKind): boolean {
  return kind === 'percent' || kind === 'percentPerYear';
}

/** Two kinds that measure one quantity: the same kind, or two percentages ("tăng 13%" for a yearly-growth indicator). */
export function sameQuantity(a: UnitKind, b: UnitKind): boolean {
  return a === b || (isPercent(a) && isPercent(b));
}
