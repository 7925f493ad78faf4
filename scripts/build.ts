// The main job: seeds/ → content/generated/ → Astro → dist/. The pipeline runs in a process of
// its own (scripts/build/pipeline-process.ts) that writes the fresh content, then the sources,
// open data and the search index's input, and exits. Astro starts beside it (its start-up and
// bundling need no content) and reads the fresh content folder, each file once the pipeline has
// placed it (generatedFile): it works on the site's data while the pipeline still runs text reuse
// and writes the plans' texts. The search index's process (scripts/build/search-process.ts) starts
// once the pipeline has written its input, links the bundles an earlier build indexed, and indexes
// the others on the other core when the pipeline has exited. The pipeline's and the search index's
// files are moved in beside Astro's. So the pipeline's memory, the build's largest, is held beside
// Astro's only while it writes its last files, never beside Pagefind's.
// dist/ is built in a temporary folder and the fresh content beside content/generated/, both
// swapped in only when every step succeeded. A bad seed, a failed step or an interrupted build
// (SIGINT, SIGTERM) leaves both as they were and no temporary folder behind (what a
// killed build left, the next one cleans up). A successful build leaves the previous
// site and content beside (`.old-<pid>`): the next build removes them while its pipeline
// runs. Every run prints a build report; a successful one publishes it as
// data/build-report.json.
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { productionSiteError } from './build/site-url.ts';
import { buildReportSchema, CONTENT_WRITTEN, formatReport, peakRssMb, PIPELINE_INPUT_STOP, SEARCH_INPUT_WRITTEN, StageClock, pipelineResultSchema, stageSchema, type PipelinePaths, type PipelineResult, type SearchPaths, type Stage } from './build/report.ts';
import { keyedPagesSince } from './build/rendered-pages.ts';
import { moveInto } from './build/move-into.ts';
import { removeInBackground } from './build/remove-paths.ts';
import { isRunning, releaseAstroLock, releaseLockOfKilledBuild, takeAstroLock } from './build/astro-lock.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const seedsDir = process.env.SEEDS_DIR ?? join(root, 'seeds');
const contentDir = process.env.CONTENT_GENERATED ?? join(root, 'content', 'generated');
const distDir = process.env.DIST_DIR ?? join(root, 'dist');
const cacheDir = process.env.ASTRO_CACHE_DIR ?? join(root, 'node_modules', '.astro');

// The pages read the folder CONTENT_GENERATED names (src/utils/generated-data.ts): Astro reads the fresh
// content where the pipeline writes it, which replaces content/generated/ (the previous one kept aside) once
// every step succeeded: a failed build leaves the last good site's data. dist/ is built aside.
const freshContent = `${contentDir}.tmp-${process.pid}`;
const previousContent = `${contentDir}.old-${process.pid}`;
const freshDist = `${distDir}.tmp-${process.pid}`;
/** What the pipeline's process made for dist/ (search index, sources, open data), moved into Astro's output (which Astro empties first). */
const pipelineDist = `${distDir}.data-${process.pid}`;
/** Where the Astro process notes its peak memory (scripts/build/peak-memory.mjs). */
const memoryFile = join(tmpdir(), `nq57-astro-memory-${process.pid}`);
/** Written once every file of the fresh content is in place: Astro, reading each file as it comes, then knows a file missing is missing (scripts/contract/generated.ts). */
const contentReadyFile = join(tmpdir(), `nq57-content-ready-${process.pid}`);
/** Where the pipeline's process writes its PipelineResult. */
const pipelineResultFile = join(tmpdir(), `nq57-pipeline-${process.pid}.json`);
/** The search index's input, written by the pipeline's process (beside dist/: a killed build's is cleaned up by the next). */
const searchInput = `${distDir}.search-${process.pid}`;
/** Where the search index's process writes its stages. */
const searchResultFile = join(tmpdir(), `nq57-search-${process.pid}.json`);
/** Written once the pipeline's process has exited: the search index's process, started before, indexes from then on. */
const pipelineDoneFile = join(tmpdir(), `nq57-pipeline-done-${process.pid}`);
/** Written once Astro has finished: the search index's process indexes with a service per core from then on. */
const astroDoneFile = join(tmpdir(), `nq57-astro-done-${process.pid}`);
/** The processes of the steps running: the pipeline's, or Astro's and the search index's. */
const steps = new Set<ChildProcess>();
/** Set by SIGINT, SIGTERM, SIGHUP: the signal's handler undoes the build and exits, a step's end is no failure to report. */
let interrupted = false;
let contentInPlace = false;

