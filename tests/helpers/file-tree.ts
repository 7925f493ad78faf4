// Every file under a folder with its bytes, and the files two such trees differ in: how tests and
// benches compare a rebuild with a full build.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a folder with its bytes, paths relative to it, sorted. */
export function fileTree(dir: string, skip: (path: string) => boolean = () => false): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).filter((p) => !skip(p)).sort().map((p) => [p, readFileSync(join(dir, p))]));
}

/** The paths whose bytes differ, or that only one tree has. */
export const changedFiles = (a: Map<string, Buffer>, b: Map<string, Buffer>): string[] =>
  [...new Set([...a.keys(), ...b.keys()])].filter((p) => !a.get(p)?.equals(b.get(p) ?? Buffer.alloc(0))).sort();
