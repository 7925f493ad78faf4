// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { readFileSync } from 'node:fs';

// SITE_URL sets the canonical origin; the default is the local preview server.
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';

// The palette is written once, as custom properties in src/styles/base.css. Pages inline
// their CSS (plan pages pay for every byte of it), so the build writes each colour in place
// of its var(--…) and drops the :root block: about 70 B of gzip less on every page.
// (Read once at startup: restart `astro dev` after changing the palette.)
function inlinePalette() {
  const basePath = new URL('./src/styles/base.css', import.meta.url);
  const rootBlock = /:root\s*\{([^}]*)\}/;
  const palette = new Map([...rootBlock.exec(readFileSync(basePath, 'utf8'))[1].matchAll(/(--[\w-]+)\s*:\s*([^;]+?)\s*(?:;|$)/g)].map((m) => [m[1], m[2]]));
  return {
    name: 'inline-palette',
    enforce: /** @type {const} */ ('pre'),
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!/\.css(\?|$)/.test(id)) return null;
      const out = (id.startsWith(basePath.pathname) ? code.replace(rootBlock, '') : code)
        .replace(/var\((--[\w-]+)\)/g, (m, name) => palette.get(name) ?? m);
      return out === code ? null : { code: out, map: null };
    },
  };
}

export default defineConfig({
  site,
  trailingSlash: 'always',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  // A build of test fixtures keeps its own cache so it never mixes with the real site's.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'always' },
  markdown: { processor: unified({ remarkPlugins: [remarkGfm], smartypants: false }) },
  integrations: [mdx(), sitemap()],
  devToolbar: { enabled: false },
  vite: { plugins: [inlinePalette()] },
});