/** The fresh content (written by the pipeline's process, read by Astro's) in place of the previous one, kept aside. */
function putContentInPlace(): void {
  if (existsSync(contentDir)) renameSync(contentDir, previousContent);
  contentInPlace = true;
  renameSync(freshContent, contentDir);
}

/** The running steps' processes stopped: none writes into a folder once it is removed. */
async function stopSteps(): Promise<void> {
  await Promise.all(
    [...steps].map((running) => {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      return exited;
    }),
  );
}

/** After a failure or an interruption (its step stopped first): the previous content back, no temporary folder left. */
function undo(): void {
  releaseAstroLock();
  if (contentInPlace) {
    rmSync(contentDir, { recursive: true, force: true });
    if (existsSync(previousContent)) renameSync(previousContent, contentDir);
    contentInPlace = false;
  }
  for (const dir of [freshContent, freshDist, pipelineDist, memoryFile, contentReadyFile, pipelineResultFile, searchInput, searchResultFile, pipelineDoneFile, astroDoneFile]) rmSync(dir, { recursive: true, force: true });
}

/**
 * Every step succeeded: the new content and dist/ in. The previous dist/ and content are kept aside
 * (`dist.old-<pid>`, `generated.old-<pid>`) for the next build to remove while its pipeline runs:
 * removing ~100,000 files (3,500 plans) is 4 s of waiting on the disk, which here would be the
 * build's last step and there is hidden behind the pipeline's work.
 */
function commit(): void {
  putContentInPlace();
  const previousDist = `${distDir}.old-${process.pid}`;
  if (existsSync(distDir)) renameSync(distDir, previousDist);
  renameSync(freshDist, distDir);
  contentInPlace = false;
}

/** Runs steps at once; when one fails, the others are stopped before the failure goes on (nothing writes into a folder undo removes). */
async function atOnce(running: Promise<unknown>[]): Promise<void> {
  try {
    await Promise.all(running);
  } catch (error) {
    await stopSteps();
    await Promise.allSettled(running);
    throw error;
  }
}

/** Leftovers of finished builds being removed while this build runs (cleanUpAfterEarlierBuilds): awaited before it ends, however it ends. */
let removals: Promise<unknown> = Promise.resolve();

/**
 * What earlier builds left: a finished build (its dist.old is there, its dist.tmp gone) its previous
 * site and content, removed in the background (`removals`); a build killed without a chance to
 * clean up (SIGKILL, power loss) is undone: the content and dist/ it replaced are put back, so that
 * content/generated/ matches dist/ again, and its lock on the Astro step is released.
 */
function cleanUpAfterEarlierBuilds(): void {
  const leftovers = new Map<string, { kind: string; path: string }[]>();
  for (const target of [contentDir, distDir]) {
    const dir = dirname(target);
    if (!existsSync(dir)) continue;
    const prefix = `${basename(target)}.`;
    for (const name of readdirSync(dir)) {
      const match = name.startsWith(prefix) ? /^(tmp|old|data|search)-(\d+)$/.exec(name.slice(prefix.length)) : null;
      if (!match || isRunning(Number(match[2]))) continue;
      const kind = `${target === contentDir ? 'content' : 'dist'}.${match[1]}`;
      leftovers.set(match[2]!, [...(leftovers.get(match[2]!) ?? []), { kind, path: join(dir, name) }]);
    }
  }
  releaseLockOfKilledBuild();
  for (const found of leftovers.values()) {
    const path = (kind: string) => found.find((f) => f.kind === kind)?.path;
    const finished = path('dist.old') !== undefined && path('dist.tmp') === undefined;
    const putBack = (old: string | undefined, target: string) => {
      if (finished || old === undefined) return;
      rmSync(target, { recursive: true, force: true });
      renameSync(old, target);
    };
    putBack(path('content.old'), contentDir);
    putBack(path('dist.old'), distDir);
    if (finished) removals = Promise.all([removals, removeInBackground(found.map((f) => f.path))]);
    else for (const f of found) rmSync(f.path, { recursive: true, force: true });
  }
}

