// `npm run bench [-- --strict] [-- --dist <folder>]`: the page-weight report of the built
// site (it builds nothing: run `npm run build` first). Prints a table and writes
// <dist>/bench.json. Exits 0 (it is a report) unless --strict and a budget is exceeded.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureSite } from './bench/measure.ts';
import { formatReport } from './bench/report.ts';

const { values } = parseArgs({
  options: { strict: { type: 'boolean', default: false }, dist: { type: 'string', default: 'dist' } },
});
const dist = resolve(values.dist);

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`${dist}/index.html không có: hãy chạy \`npm run build\` trước.`);
  process.exit(1);
}

const report = measureSite(dist);
console.log(formatReport(report));
writeFileSync(join(dist, 'bench.json'), JSON.stringify(report, null, 2) + '\n');
console.log(`Báo cáo JSON: ${join(dist, 'bench.json')}`);

if (values.strict && !(report.pass.bytes && report.pass.ratio)) {
  console.error('--strict: vượt ngân sách.');
  process.exit(2);
}
