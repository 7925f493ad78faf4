// No broken links in the built site: every same-site link, stylesheet, script or image of
// every HTML page points at a file of dist/, page links end with "/" (trailingSlash
// 'always'), and a link to "#id" of a page finds that id there.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { ensureSite, htmlPages } from './helpers/site.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const dist = await ensureSite();
const ORIGIN = 'http://site.invalid';

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  if ('childNodes' in node) for (const c of node.childNodes) yield* elements(c);
}

const fileOf = (path: string) => join(dist, decodeURIComponent(path.endsWith('/') ? `${path}index.html` : path));

interface PageInfo {
  ids: Set<string>;
  refs: { attr: string; value: string }[];
}

const pages = new Map<string, PageInfo>();
for (const path of htmlPages(dist)) {
  const info: PageInfo = { ids: new Set(), refs: [] };
  for (const el of elements(parse(readFileSync(fileOf(path), 'utf8')))) {
    for (const a of el.attrs) {
      if (a.name === 'id' || (a.name === 'name' && el.tagName === 'a')) info.ids.add(a.value);
      const isRef =
        (a.name === 'href' && (el.tagName === 'a' || el.tagName === 'link' || el.tagName === 'area')) ||
        (a.name === 'src' && ['script', 'img', 'iframe', 'source'].includes(el.tagName));
      if (isRef) info.refs.push({ attr: `<${el.tagName} ${a.name}>`, value: a.value });
    }
  }
  pages.set(path, info);
}

/** What is wrong with one reference from `from`, or null. */
function problem(from: string, value: string): string | null {
  const url = new URL(value, ORIGIN + from);
  if (url.origin !== ORIGIN) return null; // other origins are the third-party test's concern
  const path = url.pathname;
  const file = fileOf(path);
  if (!existsSync(file)) return `${value}: no such file in dist/`;
  if (statSync(file).isDirectory()) {
    return existsSync(join(file, 'index.html')) ? `${value}: page links need a trailing "/"` : `${value}: a folder without index.html`;
  }
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (fragment) {
    const target = pages.get(path);
    if (target && !target.ids.has(fragment)) return `${value}: no element with id "${fragment}" on ${path}`;
  }
  return null;
}

describe('links of the built site', () => {
  it('has pages to check', () => {
    expect(pages.size).toBeGreaterThan(0);
  });

  it('every same-site reference of every page resolves (file, trailing slash, #id)', () => {
    // One line per distinct problem: where it first occurs and on how many pages.
    const broken = new Map<string, { first: string; pages: number }>();
    for (const [path, info] of pages) {
      for (const ref of info.refs) {
        const p = problem(path, ref.value);
        if (!p) continue;
        const key = `${ref.attr} ${p}`;
        const seen = broken.get(key);
        if (seen) seen.pages++;
        else broken.set(key, { first: path, pages: 1 });
      }
    }
    expect([...broken].map(([k, { first, pages: n }]) => `${k} (on ${first}${n > 1 ? ` and ${n - 1} more` : ''})`)).toEqual([]);
  });
});
