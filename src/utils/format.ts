// Vietnamese formatting and ordering, one place for the whole site.
import { collator, formatIsoDate, formatNumber } from '../../scripts/contract/format.ts';

export { collator, formatNumber };
/** Order of administrative levels, from the centre down (defined once, with the levels). */
export { LEVELS as LEVEL_ORDER, levelRank } from '../../scripts/contract/levels.ts';
/** "2025-02-19" → "19/02/2025" (how Vietnamese documents write dates). */
export function formatDate(iso: string | null | undefined): string | null {
  return iso ? formatIsoDate(iso) : null;
}

export function sortByVietnamese<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(key(a), key(b)));
}

/** The day this build was made, in Vietnam: the "Cập nhật" date of every page. */
export const UPDATED = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
