import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { moveInto } from './move-into.ts';

const work = mkdtempSync(join(tmpdir(), 'nq57-move-into-'));
afterEach(() => rmSync(work, { recursive: true, force: true }));

function tree(dir: string, files: Record<string, string>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
const filesUnder = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );

describe('moveInto', () => {
  it('moves every file in, merging the folders both hold, and removes the source folder', () => {
    const from = tree(join(work, 'from'), { 'pagefind/a.pf': 'index', 'tim-kiem/tra-cuu.json': '{}', 'data/plans.json': '[]' });
    const to = tree(join(work, 'to'), { 'tim-kiem/index.html': '<p>', 'data/reuse.json': '{}', 'index.html': '<h1>' });
    moveInto(from, to);
    expect(existsSync(from)).toBe(false);
    expect(filesUnder(to)).toEqual({
      'data/plans.json': '[]',
      'data/reuse.json': '{}',
      'index.html': '<h1>',
      'pagefind/a.pf': 'index',
      'tim-kiem/index.html': '<p>',
      'tim-kiem/tra-cuu.json': '{}',
    });
  });

  it('stops at a file both hold, leaving the one already there', () => {
    const from = tree(join(work, 'from'), { 'data/plans.json': 'pipeline' });
    const to = tree(join(work, 'to'), { 'data/plans.json': 'astro' });
    expect(() => moveInto(from, to)).toThrow(/two steps of the build wrote .*data\/plans\.json/);
    expect(readFileSync(join(to, 'data', 'plans.json'), 'utf8')).toBe('astro');
  });
});
