// A real build (scripts/build.ts) of a folder of fixture seeds, in a folder of its own:
// <dir>/seeds → <dir>/content, <dir>/dist, <dir>/cache.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './site.ts';

export interface FixtureBuild {
  dir: string;
  dist: string;
  content: string;
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

export function buildEnv(dir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, SEEDS_DIR: join(dir, 'seeds'), CONTENT_GENERATED: join(dir, 'content'), DIST_DIR: join(dir, 'dist'), ASTRO_CACHE_DIR: join(dir, 'cache'), ...extra };
}

const BUILD_SCRIPT = join(PROJECT_ROOT, 'scripts', 'build.ts');

export function runBuild(dir: string, extraEnv: NodeJS.ProcessEnv = {}): FixtureBuild {
  const result = spawnSync(process.execPath, [BUILD_SCRIPT], { cwd: PROJECT_ROOT, encoding: 'utf8', env: buildEnv(dir, extraEnv) });
  return {
    dir,
    dist: join(dir, 'dist'),
    content: join(dir, 'content'),
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}\n${result.stderr}`,
  };
}

/** Start a build without waiting for it (to interrupt it), in a process group of its own (to kill it with Astro). */
export function startBuild(dir: string) {
  return spawn(process.execPath, [BUILD_SCRIPT], { cwd: PROJECT_ROOT, env: buildEnv(dir), stdio: 'ignore', detached: true });
}
