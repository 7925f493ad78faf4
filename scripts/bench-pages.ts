// `npm run bench:pages [-- --dist <folder>] [-- --strict]`: gzip size of every page of a built
// site by kind (median, largest) and every page over 35 KB. With a larger library:
//   node scripts/bench/scaled-content.ts --to /tmp/g500 --plans 500
//   CONTENT_GENERATED=/tmp/g500 ASTRO_OUT_DIR=/tmp/d500 npx astro build
//   npm run bench:pages -- --dist /tmp/d500
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measurePages, PAGE_BUDGET, summarizeKinds } from './bench/page-kinds.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, strict: { type: 'boolean', default: false } } });
const pages = measurePages(resolve(values.dist));
const kb = (n: number) => (n / 1024).toFixed(1);
console.log(`${pages.length} pages in ${values.dist}\n`);
console.log('| kind | pages | median KB gzip | largest KB gzip | largest page |\n| --- | ---: | ---: | ---: | --- |');
for (const k of summarizeKinds(pages)) console.log(`| ${k.kind} | ${k.pages} | ${kb(k.median)} | ${kb(k.largest.gzip)} | ${k.largest.path} |`);
const over = pages.filter((p) => p.gzip > PAGE_BUDGET);
console.log(over.length ? `\n${over.length} pages over ${kb(PAGE_BUDGET)} KB:\n${over.map((p) => `  ${kb(p.gzip)} ${p.path}`).join('\n')}` : `\nEvery page <= ${kb(PAGE_BUDGET)} KB gzip.`);
if (values.strict && over.length) process.exit(2);
