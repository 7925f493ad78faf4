// Where the site lives. Dev and test builds default to the local preview server (astro.config.mjs);
// a production build must be told.

/** A production build (`npm run build:production`) must be told the site's public address: it is in every canonical link, the sitemap, JSON-LD and the open data. */
export function productionSiteError(argv: readonly string[], siteUrl: string | undefined): string | null {
  if (!argv.includes('--production')) return null;
  if (!siteUrl) return 'a production build needs the site\'s public address: SITE_URL=https://… npm run build:production';
  const { protocol, hostname } = new URL(siteUrl);
  if (protocol !== 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(hostname)) return `SITE_URL=${siteUrl} is not a public https address`;
  return null;
}
