// Administrative levels of the issuing locality, in one order (from the centre down: the order
// of every list and table), and the questions the pipeline and the pages ask of a level.
// The level's schema is in schemas/document.ts.

/** From the centre down; a province before a city of a province, a district before a commune. */
export const LEVELS = ['trung ương', 'tỉnh', 'thành phố', 'quận', 'huyện', 'thị xã', 'đặc khu', 'phường', 'xã', 'thị trấn'] as const;

export type Level = (typeof LEVELS)[number];

/** The level of a central body (the Politburo, the Government, a ministry): its plan is national. */
export const NATIONAL_LEVEL: Level = 'trung ương';

/** The level of a province's (or centrally-run city's) own bodies: its party committee, its People's Committee. */
export const PROVINCE_LEVEL: Level = 'tỉnh';

/** A national document (Resolution 57, a Government decision), not a locality's. */
export function isNational(level: string | null | undefined): boolean {
  return level === NATIONAL_LEVEL;
}

/** Position in LEVELS; an unknown level sorts last. */
export function levelRank(level: string | null | undefined): number {
  const i = (LEVELS as readonly string[]).indexOf(level ?? '');
  return i < 0 ? LEVELS.length : i;
}
