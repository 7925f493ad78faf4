// Bytes a reader downloads per page of the built site: the HTML plus the CSS and JS it
// references (followed through static JS imports), each counted once per page, gzip -6.
// Plan pages are also compared with the gzip size of the plan's own plain text.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { htmlPages, readPlanList, readPlanParagraphs } from './built-site.ts';
import type { PlanParagraph } from './built-site.ts';
import { documentPart, partCosts, type PartCost } from './breakdown.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export const BUDGET = { planPageBytes: 35 * 1024, planTextRatio: 1.5 } as const;

export function gzipSize(body: Uint8Array | string): number {
  return gzipSync(body, { level: 6 }).length;
}

function* walk(node: Node): Generator<Node> {
  yield node;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* walk(child);
  if (node.nodeName === 'template' && 'content' in node) yield* walk((node as Element & { content: Node }).content);
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value ?? null;

export interface AssetRef {
  kind: 'css' | 'js';
  /** Absolute URL, resolved against the page (origin http://site.invalid for our own files). */
  url: string;
}

export const SITE_ORIGIN = 'http://site.invalid';

/** The stylesheets and scripts an HTML page makes the browser download. */
export function pageAssets(html: string, pagePath: string): AssetRef[] {
  const base = new URL(pagePath, SITE_ORIGIN);
  const refs: AssetRef[] = [];
  for (const node of walk(parse(html))) {
    if (!('tagName' in node)) continue;
    const el = node as Element;
    if (el.tagName === 'base' && attr(el, 'href')) base.href = new URL(attr(el, 'href')!, base).href;
    const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(el, 'href');
    if (el.tagName === 'link' && href) {
      const as = attr(el, 'as');
      if (rel.includes('stylesheet') || (rel.includes('preload') && as === 'style')) refs.push({ kind: 'css', url: new URL(href, base).href });
      else if (rel.includes('modulepreload') || (rel.includes('preload') && as === 'script')) refs.push({ kind: 'js', url: new URL(href, base).href });
    }
    const src = attr(el, 'src');
    if (el.tagName === 'script' && src) refs.push({ kind: 'js', url: new URL(src, base).href });
  }
  return refs;
}

/** Static imports of an ES module (`import … from "x"`, `import "x"`, `export … from "x"`), resolved. */
export function jsImports(js: string, jsUrl: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"'\s]+)["']/g;
  for (const m of js.matchAll(pattern)) {
    const spec = m[1]!;
    if (/^(\.{1,2}\/|\/)/.test(spec)) found.add(new URL(spec, jsUrl).href);
  }
  return [...found];
}

/** CSS @import targets. */
export function cssImports(css: string, cssUrl: string): string[] {
  const found = new Set<string>();
  for (const m of css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)) found.add(new URL(m[1]!, cssUrl).href);
  return [...found];
}

export interface PageMeasure {
  path: string;
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  totalGzip: number;
  /** Site files referenced by the page (CSS + JS), each counted once. */
  assets: string[];
  /** References to other origins or to files missing from dist/ (not counted: reported). */
  unresolved: string[];
}

function fileFor(dist: string, url: URL): string {
  return join(dist, decodeURIComponent(url.pathname));
}

export function measurePage(dist: string, pagePath: string, html: string): PageMeasure {
  const seen = new Set<string>();
  const unresolved: string[] = [];
  const sizes = { css: 0, js: 0 };
  const queue: AssetRef[] = pageAssets(html, pagePath);
  while (queue.length) {
    const ref = queue.shift()!;
    if (seen.has(ref.url)) continue;
    seen.add(ref.url);
    const url = new URL(ref.url);
    const file = fileFor(dist, url);
    if (url.origin !== SITE_ORIGIN || !existsSync(file)) {
      unresolved.push(url.origin === SITE_ORIGIN ? url.pathname : url.href);
      continue;
    }
    const body = readFileSync(file);
    sizes[ref.kind] += gzipSize(body);
    const next = ref.kind === 'js' ? jsImports(body.toString('utf8'), ref.url) : cssImports(body.toString('utf8'), ref.url);
    for (const u of next) queue.push({ kind: ref.kind, url: u });
  }
  const htmlGzip = gzipSize(html);
  const assets = [...seen].map((u) => new URL(u)).filter((u) => u.origin === SITE_ORIGIN).map((u) => u.pathname);
  return {
    path: pagePath,
    htmlGzip,
    cssGzip: sizes.css,
    jsGzip: sizes.js,
    totalGzip: htmlGzip + sizes.css + sizes.js,
    assets: assets.filter((a) => !unresolved.includes(a)),
    unresolved,
  };
}