/** Paths of the symbolic links under `dir` (relative to `top`): a published site holds none. */
function symlinksUnder(dir: string, top = dir): string[] {
  // The entries' types as the folder listing gives them (no call per file: ~90,000 files at 3,500 plans), and
  // a walk of its own: Node's recursive listing follows a link to a folder.
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isSymbolicLink()) return [relative(top, path)];
    return e.isDirectory() ? symlinksUnder(path, top) : [];
  });
}

/**
 * The steps' malloc asks for transparent huge pages (2 MB) where the kernel gives them on request (glibc's
 * tunable; other C libraries ignore it). On a virtual machine that hands freed memory back to its host, every
 * first touch of a 4 KB page is a fault the host serves: on this project's 2-core VM, touching 2 GB of fresh
 * memory took 6.4 s, and a rebuild of 3,500 plans made 1.9 M such faults (1.1 M with huge pages). A value
 * already in the environment is kept.
 */
const MALLOC_TUNABLES = 'glibc.malloc.hugetlb=1';

/**
 * Node's cache of compiled modules (TypeScript stripped, V8 code), where `module.enableCompileCache()` keeps it
 * by default and Astro's command keeps its own: each step's process loads ~250 ms faster. Set in the environment,
 * as it must be before a process loads its first module. A value already there is kept.
 */
const COMPILE_CACHE = join(tmpdir(), 'node-compile-cache');

/**
 * V8's young generation in the steps' processes: semi-spaces of at most 32 MB. Each step keeps most of what it
 * allocates (parsed data held to the end), so larger semi-spaces only copy more and touch more fresh memory: a
 * rebuild of 3,500 plans after one plan changed, two runs each, took 27.6–29.0 s instead of 29.4–30.2 s, with
 * 630,000 page faults instead of 690,000 and the pipeline's peak 1.21 GB instead of 1.32 GB (its process alone:
 * at most 64 MB measured as without the flag, 32 MB 0.5–1 s faster).
 */
const STEP_V8_FLAGS = ['--max-semi-space-size=32'];

/** Runs a step's process to its end, with this very Node (the pinned one), whatever `node` the PATH finds first; its exit code. */
function runStep(args: string[], env: NodeJS.ProcessEnv = process.env, onMessage?: (message: unknown) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const step = spawn(process.execPath, [...STEP_V8_FLAGS, ...args], {
      cwd: root,
      stdio: onMessage ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
      env: { GLIBC_TUNABLES: MALLOC_TUNABLES, NODE_COMPILE_CACHE: COMPILE_CACHE, ...env },
    });
    if (onMessage) step.on('message', onMessage);
    steps.add(step);
    step.on('error', reject);
    step.on('exit', (code, signal) => {
      steps.delete(step);
      if (interrupted) return;
      if (code === null) reject(new Error(`${basename(args.find((a) => !a.startsWith('--'))!)} stopped by ${signal}`));
      else resolve(code);
    });
  });
}

/**
 * The pipeline in its own process: the fresh content and the pipeline's part of dist/ written, its
 * result read. `said` runs what the process says it has written: the content whole (CONTENT_WRITTEN),
 * then the search index's input (SEARCH_INPUT_WRITTEN), while it goes on with the sources and the open data.
 */
