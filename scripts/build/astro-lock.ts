// Astro writes into <root>/.astro/ (its prerender bundle) whatever the output folder: builds of
// one checkout take turns for the Astro step, scripts/build.ts and the tests that run Astro alone.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const astroLock = join(root, 'node_modules', '.cache', 'astro-step.lock');
let held = false;

/** Whether a process of that id is alive (another user's counts). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits for the Astro step to be free, then holds it. */
export async function takeAstroLock(): Promise<void> {
  mkdirSync(dirname(astroLock), { recursive: true });
  for (;;) {
    try {
      writeFileSync(astroLock, String(process.pid), { flag: 'wx' });
      held = true;
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (!releaseLockOfKilledBuild()) await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Frees the Astro step if this process holds it. */
export function releaseAstroLock(): void {
  if (held) rmSync(astroLock, { force: true });
  held = false;
}

/** A lock left by a killed process is removed (an empty one is being written). Whether it was. */
export function releaseLockOfKilledBuild(): boolean {
  const holder = existsSync(astroLock) ? Number(readFileSync(astroLock, 'utf8')) : 0;
  if (!(holder > 0) || isRunning(holder)) return false;
  rmSync(astroLock, { force: true });
  return true;
}
