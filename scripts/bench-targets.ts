// `npx node scripts/bench-targets.ts [seeds-folder]`: a report on target extraction over
// the seeds (it builds nothing): time per 1,000 characters (first run and warm), and per
// plan how many targets, how many with an indicator of the taxonomy, baselines, years; those
// with an indicator derived from their own words
// listed so a reviewer can read them against the text.
import { resolve } from 'node:path';
import { buildLibrary } from './build/library.ts';
import { readSeeds } from './build/seeds.ts';
import { targetsSiteData } from './pipeline/targets/site-targets.ts';

const library = buildLibrary(readSeeds(resolve(process.argv[2] ?? 'seeds')));
const chars = library.plans.reduce((s, p) => s + p.blocks.reduce((a, b) => a + b.text.length, 0), 0);

let t0 = performance.now();
const data = targetsSiteData(library.plans);
const first = performance.now() - t0;
const runs = 10;
t0 = performance.now();
for (let i = 0; i < runs; i++) targetsSiteData(library.plans);
const warm = (performance.now() - t0) / runs;
const per1k = (ms: number) => ((ms / chars) * 1000).toFixed(2);

console.log(`${library.plans.length} văn bản, ${chars.toLocaleString('vi-VN')} ký tự`);
console.log(`lần đầu: ${first.toFixed(0)} ms (${per1k(first)} ms/1.000 ký tự, gồm biên dịch từ điển); lần sau: ${warm.toFixed(0)} ms (${per1k(warm)} ms/1.000 ký tự)`);
console.log('');
console.log('văn bản | chỉ tiêu | theo danh mục | số liệu nền | theo năm');
for (const p of library.plans) {
  const ts = data.targets.filter((t) => t.plan === p.id);
  const years: Record<string, number> = {};
  for (const t of ts) years[t.year ?? 'không năm'] = (years[t.year ?? 'không năm'] ?? 0) + 1;
  console.log(`${p.id} | ${ts.length} | ${ts.filter((t) => !t.derived).length} | ${ts.filter((t) => t.kind === 'baseline').length} | ${Object.entries(years).map(([y, n]) => `${y}: ${n}`).join(', ')}`);
}
const derived = data.targets.filter((t) => t.derived);
console.log(`\nchỉ tiêu rút ra từ lời văn (${derived.length}):`);
for (const t of derived) console.log(`  ${t.url}  ${t.indicator}  ${t.comparator} ${t.value}${t.valueMax != null ? `–${t.valueMax}` : ''} ${t.unit ?? ''}  «${t.quote.slice(0, 100)}»`);
const kinds: Record<string, number> = {};
for (const f of data.findings) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
console.log(`\nphát hiện: ${JSON.stringify(kinds)}`);
