import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanSeeds } from './seeds.ts';
import { SEED, seedText } from '../../tests/seeds.ts';

const work = mkdtempSync(join(tmpdir(), 'nq57-seeds-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(work, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

const plan = seedText(SEED.ninhThuan);

describe('scanSeeds', () => {
  it('reads .txt in any case with its sidecar in any case, in sub-folders too, in code-point order', () => {
    const dir = folder('case', {
      'b/KE-HOACH.TXT': plan,
      'b/KE-HOACH.Meta.Json': '{ "fields": { "place": { "value": "Ninh Thuận", "note": "dòng 2" } } }',
      'a.txt': plan,
      'Z.txt': plan,
    });
    const scan = scanSeeds(dir);
    expect(scan.errors).toEqual([]);
    expect(scan.inputs.map((i) => i.file)).toEqual(['Z.txt', 'a.txt', 'b/KE-HOACH.TXT']);
    expect(scan.inputs[2]!.sidecar?.fields.place?.value).toBe('Ninh Thuận');
    expect(scan.accounts).toEqual([{ file: 'b/KE-HOACH.Meta.Json', outcome: 'sidecar', plan: 'b/KE-HOACH.TXT', warnings: [] }]);
  });

  it('follows no symbolic link, not even one inside seeds/, and never reads a hidden folder', () => {
    const dir = folder('links', { 'a.txt': plan, '.svn/entries.txt': plan, 'sub/b.txt': plan });
    symlinkSync(join(dir, 'a.txt'), join(dir, 'copy.txt'));
    symlinkSync(join(dir, 'sub'), join(dir, 'sub-link'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
    const scan = scanSeeds(dir);
    expect(scan.inputs.map((i) => i.file)).toEqual(['a.txt', 'sub/b.txt']);
    expect(scan.accounts.map((a) => [a.file, a.outcome, a.reason?.split(':')[0]])).toEqual([
      ['.svn', 'skipped', 'hidden folder ("." prefix)'],
      ['copy.txt', 'skipped', 'symbolic link'],
      ['passwd.txt', 'skipped', 'symbolic link'],
      ['sub-link', 'skipped', 'symbolic link'],
    ]);
  });

  it('warns above 1 MB and refuses above 3 MB, naming the file, without reading it', () => {
    const dir = folder('size', { 'big.txt': plan.repeat(32), 'huge.txt': plan.repeat(90), 'ok.txt': plan });
    const scan = scanSeeds(dir);
    expect(scan.inputs.map((i) => [i.file, i.warnings])).toEqual([
      ['big.txt', [expect.stringMatching(/^big\.txt: is 1\.1 MB, larger than any plan should be \(over 1 MB\)/)]],
      ['ok.txt', []],
    ]);
    expect(scan.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^huge\.txt: is 3\.2 MB, over the 3 MB limit for one plan/)]);
    expect(scan.accounts).toEqual([expect.objectContaining({ file: 'huge.txt', outcome: 'stopped' })]);
  });

  it('collects every sidecar problem instead of stopping at the first', () => {
    const dir = folder('sidecars', {
      'a.txt': plan,
      'a.meta.json': '{ "fields": { "date": { "value": "2025-02-30", "note": "x" } } }',
      'b.txt': plan,
      'b.meta.json': '{ not json',
      'orphan.meta.json': '{}',
    });
    const scan = scanSeeds(dir);
    expect(scan.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^a\.meta\.json: sidecar does not match its schema: fields\.date\.value: a real date/),
      expect.stringMatching(/^b\.meta\.json: sidecar is not valid JSON/),
      'orphan.meta.json: sidecar has no seed file beside it',
    ]);
    expect(scan.accounts.map((a) => [a.file, a.outcome])).toEqual([['a.meta.json', 'stopped'], ['b.meta.json', 'stopped'], ['orphan.meta.json', 'stopped']]);
    expect(scan.inputs.map((i) => i.file)).toEqual(['a.txt', 'b.txt']);
  });
});
