// The incremental search index's memory: each Pagefind bundle an earlier build wrote, kept under
// a key made of everything the bundle's files depend on (bundleKey: its plans, filters and pages,
// which its records are made of, the code that makes records, the index options and Pagefind's
// version), beside Astro's cache like the document cache (scripts/build/document-cache.ts). A
// bundle whose key is there is linked instead of indexed again (its records are not even made);
// anything else changed changes the key, so nothing stale is reused. Entries not used by a build
// are removed.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeVersion } from '../build/document-cache.ts';

/** Bumped when what a cached bundle holds changes without its key changing. */
const CACHE_FORMAT = 'search-bundle-3';
/** The code records are made with (records.ts, the pipeline's shownText, the addresses) and the installed libraries (hast, Pagefind). */
const RECORD_CODE = ['scripts/search', 'scripts/pipeline', 'scripts/contract', 'content'];

const root = fileURLToPath(new URL('../..', import.meta.url));
let version: string | undefined;
/** The record code's hash and the installed Pagefind's version (its binary comes with it). */
function codeAndPagefind(): string {
  const pagefind = JSON.parse(readFileSync(join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string };
  version ??= [codeVersion(RECORD_CODE), createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex'), pagefind.version].join('\0');
  return version;
}

/** A hash of the options and of each input (in order) with the code: the name of the bundle's cache entry. */
export function bundleKey(options: unknown, inputs: Iterable<unknown>): string {
  const hash = createHash('sha256').update(CACHE_FORMAT).update('\0').update(codeAndPagefind()).update('\0').update(JSON.stringify(options));
  for (const x of inputs) hash.update('\0').update(JSON.stringify(x));
  return hash.digest('hex');
}

/** What the cache notes beside a bundle's files (never published with them). */
export interface EntryNote {
  records: number;
  /** Its plans' record starts for their cards (index-bundle.ts → recordStarts). */
  starts: Record<string, string>;
}
const noteOf = (cacheDir: string, key: string) => join(cacheDir, `${key}.json`);

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
 * Puts the bundle cached under `key` into `outputPath` and returns its note; null
 * when there is none (or it was pruned meanwhile by another build: what was linked is removed
 * again, the folders of `nested` bundles kept).
 */
export function restoreBundle(cacheDir: string, key: string, outputPath: string, nested: string[] = []): EntryNote | null {
  const entry = join(cacheDir, key);
  if (!existsSync(entry)) return null;
  try {
    const note = JSON.parse(readFileSync(noteOf(cacheDir, key), 'utf8')) as EntryNote;
    linkTree(entry, outputPath);
    return note;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (existsSync(outputPath)) for (const name of readdirSync(outputPath)) if (!nested.includes(name)) rmSync(join(outputPath, name), { recursive: true, force: true });
    return null;
  }
}

/**
 * Keeps the bundle just written in `outputPath` under `key`, leaving out the folders of other
 * bundles nested in it (the primary's folder holds the provinces'). Linked aside and renamed: a
 * build reading the cache never sees half an entry.
 */
export function storeBundle(cacheDir: string, key: string, outputPath: string, note: EntryNote, nested: string[] = []): void {
  const entry = join(cacheDir, key);
  const aside = `${entry}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  mkdirSync(cacheDir, { recursive: true });
  const skip = new Set(nested.map((n) => join(outputPath, n)));
  try {
    linkTree(outputPath, aside, skip);
    // The note first: an entry is there only with its note.
    writeFileSync(noteOf(cacheDir, key), JSON.stringify(note));
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
  for (const name of readdirSync(cacheDir)) if (!used.has(name.replace(/\.json$/, ''))) rmSync(join(cacheDir, name), { recursive: true, force: true });
}
