// Bench: text reuse (issue 15).
// 1. The shares of every seed and every corpus document (../shared/corpus, read in place)
//    against its parent in the library and against Resolution 57 (../shared/reference).
// 2. The cost at scale: computeReuse on N synthetic plans (default 500, 1,000, 2,000, 3,500),
//    time and heap; about linear when the LSH candidates do their job.
//   npm run bench:reuse [-- --plans 500,1000,2000,3500] [-- --skip-scale]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSeeds } from './build/seeds.ts';
import { sharedCorpusDir as corpusDir, sharedReferenceDir } from './shared-folder.ts';
import { buildLibrary } from './build/library.ts';
import { readResolution } from './build/resolution.ts';
import { computeReuse } from './pipeline/reuse/compare.ts';
import { RESOLUTION_KEY } from './pipeline/reuse/sources.ts';
import type { Shares } from './contract/schemas/reuse.ts';
import type { Block, Level, Plan } from './pipeline/types.ts';
import { mulberry32 } from './pipeline/random.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { plans: { type: 'string', default: '500,1000,2000,3500' }, 'skip-scale': { type: 'boolean', default: false } } });

const corpusFiles = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort() : [];
const inputs = [
  ...readSeeds(join(root, 'seeds')),
  ...corpusFiles.map((f) => ({ file: `corpus/${f}`, bytes: new Uint8Array(readFileSync(join(corpusDir, f))), sidecar: null })),
];
const { plans } = buildLibrary(inputs);
const resolution = readResolution(process.env.REFERENCE_DIR ?? sharedReferenceDir);

const pct = (n: number) => `${(n * 100).toFixed(1).padStart(5)}%`;
const fmt = (s: Shares | undefined) => (s ? `${pct(s.reused)} ${pct(s.adapted)} ${pct(s.own)}` : '   (không có)       ');

let t0 = performance.now();
const data = computeReuse({ plans, resolution });
const ms = performance.now() - t0;
console.log(`Chép lại / chép có sửa / viết riêng, theo số chữ (Nghị quyết 57: ${resolution ? 'có, đọc tại chỗ từ ../shared/reference' : 'KHÔNG CÓ'}; ${plans.length} văn bản, ${ms.toFixed(0)} ms)\n`);
console.log(`${'Tệp'.padEnd(38)} ${'Chữ'.padStart(6)}  ${'Văn bản cấp trên'.padEnd(24)} ${'so với cấp trên: chép / sửa / riêng'.padEnd(22)}   so với NQ 57: chép / sửa / riêng`);
for (const plan of plans) {
  const r = data.plans.find((x) => x.plan === plan.id);
  if (!r) {
    console.log(`${plan.sourceFile.padEnd(38)} (là Nghị quyết 57: nguồn, không so sánh)`);
    continue;
  }
  const parent = r.parents[0];
  const vsParent = parent ? r.sources.find((s) => s.source === parent) : undefined;
  const vsResolution = r.sources.find((s) => s.source === RESOLUTION_KEY);
  const implementsText = plan.implements.filter((d) => d !== '57-NQ/TW').join(', ');
  const parentText = parent ? parent : implementsText ? `(${implementsText}: không có)` : '—';
  console.log(`${plan.sourceFile.padEnd(38)} ${String(r.words).padStart(6)}  ${parentText.slice(0, 24).padEnd(24)} ${fmt(vsParent)}   ${fmt(vsResolution)}`);
}

// Scale: plans in a tree like the real library (provinces implement the resolution, their
// communes implement the province), made of the seeds' paragraphs with the edits plans make.
function syntheticLibrary(base: Plan[], n: number): Plan[] {
  const rnd = mulberry32(15);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const words = base.flatMap((p) => p.blocks.flatMap((b) => b.text.split(/\s+/))).filter((w) => w.length > 1);
  const paragraphs = base.flatMap((p) => p.blocks.filter((b) => b.part === 'body' && b.kind !== 'heading'));
  const provinces = Math.max(1, Math.round(n / 10));
  const out: Plan[] = [];
  for (let i = 0; i < n; i++) {
    const parent = i < provinces ? null : out[Math.floor(rnd() * provinces)]!;
    const from = parent ?? base[i % base.length]!;
    const level: Level = parent ? 'xã' : 'tỉnh';
    const locality = `${parent ? 'Xã' : 'Tỉnh'} Số ${i + 1}`;
    const own = from.metadata.locality.value;
    const blocks: Block[] = from.blocks.map((b, k) => {
      const r = rnd();
      let text = b.text;
      if (b.part === 'body' && b.kind !== 'heading') {
        if (r < 0.2) text = text.replace(/\d+/g, (d) => String(Number(d) + 1 + Math.floor(rnd() * 9)));
        else if (r < 0.35) text = pick(paragraphs).text;
        else if (r < 0.5) text = Array.from({ length: 20 + Math.floor(rnd() * 40) }, () => pick(words)).join(' ');
      }
      if (own) text = text.split(own).join(locality);
      return { ...b, id: `d${k + 1}`, text };
    });
    const docId = `${i + 1}-KH/TU`;
    out.push({
      ...from,
      id: `synthetic-${i + 1}`,
      docId,
      implements: parent ? [parent.docId!, '57-NQ/TW'] : ['57-NQ/TW'],
      blocks,
      metadata: { ...from.metadata, locality: { value: locality, source: 'text' }, level: { value: level, source: 'text' } },
    });
  }
  return out;
}

if (!values['skip-scale']) {
  const base = plans.filter((p) => p.docId !== '57-NQ/TW' && !p.sourceFile.startsWith('corpus/'));
  console.log('\nQuy mô (thư viện tổng hợp: 1/10 cấp tỉnh, còn lại cấp xã thực hiện một tỉnh; 2 lõi dùng chung nên thời gian dao động)\n');
  console.log(`${'Văn bản'.padStart(8)} ${'Đoạn'.padStart(9)} ${'Thời gian'.padStart(10)} ${'CPU'.padStart(8)} ${'ms CPU/văn bản'.padStart(15)} ${'Heap'.padStart(9)}`);
  for (const n of values.plans!.split(',').map(Number)) {
    const library = syntheticLibrary(base, n);
    global.gc?.();
    t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = computeReuse({ plans: library, resolution });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    const paragraphs = result.plans.reduce((k, p) => k + p.paragraphs.length, 0);
    console.log(`${String(n).padStart(8)} ${String(paragraphs).padStart(9)} ${seconds.toFixed(1).padStart(9)}s ${cpuSeconds.toFixed(1).padStart(7)}s ${((cpuSeconds * 1000) / n).toFixed(1).padStart(15)} ${heap.toFixed(0).padStart(7)}MB`);
  }
}
