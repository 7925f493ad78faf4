// Dates as Vietnamese documents write them. No imports: the search page's client script uses it too.

/** "2025-02-19" → "19/02/2025"; anything else unchanged. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
