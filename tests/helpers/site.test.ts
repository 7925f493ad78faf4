import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isFullRun, staleReason } from './site.ts';

const vitest = (...args: string[]) => ['/usr/bin/node', '/repo/node_modules/vitest/vitest.mjs', ...args];

describe('isFullRun', () => {
  it('is true for the whole suite, with or without options', () => {
    expect(isFullRun(vitest('run'))).toBe(true);
    expect(isFullRun(vitest())).toBe(true);
    expect(isFullRun(vitest('run', '--reporter', 'verbose', '-t', 'metadata'))).toBe(true);
    expect(isFullRun(vitest('run', '--reporter=dot', '--maxWorkers=1'))).toBe(true);
  });

  it('is false when files are filtered', () => {
    expect(isFullRun(vitest('run', 'scripts/pipeline/ocr'))).toBe(false);
    expect(isFullRun(vitest('tests/browser'))).toBe(false);
    expect(isFullRun(vitest('run', '-t', 'metadata', 'scripts/pipeline/metadata.test.ts'))).toBe(false);
  });
});

describe('staleReason', () => {
  it('says why a folder without a build needs one', () => {
    const empty = mkdtempSync(join(tmpdir(), 'stale-'));
    expect(staleReason(empty)).toMatch(/index\.html is missing/);
    rmSync(empty, { recursive: true, force: true });
  });

  it('finds an input newer than the build, and none when the build is newest', () => {
    const dist = mkdtempSync(join(tmpdir(), 'stale-'));
    writeFileSync(join(dist, 'index.html'), '<html lang="vi"></html>');
    utimesSync(join(dist, 'index.html'), new Date(0), new Date(0)); // built in 1970: every input is newer
    expect(staleReason(dist)).toMatch(/changed after the last build/);
    const future = new Date(Date.now() + 3600_000);
    utimesSync(join(dist, 'index.html'), future, future);
    expect(staleReason(dist)).toBeNull();
    rmSync(dist, { recursive: true, force: true });
  });
});
