// Administrative levels in the library's reading order: the centre first, then province
// down to commune. One list for the pipeline (the published order of targets) and the pages.
export const LEVEL_ORDER: readonly string[] = ['trung ương', 'tỉnh', 'thành phố', 'quận', 'huyện', 'thị xã', 'đặc khu', 'phường', 'xã', 'thị trấn'];

/** Position in LEVEL_ORDER; an unknown level comes last. */
export function levelRank(level: string | null | undefined): number {
  const i = LEVEL_ORDER.indexOf(level ?? '');
  return i < 0 ? LEVEL_ORDER.length : i;
}

/** The central level: national documents (Resolution 57), "Toàn quốc" on the pages. */
export const NATIONAL_LEVEL = 'trung ương';

export function isNational(level: string | null | undefined): boolean {
  return level === NATIONAL_LEVEL;
}
