// Astro's incremental build (experimental.incrementalBuild) copies every page it does not render
// again from its copy of the last build (<cacheDir>/dist/) into the fresh output: at 3,500 plans
// ~11k pages, 660 MB, several seconds of system time in each rebuild. A hard link gives the same
// file without writing its bytes (as scripts/build/file-store.ts does for the pipeline's files).
// The kept copy is then shared with the published site, so it must never be written in place:
// Astro rewrites the kept copy of a page it rendered again with writeFile, so a file there is
// removed first and made anew (the published site keeps the old one). Made anew as a link too:
// Astro writes the kept copy of a page it rendered right after the page itself, with the same
// bytes, so the page in the output is linked there. A site whose pages are links costs little to
// remove: at 3,500 plans the rebuild that removes a full build's site took 51 s of CPU when its
// 11k pages were files of their own, 45 s since (a rebuild removing a rebuild's site: 42–43 s).
// Astro calls node:fs's promises API at run time, so this wraps two of its functions, only for
// files under <cacheDir>/dist/, and only during `astro build`.
import fs, { type PathLike } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

type WriteFile = typeof fs.promises.writeFile;
type FileArgument = Parameters<WriteFile>[0];

/** The path of a file argument given as a path or file: URL (a file handle is not a path). */
function pathOf(file: FileArgument | PathLike): string | null {
  if (file instanceof URL) return fileURLToPath(file);
  return typeof file === 'string' ? file : null;
}

/** Whether the file at `path` holds exactly `data` (false when it is not there). */
async function holds(path: string, data: unknown, readFile: typeof fs.promises.readFile): Promise<boolean> {
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) return false;
  try {
    return Buffer.from(data).equals(await readFile(path));
  } catch {
    return false;
  }
}

/**
 * The promises API's copyFile and writeFile, for files under `keptDir` (the kept copies of the pages in `outDir`): a
 * link instead of a copy; a new file instead of an overwrite, linked to the page in `outDir` when that holds the same bytes.
 */
export function linkingFileFunctions(keptDir: string, outDir: string, { copyFile, writeFile, link, rm, readFile } = fs.promises) {
  const kept = (file: FileArgument | PathLike) => pathOf(file)?.startsWith(keptDir) ?? false;
  return {
    async copyFile(source: PathLike, destination: PathLike, mode?: number): Promise<void> {
      if (kept(source)) {
        try {
          return await link(source, destination);
        } catch {
          // Another file system, or a file already there: copied as Astro would.
        }
      }
      return copyFile(source, destination, mode);
    },
    async writeFile(file: FileArgument, data: Parameters<WriteFile>[1], options?: Parameters<WriteFile>[2]): Promise<void> {
      if (!kept(file)) return writeFile(file, data, options);
      const path = pathOf(file)!;
      await rm(path, { force: true });
      const page = join(outDir, relative(keptDir, path));
      if (await holds(page, data, readFile)) {
        try {
          return await link(page, path);
        } catch {
          // Another file system: written as Astro would.
        }
      }
      return writeFile(file, data, options);
    },
  };
}

export function linkedRestore(): AstroIntegration {
  let keptDir = '';
  let outDir = '';
  const original = { copyFile: fs.promises.copyFile, writeFile: fs.promises.writeFile };
  return {
    name: 'linked-restore',
    hooks: {
      'astro:config:done': ({ config }) => {
        keptDir = fileURLToPath(new URL('dist/', config.cacheDir));
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        Object.assign(fs.promises, linkingFileFunctions(keptDir, outDir));
      },
      'astro:build:done': () => {
        Object.assign(fs.promises, original);
      },
    },
  };
}
