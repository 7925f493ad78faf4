// Files of earlier builds (content files, the search input's plans, the sources, the open data),
// kept beside Astro's cache under a key made of everything a file is made from (its inputs, the
// code's version): a rebuild links the kept file into place instead of making and writing it again. A file enters the store written
// aside and renamed, so an interrupted build never leaves a half file under a key; the fresh dist/ a
// failed build leaves is thrown away. Entries a build did not place are listed (unused) and removed by
// scripts/build.ts while Astro renders.
import { copyFileSync, linkSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeVersion } from './document-cache.ts';
import { digest } from '../pipeline/memo.ts';

/** What the kept files depend on besides their inputs: the pipeline, the build, the contract (schemas, addresses), the search input's writer (its plans' files), the vocabulary. */
const PUBLISHING_CODE = ['scripts/pipeline', 'scripts/build', 'scripts/contract', 'scripts/search', 'content'];

export class FileStore {
  private readonly dir: string;
  private readonly version: string;
  private readonly used = new Set<string>();
  /** Files this build found in the store, and made afresh. */
  readonly counts = { reused: 0, made: 0 };

  constructor(dir: string, version: string = codeVersion(PUBLISHING_CODE)) {
    this.dir = dir;
    this.version = version;
    mkdirSync(dir, { recursive: true });
  }

  /**
   * Puts at `target` the file `key` names: the stored one when there is one, else `make()`'s, stored first.
   * `key`: a digest of every input of the file (the code's version is added here). Returns the file's name in
   * the store, a digest of both: the same name, the same bytes.
   */
  place(target: string, key: string, make: () => string | Uint8Array): string {
    const name = digest(this.version, key);
    const stored = join(this.dir, name);
    this.used.add(name);
    mkdirSync(dirname(target), { recursive: true });
    if (this.linkOrCopy(stored, target)) {
      this.counts.reused++;
      return name;
    }
    const aside = `${stored}.${process.pid}.tmp`;
    writeFileSync(aside, make());
    renameSync(aside, stored);
    this.counts.made++;
    if (!this.linkOrCopy(stored, target)) throw new Error(`${stored} vanished as it was stored (removed as unused meanwhile?)`);
    return name;
  }

  /** A hard link (no bytes written); a copy where the store and dist/ are on different file systems. False when not stored. */
  private linkOrCopy(stored: string, target: string): boolean {
    try {
      linkSync(stored, target);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return false;
      if (code !== 'EXDEV' && code !== 'EPERM') throw error;
    }
    try {
      copyFileSync(stored, target);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  /** The files this build did not place (inputs since changed or gone): no build will ask for them again. */
  unused(): string[] {
    return readdirSync(this.dir).flatMap((name) => (this.used.has(name) ? [] : [join(this.dir, name)]));
  }
}
