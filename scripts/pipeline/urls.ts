// Where a plan lives on the site, for every stage that links to it (pages, search, targets).
export function planUrl(planId: string): string {
  return `/van-ban/${encodeURIComponent(planId)}/`;
}

/** A cited document's page. */
export function citedDocumentUrl(slug: string): string {
  return `/van-ban-dan-chieu/${encodeURIComponent(slug)}/`;
}

/** The comparison page of a plan with one of its sources (a parent plan's id, or "nghi-quyet-57"). */
export function comparisonUrl(planId: string, source: string): string {
  return `/so-sanh/${encodeURIComponent(planId)}/${encodeURIComponent(source)}/`;
}
