// Removing on a worker thread: folders with everything in them and single files go, a path already gone is no
// error, and a removal that fails rejects instead of passing unnoticed.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeInBackground } from './remove-paths.ts';

const work = mkdtempSync(join(tmpdir(), 'remove-paths-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('removeInBackground', () => {
  it('removes folders whole and single files, and a path already gone', async () => {
    const site = join(work, 'dist.old-1');
    mkdirSync(join(site, 'van-ban', 'a'), { recursive: true });
    writeFileSync(join(site, 'van-ban', 'a', 'index.html'), '<p>');
    writeFileSync(join(work, 'entry.json'), '{}');
    writeFileSync(join(work, 'kept.json'), '{}');
    await removeInBackground([site, join(work, 'entry.json'), join(work, 'never-there')]);
    expect(existsSync(site)).toBe(false);
    expect(existsSync(join(work, 'entry.json'))).toBe(false);
    expect(existsSync(join(work, 'kept.json'))).toBe(true);
  });

  it('rejects when a path cannot be removed', async () => {
    await expect(removeInBackground(['\0not a path'])).rejects.toThrow();
  });
});
