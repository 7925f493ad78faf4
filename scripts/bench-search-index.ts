// Bench: the search-index stage alone (buildSearchIndex, scripts/search/build-index.ts), as the
// site build calls it, on a folder of seeds put through the pipeline (e.g. a kept bench:scale
// run's seeds/) or on N synthetic plans (scripts/search/synthetic.ts). Prints the time of each
// part, the peak memory of this process and of the Pagefind services it starts, and, with the
// cache: a rebuild with nothing changed, and one after one plan changed, whose output is
// compared with a fresh full build file by file.
//   npm run bench:search-index -- --seeds <folder> [--document-cache <folder>] [--input <file>]
//   npm run bench:search-index -- --plans 1000
// --input keeps the pipeline's output (the stage's input) in a file and reads it from there next
// time; --document-cache starts the pipeline from a copy of a build's document cache.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { buildSearchIndex, type BuildSearchIndexOptions, type SearchIndexSummary } from './search/build-index.ts';
import { heldWhole, searchIndexOptions, type SearchStageInput } from './search/stage-input.ts';
import { sourceSiteData } from './search/seed-site-data.ts';
import { syntheticPlans } from './search/synthetic.ts';
import { scanSeeds } from './build/seeds.ts';
import { buildLibrary } from './build/library.ts';
import { reuseSiteData } from './build/reuse.ts';
import { generateSiteData } from './build/site-data.ts';
import { DocumentCache } from './build/document-cache.ts';
import { usageWhile, type ProcessUsage } from './bench/process-usage.ts';
import { changedFiles, fileTree } from '../tests/helpers/file-tree.ts';

function pipelineInput(seeds: string, documentCache: string | undefined, work: string): SearchStageInput {
  const cacheDir = join(work, 'documents');
  if (documentCache) cpSync(documentCache, cacheDir, { recursive: true });
  const scan = scanSeeds(seeds);
  const library = buildLibrary(scan.inputs, { earlier: scan.errors, cache: new DocumentCache(cacheDir) });
  const generated = generateSiteData(library, reuseSiteData(library.plans).marksByPlan);
  return { plans: generated.plans, documents: generated.documents, indicatorsByPlan: generated.indicatorsByPlan };
}

function syntheticInput(n: number): SearchStageInput {
  const sources = sourceSiteData();
  return { plans: syntheticPlans(sources.plans, n), documents: sources.documents, indicatorsByPlan: new Map() };
}

/** A plan edited as an office would: a sentence added to its last paragraph. */
function editOnePlan(input: SearchStageInput): { input: SearchStageInput; id: string } {
  const i = input.plans.length >> 1;
  const plan = input.plans[i]!;
  const last = plan.blocks.length - 1;
  const blocks = plan.blocks.map((b, k) => (k === last ? { ...b, text: `${b.text} Điều chỉnh: bổ sung nhiệm vụ rà soát kết quả thực hiện hằng quý.` } : b));
  return { input: { ...input, plans: input.plans.map((p, k) => (k === i ? { ...plan, blocks } : p)) }, id: plan.id };
}

interface Run {
  label: string;
  summary: SearchIndexSummary;
  wallMs: number;
  memory: ProcessUsage;
}

async function run(label: string, options: BuildSearchIndexOptions): Promise<Run> {
  const started = performance.now();
  const { result: summary, usage: memory } = await usageWhile(() => buildSearchIndex(options));
  const r = { label, summary, wallMs: performance.now() - started, memory };
  console.error(`${label}: ${(r.wallMs / 1000).toFixed(1)} s`);
  return r;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function table(runs: Run[]): string {
  const parts = [...new Set(runs.flatMap((r) => Object.keys(r.summary.timings.parts)))];
  const rows: [string, (r: Run) => string][] = [
    ['plans', (r) => String(r.summary.plans)],
    ['records', (r) => String(r.summary.records)],
    ['bundles indexed / linked from the cache', (r) => `${r.summary.timings.bundles.filter((b) => !b.cached).length} / ${r.summary.timings.bundles.filter((b) => b.cached).length}`],
    ['Pagefind services (in parallel)', (r) => String(r.summary.timings.services)],
    ...parts.map((p): [string, (r: Run) => string] => [`part: ${p}`, (r) => s(r.summary.timings.parts[p] ?? 0)]),
    ['slowest bundle', (r) => {
      const b = [...r.summary.timings.bundles].sort((x, y) => y.ms - x.ms)[0];
      return b ? `${b.key || 'primary'} ${s(b.ms)}` : '—';
    }],
    ['wall time', (r) => s(r.wallMs)],
    ['CPU time: this process (worker threads included)', (r) => s(r.memory.selfCpuMs)],
    ['CPU time: Pagefind services', (r) => s(r.memory.childCpuMs)],
    ['peak RSS: this process', (r) => mb(r.memory.self)],
    ['peak RSS: one Pagefind service (largest)', (r) => mb(r.memory.childMax)],
    ['peak RSS: this process + its services at once', (r) => mb(r.memory.tree)],
  ];
  return [`| figure | ${runs.map((r) => r.label).join(' | ')} |`, `| --- |${runs.map(() => ' --- |').join('')}`, ...rows.map(([name, f]) => `| ${name} | ${runs.map(f).join(' | ')} |`)].join('\n');
}

const { values } = parseArgs({
  options: {
    seeds: { type: 'string' },
    plans: { type: 'string' },
    'document-cache': { type: 'string' },
    input: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
if (!values.seeds === !values.plans) throw new Error('give --seeds <folder> or --plans <N>');
const work = mkdtempSync(join(tmpdir(), 'bench-search-index-'));
try {
  let input: SearchStageInput;
  if (values.input && existsSync(values.input)) input = deserialize(readFileSync(values.input)) as SearchStageInput;
  else {
    input = values.seeds ? pipelineInput(values.seeds, values['document-cache'], work) : syntheticInput(Number(values.plans));
    if (values.input) writeFileSync(values.input, serialize(input));
  }
  const cache = join(work, 'cache');
  const runs = [await run('full build', searchIndexOptions(heldWhole(input), join(work, 'full'), cache))];
  runs.push(await run('rebuild, nothing changed', searchIndexOptions(heldWhole(input), join(work, 'same'), cache)));
  const edited = editOnePlan(input);
  runs.push(await run(`rebuild, ${edited.id} changed`, searchIndexOptions(heldWhole(edited.input), join(work, 'edited'), cache)));
  runs.push(await run('full build of the changed plans, no cache', searchIndexOptions(heldWhole(edited.input), join(work, 'fresh'))));
  console.log(table(runs));
  const differ = changedFiles(fileTree(join(work, 'edited')), fileTree(join(work, 'fresh')));
  console.log(differ.length ? `\nthe rebuild differs from a full build in ${differ.length} files: ${differ.slice(0, 10).join(', ')}` : '\nthe rebuild equals a full build, byte for byte');
  process.exitCode = differ.length ? 1 : 0;
} finally {
  if (values.keep) console.error(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
