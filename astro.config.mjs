// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { inlinePalette } from './src/integrations/inline-palette.ts';
import { linkedRestore } from './src/integrations/linked-restore.ts';
import { PREVIEW_SITE } from './scripts/build/site-url.ts';

// SITE_URL sets the canonical origin; the default is the local preview server.
const site = process.env.SITE_URL ?? PREVIEW_SITE;

export default defineConfig({
  site,
  trailingSlash: 'always',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  // A build of test fixtures keeps its own cache so it never mixes with the real site's.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 8 },
  markdown: { processor: unified({ remarkPlugins: [remarkGfm], smartypants: false }) },
  // Unchanged pages hard-linked from Astro's copy of the last build, not copied (see the integration's header).
  integrations: [sitemap(), linkedRestore()],
  devToolbar: { enabled: false },
  // A page whose cacheKey (src/utils/page-keys.ts) and code are unchanged since the last build is
  // reused from that build (kept in cacheDir/dist/), not rendered again.
  experimental: { incrementalBuild: true },
  // Colours written in place of var(--…) in the inlined CSS (see the plugin's header).
  vite: { plugins: [inlinePalette(new URL('./src/styles/base.css', import.meta.url))] },
});
