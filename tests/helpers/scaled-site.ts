// A site of many plans for the page-at-scale tests (issue 16): the seeds' generated content
// multiplied (scripts/bench/scaled-content.ts) and built by Astro alone, in a folder of its own.
// Null when the seeds' content/generated is not there (a SITE_DIR run tests a folder as is).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaleContent, type Crowd } from '../../scripts/bench/scaled-content.ts';
import { BUILD_TIMEOUT, ensureSite, PROJECT_ROOT } from './site.ts';
import { releaseAstroLock, takeAstroLock } from '../../scripts/build/astro-lock.ts';

/** The built site, its content, and the folder holding both (for the caller to remove). */
export async function scaledSite(plans: number, crowd?: Crowd): Promise<{ dir: string; dist: string; content: string } | null> {
  await ensureSite();
  const base = process.env.CONTENT_GENERATED ?? join(PROJECT_ROOT, 'content', 'generated');
  if (!existsSync(join(base, 'plans.json')) || !existsSync(join(base, 'reuse-shares.json'))) return null;
  const dir = mkdtempSync(join(tmpdir(), 'nq57-scaled-'));
  scaleContent(base, join(dir, 'content'), plans, undefined, crowd);
  // Astro's prerender folder is the checkout's: a build running meanwhile (another test) waits.
  await takeAstroLock();
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT,
    env: { ...process.env, CONTENT_GENERATED: join(dir, 'content'), ASTRO_OUT_DIR: join(dir, 'dist'), ASTRO_CACHE_DIR: join(dir, 'cache') },
  });
  releaseAstroLock();
  if (result.status !== 0) throw new Error(`astro build of ${plans} plans failed:\n${result.stdout}\n${result.stderr}`);
  return { dir, dist: join(dir, 'dist'), content: join(dir, 'content') };
}
