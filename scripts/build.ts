// The main job: seeds/ → content/generated/ → Astro → search index → dist/.
// dist/ is built in a temporary folder and swapped in only when every step
// succeeded; content/generated/ is replaced for the Astro step and put back
// unless the build succeeds. A bad seed, a failed step or an interrupted build
// (SIGINT, SIGTERM) leaves both as they were and no temporary folder behind (what a
// killed build left, the next one cleans up). Every run prints a build report; a
// successful one publishes it as data/build-report.json.
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { scanSeeds } from './build/seeds.ts';
import { buildLibrary, BuildInputError } from './build/library.ts';
import { generateSiteData } from './build/site-data.ts';
import { reuseSiteData } from './build/reuse.ts';
import { withByteOrderMark } from './pipeline/decode.ts';
import { productionSiteError, siteHref } from './build/site-url.ts';
import { openDataFiles } from './build/open-data.ts';
import { planOpenDataFiles } from './build/plan-open-data.ts';
import { buildSearchIndex } from './search/build-index.ts';
import { citedDocumentPages } from './search/records.ts';
import { buildReportSchema, formatReport, StageClock, type BuildReport, type FileAccount } from './build/report.ts';
import { byCodePoint } from './pipeline/plan.ts';
import { checkGeneratedFiles, DATA_FILES, parseDataFile } from './contract/generated.ts';
import { SEARCH_FILTERS } from './contract/addresses.ts';
import { DocumentCache } from './build/document-cache.ts';
import { keyedPagesSince } from './build/rendered-pages.ts';
import { readDocumentsInWorkers } from './build/read-documents.ts';
import { restoreScansInWorkers } from './build/restore-scans.ts';
import { loadVocabulary } from './pipeline/document-types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const seedsDir = process.env.SEEDS_DIR ?? join(root, 'seeds');
const contentDir = process.env.CONTENT_GENERATED ?? join(root, 'content', 'generated');
const distDir = process.env.DIST_DIR ?? join(root, 'dist');
const cacheDir = process.env.ASTRO_CACHE_DIR ?? join(root, 'node_modules', '.astro');

// Astro reads content/generated/ by its own path (its content store keeps file paths from one
// build to the next), so the fresh content is put in place for the Astro step with the previous
// one kept aside, and put back if the build fails or is interrupted. dist/ is built aside.
const freshContent = `${contentDir}.tmp-${process.pid}`;
const previousContent = `${contentDir}.old-${process.pid}`;
const freshDist = `${distDir}.tmp-${process.pid}`;
/** Where the Astro process notes its peak memory (scripts/build/peak-memory.mjs). */
const memoryFile = join(tmpdir(), `nq57-astro-memory-${process.pid}`);
let astro: ChildProcess | null = null;
let contentInPlace = false;
/** Astro writes into <root>/.astro/ whatever the output folder: builds of one checkout take turns for that step. */
const astroLock = join(root, 'node_modules', '.cache', 'astro-step.lock');
let astroLockHeld = false;

function putContentInPlace(files: Map<string, string>): void {
  rmSync(freshContent, { recursive: true, force: true });
  writeTree(freshContent, files);
  if (existsSync(contentDir)) renameSync(contentDir, previousContent);
  contentInPlace = true;
  renameSync(freshContent, contentDir);
}

