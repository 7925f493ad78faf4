// A generated folder written for a test file (the seeds' files, say) where CONTENT_GENERATED points,
// as a build of another folder does; removed, and the variable put back, after the file's tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

/** Writes `files` (path under the folder → content) into a new folder CONTENT_GENERATED names; returns the folder. */
export function useGeneratedFolder(files: Iterable<[string, string]>, prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  const previous = process.env.CONTENT_GENERATED;
  process.env.CONTENT_GENERATED = folder;
  afterAll(() => {
    if (previous === undefined) delete process.env.CONTENT_GENERATED;
    else process.env.CONTENT_GENERATED = previous;
    rmSync(folder, { recursive: true, force: true });
  });
  for (const [name, content] of files) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  return folder;
}
