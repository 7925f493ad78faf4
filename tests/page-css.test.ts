// The CSS each page inlines, read from the built site: colours written out (no var(--…),
// no :root block; src/integrations/inline-palette.ts) and each optional rule set
// (src/styles/optional/) present exactly on the pages whose body uses its class.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSite, htmlPages } from './helpers/site.ts';
import { paletteOf } from '../src/integrations/inline-palette.ts';

const dist = await ensureSite();
const fileOf = (path: string) => join(dist, path.endsWith('/') ? `${path}index.html` : path);

const pages = htmlPages(dist).map((path) => {
  const html = readFileSync(fileOf(path), 'utf8');
  const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  const body = html.slice(html.indexOf('<body'));
  const classes = new Set([...body.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)));
  return { path, css, classes };
});

// The classes the optional sets style, read from their files (".notice {", ".unsure, …").
const optionalDir = new URL('../src/styles/optional/', import.meta.url);
const optionalClasses = readdirSync(optionalDir)
  .filter((f) => f.endsWith('.css'))
  .flatMap((f) => [...readFileSync(new URL(f, optionalDir), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\.([a-z][\w-]*)(?=[^{}]*\{)/g)].map((m) => m[1]!))
  .filter((c) => c !== 'doc');

describe('inlined CSS', () => {
  it('was read from every page', () => {
    expect(pages.length).toBeGreaterThan(50);
    for (const p of pages) expect(p.css.length, p.path).toBeGreaterThan(500);
  });

  it('has the palette written out: no var(--<palette colour>) and no :root block', () => {
    const palette = paletteOf(readFileSync(new URL('../src/styles/base.css', import.meta.url), 'utf8'));
    expect([...palette.keys()]).toEqual(expect.arrayContaining(['--ink', '--accent']));
    for (const p of pages) {
      for (const name of palette.keys()) expect(p.css, p.path).not.toContain(`var(${name})`);
      expect(p.css, p.path).not.toMatch(/:root\s*\{/);
      // Its values are there instead ("--accent" is the links' colour).
      expect(p.css, p.path).toContain(palette.get('--accent'));
    }
  });

  it('carries an optional rule set exactly where the page uses its class', () => {
    expect(new Set(optionalClasses)).toEqual(new Set(['notice', 'unsure', 'scan', 'sources', 'd2', 'baseline', 'tbl']));
    const used = new Set<string>();
    for (const p of pages) {
      for (const cls of optionalClasses) {
        const styled = new RegExp(String.raw`\.${cls}(?![\w-])`).test(p.css);
        expect(styled, `${p.path}: .${cls}`).toBe(p.classes.has(cls));
        if (styled) used.add(cls);
      }
    }
    // The seeds use most sets (the restored scan, its notice, sidecar notes, the outline, baselines).
    expect(used.size).toBeGreaterThanOrEqual(5);
  });
});