async function takeAstroLock(): Promise<void> {
  mkdirSync(dirname(astroLock), { recursive: true });
  for (;;) {
    try {
      writeFileSync(astroLock, String(process.pid), { flag: 'wx' });
      astroLockHeld = true;
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(astroLock, 'utf8'));
    // A lock left by a killed build is taken over; an empty one is being written.
    if (holder > 0 && !isRunning(holder)) rmSync(astroLock, { force: true });
    else await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function releaseAstroLock(): void {
  if (astroLockHeld) rmSync(astroLock, { force: true });
  astroLockHeld = false;
}

/** After a failure or an interruption: the previous content back, no temporary folder left. */
function undo(): void {
  astro?.kill('SIGTERM');
  releaseAstroLock();
  if (contentInPlace) {
    rmSync(contentDir, { recursive: true, force: true });
    if (existsSync(previousContent)) renameSync(previousContent, contentDir);
    contentInPlace = false;
  }
  for (const dir of [freshContent, freshDist, memoryFile]) rmSync(dir, { recursive: true, force: true });
}

/** Every step succeeded: the new dist/ in, the previous content and dist/ removed. */
function commit(): void {
  const previousDist = `${distDir}.old-${process.pid}`;
  if (existsSync(distDir)) renameSync(distDir, previousDist);
  renameSync(freshDist, distDir);
  contentInPlace = false;
  // The previous content goes first: a build killed with a dist.old left is known to be finished.
  for (const old of [previousContent, previousDist]) rmSync(old, { recursive: true, force: true });
}

/**
 * Astro's content store keeps the paths of the files it read, and fails a build that reads the
 * content from another folder: when CONTENT_GENERATED changed since the last build with this
 * cache, the store starts afresh.
 */
function forgetContentStoreOfOtherFolder(): void {
  const marker = join(cacheDir, 'nq57-content-folder');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === contentDir) return;
  rmSync(join(cacheDir, 'data-store.json'), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(marker, contentDir);
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * What a build killed without a chance to clean up (SIGKILL, power loss) left behind. A build that
 * had swapped its dist/ in (its dist.old is there, its dist.tmp gone) is finished: its leftovers are
 * removed. Any other is undone: the content and dist/ it replaced are put back, so that
 * content/generated/ matches dist/ again. Its lock on the Astro step is released.
 */
function cleanUpAfterKilledBuilds(): void {
  const leftovers = new Map<string, { kind: string; path: string }[]>();
  for (const target of [contentDir, distDir]) {
    const dir = dirname(target);
    if (!existsSync(dir)) continue;
    const prefix = `${basename(target)}.`;
    for (const name of readdirSync(dir)) {
      const match = name.startsWith(prefix) ? /^(tmp|old)-(\d+)$/.exec(name.slice(prefix.length)) : null;
      if (!match || isRunning(Number(match[2]))) continue;
      const kind = `${target === contentDir ? 'content' : 'dist'}.${match[1]}`;
      leftovers.set(match[2]!, [...(leftovers.get(match[2]!) ?? []), { kind, path: join(dir, name) }]);
    }
  }
  const lockHolder = existsSync(astroLock) ? Number(readFileSync(astroLock, 'utf8')) : 0;
  if (lockHolder > 0 && !isRunning(lockHolder)) rmSync(astroLock, { force: true });
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
    for (const f of found) rmSync(f.path, { recursive: true, force: true });
  }
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

function runAstro(): Promise<void> {
  return new Promise((resolve, reject) => {
    // Astro's entry run by this very Node (the pinned one), whatever `node` the PATH finds first.
    astro = spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        ASTRO_OUT_DIR: freshDist,
        CONTENT_GENERATED: contentDir,
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
  const problem = productionSiteError(process.argv, process.env.SITE_URL);
  if (problem) {
    console.error(`build stopped: ${problem}`);
    process.exit(1);
  }
  const started = performance.now();
  const clock = new StageClock();
  cleanUpAfterKilledBuilds();
  const scan = clock.run('read seeds', () => scanSeeds(seedsDir));
  // Per-document work of earlier builds, kept beside Astro's cache (incremental rebuilds).
  const documentCache = new DocumentCache(join(cacheDir, 'nq57-documents'));
  let library;
  try {
    // The per-document stages across the cores (BUILD_THREADS=1: in this thread).
    const readings = await clock.runAsync('read documents', () => readDocumentsInWorkers(scan.inputs, loadVocabulary(), documentCache));
    // The scans restored across the cores too, into the document cache, where buildLibrary finds them.
    await clock.runAsync('restore scans in workers', () => restoreScansInWorkers(scan.inputs, readings, documentCache));
    library = buildLibrary(scan.inputs, {
      measure: (name, work) => clock.run(name, work),
      earlier: scan.errors,
      cache: documentCache,
      readings,
    });
  } catch (error) {
    if (error instanceof BuildInputError) {
      console.error(formatReport(report('stopped', [...scan.accounts, ...error.accounts], [], clock)));
    }
    throw error;
  }
  for (const w of library.warnings) console.warn(`warning: ${w}`);
  console.log(`document cache: ${documentCache.counts.reused} reused, ${documentCache.counts.read} read`);

  // Text reuse (issue 15): reuse.json and the "chép" marks on copied paragraphs.
  const reuse = clock.run('text reuse', () => reuseSiteData(library.plans, undefined, documentCache.memo('reuse')));
  const generated = clock.run('site data', () => generateSiteData(library, reuse.marksByPlan, documentCache.memo('targets')));
  for (const [path, content] of reuse.files) generated.files.set(path, content);
  // Every generated file against the contract's schemas, before anything reads it.
  clock.run('check generated data', () => checkGeneratedFiles(generated.files));
  console.log(`library-wide cache: ${[...documentCache.memoCounts].map(([kind, n]) => `${kind} ${n.reused} reused, ${n.computed} computed`).join('; ')}`);
  const pipelineMs = performance.now() - started;
  let built = false;
  try {
    await takeAstroLock();
    putContentInPlace(generated.files);
    forgetContentStoreOfOtherFolder();
    const astroStarted = Date.now();
    await clock.runAsync('astro', () => runAstro());
    releaseAstroLock();
    const pages = keyedPagesSince(cacheDir, astroStarted);
    console.log(`pages: ${pages.rendered.length} of ${pages.keyed} keyed pages rendered, the others copied from the last build`);
    // Astro's own peak (its process, not this one), when the preload could note it.
    if (existsSync(memoryFile)) {
      clock.stages.at(-1)!.peakRssMb = Math.round(Math.max(...readFileSync(memoryFile, 'utf8').trim().split('\n').map(Number)) / 1024);
      rmSync(memoryFile);
    }
    const search = await clock.runAsync('search index', () =>
      buildSearchIndex({
        plans: generated.plans,
        pages: citedDocumentPages(generated.documents),
        documents: generated.documents,
        outDir: freshDist,
        planFilters: (plan) => ({ [SEARCH_FILTERS.indicator]: generated.indicatorsByPlan.get(plan.id) ?? [] }),
        // Bundles of earlier builds, kept beside Astro's cache: one whose records did not change is copied.
        cacheDir: join(cacheDir, 'nq57-search'),
      }),
    );
    const reusedBundles = search.timings.bundles.filter((b) => b.cached).length;
    console.log(`search bundles: ${reusedBundles} reused, ${search.bundles - reusedBundles} indexed`);
    // The downloadable source is the seed file itself, byte for byte: the bytes that were read, never a link.
    // A UTF-8 one gets a BOM in front when it has none, so a browser shows it as UTF-8 whatever the server says
    // (decode.ts); a legacy-encoded one (sourceEncoding) stays as it came.
    const bytesOf = new Map(scan.inputs.map((i) => [i.file, i.bytes]));
    const source = (p: (typeof generated.plans)[number]) => (p.sourceEncoding ? bytesOf.get(p.sourceFile)! : withByteOrderMark(bytesOf.get(p.sourceFile)!));
    clock.run('sources', () => writeTree(join(freshDist, 'nguon'), new Map(generated.plans.map((p) => [`${p.id}.txt`, source(p)]))));
    // The open data: the targets' from the published targets and the taxonomy the pages read (with this build's
    // derived indicators); the plans' with their paragraphs from the build's plans (the pages' plans.json holds no text).
    clock.run('open data', () => {
      const site = siteHref(process.env.SITE_URL);
      writeTree(freshDist, openDataFiles(generated.targets, parseDataFile('indicators', generated.files.get(DATA_FILES.indicators.file)!), site));
      writeTree(freshDist, planOpenDataFiles(generated.plans, site));
    });
    const links = symlinksUnder(freshDist);
    if (links.length) throw new Error(`the built site holds symbolic links, never published: ${links.join(', ')}`);
    const final = report('built', [...scan.accounts, ...library.accounts], library.warnings, clock);
    writeFileSync(join(freshDist, 'data', 'build-report.json'), JSON.stringify(final, null, 1));
    writeFileSync(
      join(freshDist, 'build-info.json'),
      JSON.stringify({ plans: generated.plans.length, pipelineMs: Math.round(pipelineMs), totalMs: Math.round(performance.now() - started), warnings: library.warnings }, null, 1),
    );
    commit();
    documentCache.prune();
    built = true;
    console.log(formatReport(final));
  } finally {
    if (!built) undo();
  }
  console.log(`built ${generated.plans.length} plans, ${generated.documents.length} cited documents in ${Math.round(performance.now() - started)} ms → ${distDir}`);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    undo();
    console.error(`build interrupted (${signal}): content/generated/ and dist/ left as they were.`);
    process.exit(130);
  });
}

try {
  await main();
} catch (error) {
  if (error instanceof BuildInputError) {
    console.error(`build stopped, dist/ left as it was.\n${error.message}`);
    process.exit(1);
  }
  console.error('build stopped, dist/ left as it was.');
  throw error;
}
