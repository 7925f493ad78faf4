// Rules for elements that only some pages have. Pages inline their CSS and a plan page pays
// for every byte of it, so each set goes into a page's <head> only when the page has an
// element with its class (Base.astro looks at the rendered body).
import notice from './optional/notice.css?inline';
import restored from './optional/restored.css?inline';
import sources from './optional/sources.css?inline';
import outlineD2 from './optional/outline-d2.css?inline';
import baseline from './optional/baseline.css?inline';
import docTable from './optional/doc-table.css?inline';

const SETS: readonly { className: string; css: string }[] = [
  { className: 'notice', css: notice },
  { className: 'unsure', css: restored },
  { className: 'scan', css: restored },
  { className: 'sources', css: sources },
  { className: 'd2', css: outlineD2 },
  { className: 'baseline', css: baseline },
  { className: 'tbl', css: docTable },
];

/** The CSS of the sets whose class occurs in `html` (each set once). */
export function optionalCss(html: string): string {
  const classes = new Set([...html.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)));
  return [...new Set(SETS.filter((s) => classes.has(s.className)).map((s) => s.css))].join('');
}
