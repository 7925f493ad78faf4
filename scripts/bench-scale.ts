// `npm run bench:scale -- --plans 500[,3500] [--rebuild] [--seed 57] [--keep] [--no-query]`:
// builds the whole site (scripts/build.ts, as `npm run build` does) from N synthetic plans
// (scripts/bench/synthetic-seeds.ts: the seeds and ../shared/corpus/ recombined, read in
// place) in a temporary folder, and prints one table: time per stage, wall time, peak memory
// of the whole process tree, pages, sizes, the largest and median page of each kind, and the
// bytes of a first search query (Chromium). --rebuild also builds again after one plan
// changed (the incremental case), twice. Nothing is written into the repository.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSourceDocuments, syntheticSeeds, type SyntheticSeed } from './bench/synthetic-seeds.ts';
import { formatScaleTable, parseGnuTime, readStages, siteFigures, treeRssBytes, type ScaleRun } from './bench/scale.ts';
import { measureQuery } from './bench/first-query.ts';
import { sharedCorpusDir, withSharedCorpus } from './shared-folder.ts';
import { CHROMIUM_PATH, launchBrowser } from '../tests/helpers/browser.ts';
import { startServer } from '../tests/helpers/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The query typed first (the search page's own example). */
export const FIRST_QUERY = 'chuyển đổi số';

/** GNU time, when installed, notes the CPU time of the build and of every child it waited for (Astro). */
const GNU_TIME = '/usr/bin/time';

/** Runs scripts/build.ts on <dir>/seeds and samples the memory of its process tree meanwhile. */
function build(dir: string): Promise<{ wallMs: number; cpuMs: number | null; peakTreeRssBytes: number; output: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const buildCommand = [process.execPath, join(root, 'scripts', 'build.ts')];
    const timeFile = join(dir, 'build-time.txt');
    const timed = existsSync(GNU_TIME);
    const [command, ...args] = timed ? [GNU_TIME, '-f', '%U %S', '-o', timeFile, ...buildCommand] : buildCommand;
    const child = spawn(command!, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SEEDS_DIR: join(dir, 'seeds'), CONTENT_GENERATED: join(dir, 'content'), DIST_DIR: join(dir, 'dist'), ASTRO_CACHE_DIR: join(dir, 'cache') },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const sample = () => (peak = Math.max(peak, treeRssBytes(child.pid!)));
    const timer = setInterval(sample, 250);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`build of ${dir} failed (${signal ?? `exit code ${code}`}):\n${output.slice(-4000)}`));
      resolve({ wallMs: performance.now() - started, cpuMs: timed ? parseGnuTime(readFileSync(timeFile, 'utf8')) : null, peakTreeRssBytes: peak, output });
    });
  });
}

async function firstQueryBytes(dist: string): Promise<number | null> {
  if (!existsSync(CHROMIUM_PATH)) return null;
  const browser = await launchBrowser();
  const site = await startServer(dist);
  try {
    return (await measureQuery(browser, site.origin, FIRST_QUERY)).bytes;
  } finally {
    await site.stop();
    await browser.close();
  }
}

export function writeSeeds(dir: string, seeds: SyntheticSeed[]): void {
  mkdirSync(join(dir, 'seeds'), { recursive: true });
  for (const s of seeds) writeFileSync(join(dir, 'seeds', s.file), s.text);
}

/** One build of `dir` measured. */
export async function measureBuild(dir: string, plans: number, { query = true } = {}): Promise<ScaleRun> {
  const run = await build(dir);
  const dist = join(dir, 'dist');
  return {
    plans,
    stages: readStages(readFileSync(join(dist, 'data', 'build-report.json'), 'utf8')),
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    peakTreeRssBytes: run.peakTreeRssBytes,
    site: siteFigures(dist),
    firstQueryBytes: query ? await firstQueryBytes(dist) : null,
  };
}

/**
 * A plan edited as an office would: one task added in the middle of its body, a paragraph of its
 * own (not at the end, after the signature, where the library-wide steps may not read it).
 */
export function editOnePlan(dir: string, seeds: SyntheticSeed[]): string {
  const file = seeds[seeds.length >> 1]!.file;
  const path = join(dir, 'seeds', file);
  const paragraphs = readFileSync(path, 'utf8').split(/\n\s*\n/);
  paragraphs.splice(paragraphs.length >> 1, 0, 'Bổ sung nhiệm vụ: rà soát, đánh giá kết quả thực hiện chuyển đổi số hằng quý và báo cáo Ban Thường vụ.');
  writeFileSync(path, paragraphs.join('\n\n'));
  return file;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      plans: { type: 'string', default: '500' },
      seed: { type: 'string', default: '57' },
      rebuild: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'no-query': { type: 'boolean', default: false },
    },
  });
  const counts = values.plans.split(',').map(Number);
  if (!counts.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`--plans: positive whole numbers, comma-separated (got ${values.plans})`);
  const sources = readSourceDocuments(withSharedCorpus(join(root, 'seeds')));
  console.error(`sources: ${sources.length} documents${existsSync(sharedCorpusDir) ? '' : ' (seeds only: ../shared/corpus/ is absent)'}`);
  const runs: ScaleRun[] = [];
  for (const n of counts) {
    const dir = mkdtempSync(join(tmpdir(), `bench-scale-${n}-`));
    try {
      const seeds = syntheticSeeds(sources, n, { seed: Number(values.seed) });
      writeSeeds(dir, seeds);
      console.error(`${n} plans (${seeds.filter((s) => s.damaged).length} damaged like scans) in ${dir}: building…`);
      runs.push(await measureBuild(dir, n, { query: !values['no-query'] }));
      if (values.rebuild) {
        // Twice: the first rebuild finds no earlier site to remove (the full build replaced none); the second
        // removes the first's previous site while it runs, as every rebuild after it does (scripts/build.ts).
        for (const label of ['rebuilt after one changed', 'rebuilt after it changed again']) {
          const changed = editOnePlan(dir, seeds);
          console.error(`rebuilding after ${changed} changed…`);
          runs.push({ ...(await measureBuild(dir, n, { query: false })), label: `${n} plans, ${label}` });
        }
      }
    } finally {
      if (values.keep) console.error(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(formatScaleTable(runs));
}
