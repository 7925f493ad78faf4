// Where the site lives. Dev and test builds default to the local preview server; a production
// build must be told. Read by astro.config.mjs (the pages) and scripts/build.ts (the open data).

/** The local preview server (`npm run preview`): where a dev or test build says the site is. */
export const PREVIEW_SITE = 'http://127.0.0.1:4321';

/** The site's address for this build, as Astro gives it to pages (`Astro.site.href`, with its "/"). */
export function siteHref(siteUrl: string | undefined): string {
  return new URL(siteUrl ?? PREVIEW_SITE).href;
}

/** A production build (`npm run build:production`) must be told the site's public address: it is in every canonical link, the sitemap, JSON-LD and the open data. */
export function productionSiteError(argv: readonly string[], siteUrl: string | undefined): string | null {
  if (!argv.includes('--production')) return null;
  if (!siteUrl) return 'a production build needs the site\'s public address: SITE_URL=https://… npm run build:production';
  const { protocol, hostname } = new URL(siteUrl);
  if (protocol !== 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(hostname)) return `SITE_URL=${siteUrl} is not a public https address`;
  return null;
}
