// Astro's incremental build (experimental.incrementalBuild) copies every page it does not render
// again from its copy of the last build (<cacheDir>/dist/) into the fresh output: at 3,500 plans
// ~11k pages, 660 MB, several seconds of system time in each rebuild. A hard link gives the same
// file without writing its bytes (as scripts/build/file-store.ts does for the pipeline's files).
// The kept copy is then shared with the published site, so it must never be written in place:
// Astro rewrites the kept copy of a page it rendered again with writeFile, so a file there is
// removed first and written as a new file (the published site keeps the old one).
// Astro calls node:fs's promises API at run time, so this wraps two of its functions, only for
// files under <cacheDir>/dist/, and only during `astro build`.
import fs, { type PathLike } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

type WriteFile = typeof fs.promises.writeFile;
type FileArgument = Parameters<WriteFile>[0];

/** The path of a file argument given as a path or file: URL (a file handle is not a path). */
function pathOf(file: FileArgument | PathLike): string | null {
  if (file instanceof URL) return fileURLToPath(file);
  return typeof file === 'string' ? file : null;
}

/** The promises API's copyFile and writeFile, for files under `keptDir`: a link instead of a copy, a new file instead of an overwrite. */
export function linkingFileFunctions(keptDir: string, { copyFile, writeFile, link, rm } = fs.promises) {
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
      if (kept(file)) await rm(pathOf(file)!, { force: true });
      return writeFile(file, data, options);
    },
  };
}

export function linkedRestore(): AstroIntegration {
  let keptDir = '';
  const original = { copyFile: fs.promises.copyFile, writeFile: fs.promises.writeFile };
  return {
    name: 'linked-restore',
    hooks: {
      'astro:config:done': ({ config }) => {
        keptDir = fileURLToPath(new URL('dist/', config.cacheDir));
      },
      'astro:build:start': () => {
        Object.assign(fs.promises, linkingFileFunctions(keptDir));
      },
      'astro:build:done': () => {
        Object.assign(fs.promises, original);
      },
    },
  };
}
