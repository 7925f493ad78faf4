// Which pages Astro's incremental build (experimental.incrementalBuild) rendered in a build: it
// keeps a copy of every page with a cacheKey in <cacheDir>/dist/, writes that copy when it renders
// the page and only reads it when it reuses the page. Astro runs silent here, so the build report
// and tests count from those copies.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface KeyedPages {
  /** Pages with a cacheKey in this build's cache. */
  keyed: number;
  /** Of those, the ones rendered since `since` (the others were copied from an earlier build); paths relative to the site. */
  rendered: string[];
}

export function keyedPagesSince(cacheDir: string, since: number): KeyedPages {
  const dir = join(cacheDir, 'dist');
  if (!existsSync(dir)) return { keyed: 0, rendered: [] };
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((path) => ({ path, stat: statSync(join(dir, path)) })).filter((f) => f.stat.isFile());
  return { keyed: files.length, rendered: files.filter((f) => f.stat.mtimeMs >= since).map((f) => f.path).sort() };
}
