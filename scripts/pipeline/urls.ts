// Where a plan lives on the site, for every stage that links to it (pages, search, targets).
import { slugify } from './text.ts';
export function planUrl(planId: string): string {
  return `/van-ban/${encodeURIComponent(planId)}/`;
}

/** The comparison page of a plan with one of its sources (a parent plan's id, or "nghi-quyet-57"). */
export function comparisonUrl(planId: string, source: string): string {
  return `/so-sanh/${encodeURIComponent(planId)}/${encodeURIComponent(source)}/`;
}

/** Page `page` (1-based) of a paged list whose first page is `firstPageUrl`: "/van-ban/", "/van-ban/trang/2/". */
export function listPageUrl(firstPageUrl: string, page: number): string {
  return page <= 1 ? firstPageUrl : `${firstPageUrl}trang/${page}/`;
}

/** First pages of the paged lists. */
export const DOCUMENTS_URL = '/van-ban/';
export const LOCALITIES_URL = '/dia-phuong/';
export const CITED_DOCUMENTS_URL = '/van-ban-dan-chieu/';

/** A cited document's page (every plan citing it, with the sentences). */
export function citedDocumentUrl(slug: string): string {
  return `${CITED_DOCUMENTS_URL}${encodeURIComponent(slug)}/`;
}

/** An indicator's page (chart, distribution, the table of every locality's target). */
export function indicatorUrl(id: string): string {
  return `/chi-tieu/${encodeURIComponent(id)}/`;
}

/** The findings page (its list is paged: listPageUrl). */
export const FINDINGS_URL = '/chi-tieu/phat-hien/';

/** The comparison of one target year's key indicators: every province's own plans, or all plans of one province. */
export function yearComparisonUrl(year: number, province?: string): string {
  return `/chi-tieu/so-sanh-${year}/${province ? `${slugify(province)}/` : ''}`;
}
