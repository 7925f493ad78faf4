// The main job: seeds/ → content/generated/ → Astro → search index → dist/.
// content/generated/ and dist/ are both built in temporary folders and swapped in
// together only when every step succeeded: a bad seed, a failed step or an
// interrupted build (SIGINT, SIGTERM) leaves both as they were and no temporary
// folder behind (one left by a killed build is removed by the next). Every run
// prints a build report; a successful one publishes it as data/build-report.json.
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { scanSeeds } from './build/seeds.ts';
import { buildCorpus, BuildInputError } from './build/corpus-build.ts';
import { generateSiteData } from './build/site-data.ts';
import { buildSearchIndex } from './search/build-index.ts';
import { citedDocumentPages, FILTERS } from './search/records.ts';
import { buildReportSchema, formatReport, StageClock, type BuildReport, type FileAccount } from './build/report.ts';
import { byCodePoint } from './pipeline/plan.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const seedsDir = process.env.SEEDS_DIR ?? join(root, 'seeds');
const contentDir = process.env.CONTENT_GENERATED ?? join(root, 'content', 'generated');
const distDir = process.env.DIST_DIR ?? join(root, 'dist');

const freshContent = `${contentDir}.tmp-${process.pid}`;
const freshDist = `${distDir}.tmp-${process.pid}`;
let astro: ChildProcess | null = null;

function removeTemporaryFolders(): void {
  astro?.kill('SIGTERM');
  for (const dir of [freshContent, freshDist]) rmSync(dir, { recursive: true, force: true });
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Folders a killed build left beside `target`: temporary ones are removed; a target caught mid-swap is put back. */
function cleanUpAfterKilledBuilds(target: string): void {
  const dir = dirname(target);
  if (!existsSync(dir)) return;
  const leftovers = readdirSync(dir)
    .map((name) => ({ name, match: new RegExp(`^${basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)$`).exec(name) }))
    .filter((l) => l.match && !isRunning(Number(l.match[2])));
  for (const { name, match } of leftovers) {
    if (match![1] === 'old' && !existsSync(target)) renameSync(join(dir, name), target);
    else rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** Replace each target by its fresh folder: all the renames together, after every step succeeded. */
function swapIn(pairs: [fresh: string, target: string][]): void {
  const olds = pairs.map(([, target]) => `${target}.old-${process.pid}`);
  pairs.forEach(([, target], i) => existsSync(target) && renameSync(target, olds[i]!));
  pairs.forEach(([fresh, target]) => renameSync(fresh, target));
  for (const old of olds) rmSync(old, { recursive: true, force: true });
}

function writeTree(dir: string, files: Map<string, string | Uint8Array>): void {
  for (const [path, content] of files) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Paths of the symbolic links under `dir`: a published site holds none. */
function symlinksUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => lstatSync(join(dir, p)).isSymbolicLink());
}

function runAstro(memoryFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Astro's entry run by this very Node (the pinned one), whatever `node` the PATH finds first.
    astro = spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        ASTRO_OUT_DIR: freshDist,
        CONTENT_GENERATED: freshContent,
        NQ57_PEAK_MEMORY_FILE: memoryFile,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${new URL('./build/peak-memory.mjs', import.meta.url).href}`.trim(),
      },
    });
    astro.on('error', reject);
    astro.on('exit', (code, signal) => {
      astro = null;
      if (code === 0) resolve();
      else reject(new Error(`astro build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

function report(status: BuildReport['status'], files: FileAccount[], warnings: string[], clock: StageClock): BuildReport {
  return buildReportSchema.parse({ status, files: [...files].sort((a, b) => byCodePoint(a.file, b.file)), warnings, stages: clock.stages });
}

async function main(): Promise<void> {
  const started = performance.now();
  const clock = new StageClock();
  for (const target of [contentDir, distDir]) cleanUpAfterKilledBuilds(target);
  const scan = clock.run('read seeds', () => scanSeeds(seedsDir));
  let corpus;
  try {
    corpus = buildCorpus(scan.inputs, (name, work) => clock.run(name, work), scan.errors);
  } catch (error) {
    if (error instanceof BuildInputError) {
      console.error(formatReport(report('stopped', [...scan.accounts, ...error.accounts], [], clock)));
    }
    throw error;
  }
  for (const w of corpus.warnings) console.warn(`warning: ${w}`);

  const generated = clock.run('site data', () => generateSiteData(corpus));
  const pipelineMs = performance.now() - started;
  try {
    rmSync(freshContent, { recursive: true, force: true });
    writeTree(freshContent, generated.files);
    const memoryFile = join(freshContent, '.astro-peak-memory');
    await clock.runAsync('astro', () => runAstro(memoryFile));
    // Astro's own peak (its process, not this one), when the preload could note it.
    if (existsSync(memoryFile)) {
      clock.stages.at(-1)!.peakRssMb = Math.round(Math.max(...readFileSync(memoryFile, 'utf8').trim().split('\n').map(Number)) / 1024);
      rmSync(memoryFile);
    }
    await clock.runAsync('search index', () =>
      buildSearchIndex({
        plans: generated.plans,
        pages: citedDocumentPages(generated.documents),
        outDir: freshDist,
        planFilters: (plan) => ({ [FILTERS.indicator]: generated.indicatorsByPlan.get(plan.id) ?? [] }),
      }),
    );
    // The downloadable source is the seed file itself, byte for byte: the bytes that were read, never a link.
    const bytesOf = new Map(scan.inputs.map((i) => [i.file, i.bytes]));
    clock.run('sources', () => writeTree(join(freshDist, 'nguon'), new Map(generated.plans.map((p) => [`${p.id}.txt`, bytesOf.get(p.sourceFile)!]))));
    const links = symlinksUnder(freshDist);
    if (links.length) throw new Error(`the built site holds symbolic links, never published: ${links.join(', ')}`);
    const final = report('built', [...scan.accounts, ...corpus.accounts], corpus.warnings, clock);
    writeFileSync(join(freshDist, 'data', 'build-report.json'), JSON.stringify(final, null, 1));
    writeFileSync(
      join(freshDist, 'build-info.json'),
      JSON.stringify({ plans: generated.plans.length, pipelineMs: Math.round(pipelineMs), totalMs: Math.round(performance.now() - started), warnings: corpus.warnings }, null, 1),
    );
    swapIn([[freshContent, contentDir], [freshDist, distDir]]);
    console.log(formatReport(final));
  } finally {
    removeTemporaryFolders();
  }
  console.log(`built ${generated.plans.length} plans, ${generated.documents.length} cited documents in ${Math.round(performance.now() - started)} ms → ${distDir}`);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    removeTemporaryFolders();
    console.error(`build interrupted (${signal}): content/generated/ and dist/ left as they were.`);
    process.exit(130);
  });
}

try {
  await main();
} catch (error) {
  removeTemporaryFolders();
  if (error instanceof BuildInputError) {
    console.error(`build stopped, dist/ left as it was.\n${error.message}`);
    process.exit(1);
  }
  console.error('build stopped, dist/ left as it was.');
  throw error;
}