async function runPipeline(said: Record<typeof CONTENT_WRITTEN | typeof SEARCH_INPUT_WRITTEN, () => void>): Promise<PipelineResult> {
  for (const dir of [freshContent, pipelineDist]) rmSync(dir, { recursive: true, force: true });
  const paths: PipelinePaths = { seedsDir, cacheDir, contentDir: freshContent, distDir: pipelineDist, resultFile: pipelineResultFile, searchInput };
  let failure: unknown;
  const code = await runStep(['--expose-gc', join(root, 'scripts', 'build', 'pipeline-process.ts'), JSON.stringify(paths)], process.env, (message) => {
    if ((message !== CONTENT_WRITTEN && message !== SEARCH_INPUT_WRITTEN) || failure !== undefined) return;
    try {
      said[message]();
    } catch (error) {
      failure = error;
    }
  });
  if (failure !== undefined) throw failure;
  if (code === PIPELINE_INPUT_STOP) throw new InputStop();
  if (code !== 0) throw new Error(`the pipeline failed (exit code ${code})`);
  const result = pipelineResultSchema.parse(JSON.parse(readFileSync(pipelineResultFile, 'utf8')));
  rmSync(pipelineResultFile);
  return result;
}

/** The search index in its own process, from the input the pipeline's process wrote into the pipeline's part of dist/; its stages. */
async function runSearchIndex(): Promise<Stage[]> {
  const paths: SearchPaths = { input: searchInput, cacheDir, distDir: pipelineDist, resultFile: searchResultFile, pipelineDone: pipelineDoneFile, astroDone: astroDoneFile };
  const code = await runStep([join(root, 'scripts', 'build', 'search-process.ts'), JSON.stringify(paths)]);
  if (code !== 0) throw new Error(`the search index failed (exit code ${code})`);
  const stages = stageSchema.array().parse(JSON.parse(readFileSync(searchResultFile, 'utf8')));
  for (const file of [searchInput, searchResultFile]) rmSync(file, { recursive: true });
  return stages;
}

