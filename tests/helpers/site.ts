// Where the built site is, building it once when dist/ is missing or older than its inputs,
// and reading the site's open data (the plan list) so that tests hard-code nothing.
//
// SITE_DIR=/some/folder runs the tests against that folder as is (never builds).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(PROJECT_ROOT, 'dist');
/** What the build reads. Tests, the benchmark and generated files are not inputs. */
const INPUTS = ['src', 'content', 'seeds', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
const NOT_INPUT = /(\.test\.ts$|^scripts\/bench)/;
/** Generous: a cold Astro build on 2 shared cores. */
export const BUILD_TIMEOUT = 15 * 60_000;
const LOCK = join(PROJECT_ROOT, 'node_modules', '.cache', 'site-build.lock');
/** A failed build, remembered for the other test workers of the same run (see runId). */
const FAILED = join(PROJECT_ROOT, 'node_modules', '.cache', 'site-build.failed.json');

/** Input files as git sees them (tracked + untracked, minus .gitignore'd), or a plain walk. */
function inputFiles(): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '--', ...INPUTS], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n').filter((f) => f && !NOT_INPUT.test(f));
  } catch {
    const files: string[] = [];
    for (const top of INPUTS) {
      const abs = join(PROJECT_ROOT, top);
      if (!existsSync(abs)) continue;
      if (statSync(abs).isFile()) files.push(top);
      else for (const f of readdirSync(abs, { recursive: true, encoding: 'utf8' })) files.push(join(top, f).split(sep).join('/'));
    }
    return files.filter((f) => !NOT_INPUT.test(f) && !f.startsWith('content/generated/'));
  }
}

/** Why dist/ needs a build, or null when it is up to date. */
export function staleReason(dist = DIST): string | null {
  const marker = ['build-info.json', 'index.html'].map((f) => join(dist, f)).find(existsSync);
  if (!marker) return `${relative(PROJECT_ROOT, dist)}/index.html is missing`;
  const builtAt = statSync(marker).mtimeMs;
  for (const f of inputFiles()) {
    const abs = join(PROJECT_ROOT, f);
    if (existsSync(abs) && statSync(abs).mtimeMs > builtAt) return `${f} changed after the last build`;
  }
  return null;
}

function runBuild(): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-8000); // the tail is what explains a failure
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    // A hung build must not hang the test run: collection has no timeout of its own.
    const timer = setTimeout(() => child.kill('SIGTERM'), BUILD_TIMEOUT);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) done();
      else fail(new Error(`npm run build failed (${signal ? `killed by ${signal} after ${BUILD_TIMEOUT / 60_000} min` : `exit ${code}`}); last output:\n${log}`));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function lockHolderAlive(): boolean {
  try {
    const pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Take the build lock (test files run in parallel workers); waits while another worker builds. */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      // A lock without a live owner (crashed run) is taken over after a grace period.
      if (!lockHolderAlive() && Date.now() - statSync(LOCK).mtimeMs > 5000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** This test run: set by the global setup in the main process, inherited by the workers. */
const runId = () => process.env.SITE_BUILD_RUN ?? String(process.ppid);

/** Vitest options that take a value (so that the value is not mistaken for a file filter). */
const VALUE_OPTIONS = new Set(['-t', '--testNamePattern', '-c', '--config', '-r', '--root', '--dir', '--project', '--reporter', '--outputFile', '--shard', '--pool', '--environment', '--maxWorkers', '--exclude', '--mode', '--tags-filter']);
const COMMANDS = new Set(['run', 'watch', 'dev', 'related', 'bench', 'list']);

/**
 * True when the Vitest command line names no file filter, i.e. the whole suite runs
 * (`npm test`), as opposed to `npx vitest run scripts/pipeline/ocr`.
 * `argv` is the main process's: [node, vitest.mjs, ...args].
 */
export function isFullRun(argv: readonly string[]): boolean {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') continue;
    if (a.startsWith('-')) {
      if (VALUE_OPTIONS.has(a)) i++;
      continue;
    }
    if (i === 0 && COMMANDS.has(a)) continue;
    return false;
  }
  return true;
}

/**
 * The folder of the built site, building it first when missing or stale.
 * Call at the top of a test file: `const dist = await ensureSite();`.
 */
export async function ensureSite(): Promise<string> {
  const override = process.env.SITE_DIR;
  if (override) {
    if (!existsSync(join(override, 'index.html'))) throw new Error(`SITE_DIR=${override} has no index.html`);
    return override;
  }
  await withBuildLock(async () => {
    if (existsSync(FAILED)) {
      const failed = JSON.parse(readFileSync(FAILED, 'utf8')) as { run: string; message: string };
      if (failed.run === runId()) throw new Error(`(build already failed in this test run) ${failed.message}`);
      rmSync(FAILED, { force: true });
    }
    const reason = staleReason();
    if (!reason) return;
    console.log(`building the site (${reason}) …`);
    try {
      await runBuild();
      const still = staleReason();
      if (still) throw new Error(`npm run build succeeded but dist/ is still stale: ${still}`);
    } catch (error) {
      writeFileSync(FAILED, JSON.stringify({ run: runId(), message: (error as Error).message }));
      throw error;
    }
  });
  return DIST;
}


export { readPlanList, readPlanParagraphs, htmlPages } from '../../scripts/bench/built-site.ts';
export type { PlanEntry, PlanParagraph } from '../../scripts/bench/built-site.ts';
