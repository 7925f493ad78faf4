// Vitest global setup (main process, before any test file): on a whole-suite run, build the
// site first when dist/ is missing or stale, so that no test file's own builds (e.g. the
// build-safety tests) ever run beside it. Filtered runs (`npx vitest run scripts/x`) build
// lazily, only if a file that needs the site calls ensureSite().
import { ensureSite, isFullRun } from './site.ts';

export default async function setup(): Promise<void> {
  process.env.SITE_BUILD_RUN ??= `${process.pid}-${Date.now()}`;
  if (process.env.SITE_DIR || !isFullRun(process.argv)) return;
  try {
    await ensureSite();
  } catch (error) {
    // Unit tests still run; every test file that needs the site reports this error.
    console.error(`site build failed: ${(error as Error).message}`);
  }
}
