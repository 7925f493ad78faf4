// Moves a folder's files into another folder that already holds files of its own (the
// pipeline's part of dist/ into Astro's output), by renaming: a folder found in only one is moved
// whole, one found in both is merged, and a file found in both stops the build (two steps
// writing one address would publish one of them silently).
import { existsSync, lstatSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';

export function moveInto(from: string, to: string): void {
  for (const name of readdirSync(from).sort()) {
    const source = join(from, name);
    const target = join(to, name);
    if (!existsSync(target)) renameSync(source, target);
    else if (lstatSync(source).isDirectory() && lstatSync(target).isDirectory()) moveInto(source, target);
    else throw new Error(`two steps of the build wrote ${target}: the pipeline's and Astro's`);
  }
  rmdirSync(from);
}