async function runAstro(): Promise<void> {
  const code = await runStep([join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
    ...process.env,
    ASTRO_OUT_DIR: freshDist,
    CONTENT_GENERATED: freshContent,
    CONTENT_READY_FILE: contentReadyFile,
    NQ57_PEAK_MEMORY_FILE: memoryFile,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${new URL('./build/peak-memory.mjs', import.meta.url).href}`.trim(),
  });
  if (code !== 0) throw new Error(`astro build failed (exit code ${code})`);
}

/** The pipeline's process stopped on bad input and said why (with its report): nothing more to print. */
class InputStop extends Error {}

async function main(): Promise<void> {
  const problem = productionSiteError(process.argv, process.env.SITE_URL);
  if (problem) {
    console.error(`build stopped: ${problem}`);
    process.exit(1);
  }
  const started = performance.now();
  // The build's own steps between the processes' are stages too: a report's stages account for its wall time.
  const clock = new StageClock();
  clock.run('clean up after earlier builds', cleanUpAfterEarlierBuilds);
  let built = false;
  try {
    // Astro starts beside the pipeline: its start-up and bundling need no content, and each read of
    // the content waits until the pipeline has placed that file (generatedFile).
    await clock.runAsync('astro lock', takeAstroLock);
    const astroStarted = Date.now();
    const astro = runAstro();
    // When the pipeline fails, Astro is stopped: its end is no second failure.
    astro.catch(() => {});
    const pipelineStarted = performance.now();
    let contentWhole = 0;
    let search: Promise<Stage[]> | undefined;
    // Astro told when every content file is in place, while the pipeline writes the rest; the search index's
    // process started on its input, to index once the pipeline has exited.
    const pipeline = await runPipeline({
      [CONTENT_WRITTEN]: () => {
        writeFileSync(contentReadyFile, '');
        contentWhole = performance.now();
      },
      [SEARCH_INPUT_WRITTEN]: () => {
        search = runSearchIndex();
        // A failure is awaited with Astro's below, or the pipeline's is the build's.
        search.catch(() => {});
      },
    }).catch(async (error: unknown) => {
      await stopSteps();
      throw error;
    });
    writeFileSync(pipelineDoneFile, '');
    // The caches' unused entries removed while Astro and the search index work.
    removals = Promise.all([removals, removeInBackground(pipeline.unusedCacheFiles)]);
    const stages = [...clock.stages.splice(0), ...pipeline.stages];
    // The pipeline's work between its stages (buildLibrary's), its exit and its result read.
    clock.note('pipeline process: between stages, exit', performance.now() - pipelineStarted - pipeline.stages.reduce((ms, s) => ms + s.ms, 0));
    stages.push(...clock.stages.splice(0));
    // Astro's rendering (under way since the content came) and the search index at once, each in its own process
    // (the search index's stages are its process's own); the "astro" stage is what Astro adds after the pipeline's end.
    const besideStarted = performance.now();
    console.log(`astro: content whole ${((besideStarted - contentWhole) / 1000).toFixed(1)} s before the pipeline's end`);
    let searchStages: Stage[] = [];
    let astroMs = 0;
    const counted = astro.then(() => {
      releaseAstroLock();
      writeFileSync(astroDoneFile, '');
      // The pages Astro rendered, counted while the search index may still be at work (part of Astro's stage).
      const rendered = keyedPagesSince(cacheDir, astroStarted);
      astroMs = performance.now() - besideStarted;
      return rendered;
    });
    await atOnce([counted, (search ?? runSearchIndex()).then((s) => (searchStages = s))]);
    const pages = await counted;
    // Astro's own peak (its process, not this one), when the preload could note it.
    const astroPeakMb = existsSync(memoryFile) ? Math.round(Math.max(...readFileSync(memoryFile, 'utf8').trim().split('\n').map(Number)) / 1024) : peakRssMb();
    stages.push({ name: 'astro', ms: Math.round(astroMs), peakRssMb: astroPeakMb }, ...searchStages);
    // What the search index's process added to the wall time after Astro had finished.
    stages.push({ name: 'waiting for the search index after astro', ms: Math.round(performance.now() - besideStarted - astroMs), peakRssMb: peakRssMb() });
    // The markers of the steps' ends, written whichever step finished first.
    for (const file of [memoryFile, contentReadyFile, pipelineDoneFile, astroDoneFile]) rmSync(file, { force: true });
    console.log(`pages: ${pages.rendered.length} of ${pages.keyed} keyed pages rendered, the others copied from the last build`);
    clock.run('pipeline files moved into dist', () => moveInto(pipelineDist, freshDist));
    const links = clock.run('symbolic links looked for', () => symlinksUnder(freshDist));
    if (links.length) throw new Error(`the built site holds symbolic links, never published: ${links.join(', ')}`);
    await clock.runAsync('earlier builds removed', () => removals);
    clock.run('new site in', commit);
    built = true;
    stages.push(...clock.stages);
    const final = buildReportSchema.parse({ status: 'built', files: pipeline.files, warnings: pipeline.warnings, stages });
    const totalMs = Math.round(performance.now() - started);
    // Written into the new site, now in place: the report accounts for everything before it.
    writeFileSync(join(distDir, 'data', 'build-report.json'), JSON.stringify(final, null, 1));
    writeFileSync(join(distDir, 'build-info.json'), JSON.stringify({ plans: pipeline.plans, pipelineMs: pipeline.pipelineMs, totalMs, warnings: pipeline.warnings }, null, 1));
    console.log(formatReport(final));
    console.log(`built ${pipeline.plans} plans, ${pipeline.citedDocuments} cited documents in ${totalMs} ms → ${distDir}`);
  } finally {
    if (!built) undo();
    // Whatever this build's end, the earlier builds' leftovers it began removing are gone.
    await removals;
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, async () => {
    interrupted = true;
    await stopSteps();
    undo();
    await removals;
    console.error(`build interrupted (${signal}): content/generated/ and dist/ left as they were.`);
    process.exit(130);
  });
}

try {
  await main();
} catch (error) {
  if (error instanceof InputStop) process.exit(1);
  console.error('build stopped, dist/ left as it was.');
  throw error;
}
