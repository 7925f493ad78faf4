// Text reuse on the built site (issue 15): every comparison the data promises has its
// page and its link from the plan page; against Resolution 57 a page shows the plan's
// own words only (the resolution's text is never published); the marks lead to the source.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { ensureSite, readPlanParagraphs } from './helpers/site.ts';
import { reuseData } from '../scripts/contract/schemas/reuse.ts';
import { RESOLUTION_KEY } from '../scripts/pipeline/reuse/sources.ts';
import { comparisonUrl } from '../scripts/contract/addresses.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const dist = await ensureSite();
const data = reuseData.parse(JSON.parse(readFileSync(join(dist, 'data', 'reuse.json'), 'utf8')));
const html = (path: string) => readFileSync(join(dist, decodeURIComponent(path), 'index.html'), 'utf8');

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  if ('childNodes' in node) for (const c of node.childNodes) yield* elements(c);
}
const textOf = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '');
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

describe('reuse pages', () => {
  it('/data/reuse.json matches its schema and covers every plan compared', () => {
    expect(data.plans.length).toBeGreaterThan(0);
    expect(existsSync(join(dist, 'data', 'reuse.schema.json'))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(dist, 'data', 'datapackage.json'), 'utf8')) as { resources: { path: string }[] };
    expect(pkg.resources.some((r) => r.path.endsWith('reuse.json'))).toBe(true);
  });

  it('each plan page links to each of its comparisons, and each comparison page exists', () => {
    for (const r of data.plans) {
      const page = html(`van-ban/${r.plan}`);
      for (const s of r.sources) {
        expect(page, r.plan).toContain(`href="${comparisonUrl(r.plan, s.source)}"`);
        expect(existsSync(join(dist, comparisonUrl(r.plan, s.source), 'index.html'))).toBe(true);
      }
    }
  });

  it('against Resolution 57, every paragraph shown is the plan\'s own paragraph, word for word', () => {
    const compared = data.plans.filter((r) => r.sources.some((s) => s.source === RESOLUTION_KEY));
    if (!data.resolution.available) return expect(compared).toEqual([]);
    expect(compared.length).toBeGreaterThan(0);
    for (const r of compared) {
      const texts = new Map(readPlanParagraphs(dist, r.plan).map((p) => [p.id, p.text.replace(/\s+/g, ' ')]));
      const rows = [...elements(parse(html(comparisonUrl(r.plan, RESOLUTION_KEY).slice(1))))].filter((el) => attr(el, 'class')?.startsWith('row ') && attr(el, 'id'));
      expect(rows.length).toBe(r.paragraphs.length);
      for (const row of rows) {
        const shown = row.childNodes.find((c): c is Element => 'tagName' in c && c.tagName === 'p')!;
        expect(textOf(shown).replace(/\s+/g, ' '), `${r.plan}#${attr(row, 'id')}`).toBe(texts.get(attr(row, 'id')!));
      }
    }
  });

  it('a copied paragraph\'s mark leads to its source paragraph, or to its row of the comparison', () => {
    let marks = 0;
    for (const r of data.plans) {
      for (const el of elements(parse(html(`van-ban/${r.plan}`)))) {
        if (el.tagName !== 'sup' || !el.attrs.some((a) => a.name === 'data-pagefind-ignore')) continue;
        const link = el.childNodes.find((c): c is Element => 'tagName' in c && c.tagName === 'a')!;
        const [path, id] = attr(link, 'href')!.split('#');
        expect(html(path!.slice(1)), attr(link, 'href')).toContain(`id="${id}"`);
        marks++;
      }
    }
    expect(marks).toBeGreaterThan(0);
  });
});