/** The visible text of an HTML document (scripts, styles and templates left out), whitespace-collapsed. */
export function htmlText(html: string): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeName === '#text' && 'value' in node) parts.push(node.value);
    if (['script', 'style', 'template', 'noscript', 'head'].includes(node.nodeName)) return;
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parse(html));
  return parts.join(' ').normalize('NFC').replace(/\s+/g, ' ');
}

export interface PlanText {
  text: string;
  /** True when scanned `original` texts are shown on the page and so counted in `text`. */
  includesOriginal: boolean;
}

/** The plan's plain text: paragraph texts joined by newlines, plus shown scan originals. */
export function planText(paragraphs: readonly PlanParagraph[], pageHtml: string): PlanText {
  const originals = paragraphs.map((p) => p.original).filter((o): o is string => typeof o === 'string' && o.trim() !== '');
  const shown = originals.length > 0 && (() => {
    const visible = htmlText(pageHtml);
    return originals.some((o) => visible.includes(o.normalize('NFC').replace(/\s+/g, ' ').trim()));
  })();
  const parts = paragraphs.map((p) => p.text);
  if (shown) parts.push(...originals);
  return { text: parts.join('\n'), includesOriginal: shown };
}

export interface PlanMeasure extends PageMeasure {
  planId: string;
  textGzip: number;
  ratio: number;
  includesOriginal: boolean;
  withinBytes: boolean;
  withinRatio: boolean;
  /** The <article> alone against the text (null without one): what the document's own markup costs. */
  documentRatio: number | null;
  /** What each part of the page costs (breakdown.ts). */
  parts: PartCost[];
}

export interface BenchReport {
  generatedAt: string;
  dist: string;
  budget: typeof BUDGET;
  pages: PageMeasure[];
  plans: PlanMeasure[];
  /** Build duration in ms from dist/build-info.json, when the build wrote it. */
  buildMs: number | null;
  pass: { bytes: boolean; ratio: boolean };
}

/** Build time from dist/build-info.json, whatever name the build gave the field. */
export function readBuildMs(dist: string): number | null {
  const file = join(dist, 'build-info.json');
  if (!existsSync(file)) return null;
  const info = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  for (const key of ['durationMs', 'buildMs', 'totalMs', 'elapsedMs']) if (typeof info[key] === 'number') return info[key];
  for (const key of ['durationSeconds', 'seconds', 'buildSeconds']) if (typeof info[key] === 'number') return info[key] * 1000;
  return null;
}

export function measureSite(dist: string): BenchReport {
  const pages = htmlPages(dist).map((path) => {
    const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
    return measurePage(dist, path, readFileSync(file, 'utf8'));
  });
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const plans: PlanMeasure[] = [];
  for (const entry of readPlanList(dist)) {
    const page = byPath.get(entry.path);
    if (!page) throw new Error(`plan ${entry.id}: its page ${entry.path} is not in the built site`);
    const html = readFileSync(join(dist, entry.path, 'index.html'), 'utf8');
    const text = planText(readPlanParagraphs(dist, entry.id), html);
    const textGzip = gzipSize(text.text);
    const ratio = page.totalGzip / textGzip;
    const article = documentPart(html);
    plans.push({
      ...page,
      planId: entry.id,
      textGzip,
      ratio,
      includesOriginal: text.includesOriginal,
      withinBytes: page.totalGzip <= BUDGET.planPageBytes,
      withinRatio: ratio <= BUDGET.planTextRatio,
      documentRatio: article ? gzipSize(article) / textGzip : null,
      parts: partCosts(html),
    });
  }
  return {
    generatedAt: new Date().toISOString(),
    dist,
    budget: BUDGET,
    pages,
    plans,
    buildMs: readBuildMs(dist),
    pass: { bytes: plans.every((p) => p.withinBytes), ratio: plans.every((p) => p.withinRatio) },
  };
}
