// Find the seed files: every .txt under seeds/ (sub-folders included), with its
// optional reviewed sidecar "<name>.meta.json". A sidecar without a seed is an error.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SeedInput } from '../pipeline/plan.ts';
import { parseSidecar } from '../pipeline/sidecar.ts';
import { SeedError } from '../pipeline/types.ts';

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

export function sidecarPath(seedPath: string): string {
  return seedPath.replace(/\.txt$/, '.meta.json');
}

export function readSeeds(seedsDir: string): SeedInput[] {
  const files = walk(seedsDir);
  const seeds = files.filter((f) => f.endsWith('.txt'));
  for (const f of files.filter((f) => f.endsWith('.meta.json'))) {
    if (!existsSync(f.replace(/\.meta\.json$/, '.txt'))) throw new SeedError(relative(seedsDir, f), null, 'sidecar has no seed file beside it');
  }
  return seeds.map((path) => {
    const file = relative(seedsDir, path);
    const side = sidecarPath(path);
    return {
      file,
      bytes: new Uint8Array(readFileSync(path)),
      sidecar: existsSync(side) ? parseSidecar(readFileSync(side, 'utf8'), relative(seedsDir, side)) : null,
    };
  });
}
