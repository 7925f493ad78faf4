// Where a plan lives on the site, for every stage that links to it (pages, search, targets).
export function planUrl(planId: string): string {
  return `/van-ban/${encodeURIComponent(planId)}/`;
}
