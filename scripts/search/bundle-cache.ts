// The incremental search index's memory: each Pagefind bundle an earlier build wrote, kept under
// a key made of everything the bundle's files depend on (its records, the index options and the
// Pagefind version: bundleKey), beside Astro's cache like the document cache
// (scripts/build/document-cache.ts). A bundle whose key is there is copied instead of indexed
// again; anything else changed changes the key, so nothing stale is reused. Entries not used by
// a build are removed.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped when what a cached bundle holds changes without its key changing. */
const CACHE_FORMAT = 'search-bundle-1';

const root = fileURLToPath(new URL('../..', import.meta.url));
let pagefindVersion: string | undefined;
/** The installed Pagefind's version (its binary comes with it: same version). */
function installedPagefind(): string {
  pagefindVersion ??= (JSON.parse(readFileSync(join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;
  return pagefindVersion;
}

/** A hash of the options and of each record (in order): the name of the bundle's cache entry. */
export function bundleKey(options: unknown, records: Iterable<string>): string {
  const hash = createHash('sha256').update(CACHE_FORMAT).update('\0').update(installedPagefind()).update('\0').update(JSON.stringify(options));
  for (const r of records) hash.update('\0').update(r);
  return hash.digest('hex');
}

/**
 * Hard-links every file under `from` into `to` (a copy across file systems): a bundle's thousands
 * of small files cost a link each, not a copy (1,000 plans: copies took 25 s of a 76 s stage on
 * the shared machine). Pagefind's files are written once and never changed in place (a build
 * writes a fresh folder), so a file shared by the cache and a built site stays what it was.
 */
function linkTree(from: string, to: string, skip: Set<string> = new Set()): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const [src, dst] = [join(from, e.name), join(to, e.name)];
    if (skip.has(src)) continue;
    if (e.isDirectory()) linkTree(src, dst);
    else
      try {
        linkSync(src, dst);
      } catch (error) {
        if (!['EXDEV', 'EPERM', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
        copyFileSync(src, dst);
      }
  }
}

/**
 * Puts the bundle cached under `key` into `outputPath`; false when there is none (or it was pruned
 * meanwhile by another build: what was linked is removed again, the folders of `nested` bundles kept).
 */
export function restoreBundle(cacheDir: string, key: string, outputPath: string, nested: string[] = []): boolean {
  const entry = join(cacheDir, key);
  if (!existsSync(entry)) return false;
  try {
    linkTree(entry, outputPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    for (const name of readdirSync(outputPath)) if (!nested.includes(name)) rmSync(join(outputPath, name), { recursive: true, force: true });
    return false;
  }
}

/**
 * Keeps the bundle just written in `outputPath` under `key`, leaving out the folders of other
 * bundles nested in it (the primary's folder holds the provinces'). Linked aside and renamed: a
 * build reading the cache never sees half an entry.
 */
export function storeBundle(cacheDir: string, key: string, outputPath: string, nested: string[] = []): void {
  const entry = join(cacheDir, key);
  const aside = `${entry}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  mkdirSync(cacheDir, { recursive: true });
  const skip = new Set(nested.map((n) => join(outputPath, n)));
  try {
    linkTree(outputPath, aside, skip);
    renameSync(aside, entry);
  } catch (error) {
    // Another build stored the same bundle first (same key, same files), or pruned the copy under way:
    // the bundle is simply not kept this time.
    rmSync(aside, { recursive: true, force: true });
    if (!['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
}

/** Removes every entry but the ones this build used (bundles since changed, half-written copies of killed builds). */
export function pruneBundles(cacheDir: string, used: Set<string>): void {
  if (!existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) if (!used.has(name)) rmSync(join(cacheDir, name), { recursive: true, force: true });
}
