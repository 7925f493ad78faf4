// A Vite plugin for the build: the palette is written once, as custom properties in
// src/styles/base.css, but pages inline their CSS (a plan page pays for every byte of it),
// so each var(--…) becomes its colour and the :root block goes: about 70 B of gzip less on
// every page. The palette is read once at startup: restart `astro dev` after changing it.
import { readFileSync } from 'node:fs';

const ROOT_BLOCK = /:root\s*\{([^}]*)\}/;

/** The custom properties of a stylesheet's :root block ("--accent" → "#0b5394"). */
export function paletteOf(css: string): Map<string, string> {
  const block = ROOT_BLOCK.exec(css)?.[1] ?? '';
  return new Map([...block.matchAll(/(--[\w-]+)\s*:\s*([^;]+?)\s*(?:;|$)/g)].map((m) => [m[1]!, m[2]!]));
}

/** The stylesheet with every known var(--…) written out; the palette's own :root block dropped. */
export function inlineColours(css: string, palette: Map<string, string>, dropRoot: boolean): string {
  return (dropRoot ? css.replace(ROOT_BLOCK, '') : css).replace(/var\((--[\w-]+)\)/g, (m, name: string) => palette.get(name) ?? m);
}

export function inlinePalette(baseCss: URL) {
  const palette = paletteOf(readFileSync(baseCss, 'utf8'));
  return {
    name: 'inline-palette',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!/\.css(\?|$)/.test(id)) return null;
      const out = inlineColours(code, palette, id.startsWith(baseCss.pathname));
      return out === code ? null : { code: out, map: null };
    },
  };
}
