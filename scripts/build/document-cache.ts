// The incremental build's memory of per-document work: what parsing, damage detection and
// (for a clean text) metadata and references gave for one seed file, stored under a key made
// of everything that work depends on: the file's name, bytes and sidecar, and the code and
// vocabulary that read it (scripts/pipeline/, scripts/build/, content/). A rebuild after one
// plan changed redoes that plan only, plus the library-wide steps; anything else changed
// (code, a word list) changes every key, so nothing stale is ever reused. Entries a build did
// not use are listed (unused) and removed by scripts/build.ts while Astro renders.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssembledPlan, ParsedSeed, SeedInput } from '../pipeline/plan.ts';
import type { Memo } from '../pipeline/memo.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** What per-document work depends on besides the file: the pipeline's code and its vocabulary. */
const CODE_AND_DATA = ['scripts/pipeline', 'scripts/build', 'content'];

/** One document's cached work: its parse without the input, whether it reads as a scan, and its assembly when clean. */
export interface CachedDocument {
  parsed: Omit<ParsedSeed, 'input'>;
  /** blocksDigest of the parse's blocks, made once when read afresh (the library-wide steps' keys name the blocks by it). */
  blocksDigest?: string;
  damaged: boolean;
  assembled?: AssembledPlan;
}

/** A hash of every file the per-document work reads (tests and the generated content excluded: they change no reading), or of the folders given. */
export function codeVersion(dirs: string[] = CODE_AND_DATA): string {
  const hash = createHash('sha256');
  const files = dirs.flatMap((dir) => readdirSync(join(root, dir), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.endsWith('.test.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((f) => !f.startsWith(join('content', 'generated')))
    .sort();
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex');
}

export class DocumentCache {
  private readonly used = new Set<string>();
  private readonly dir: string;
  private readonly version: string;
  constructor(dir: string, version: string = codeVersion()) {
    this.dir = dir;
    this.version = version;
    mkdirSync(dir, { recursive: true });
  }

  /** Where the entries are and the code version their keys are made with (for a worker thread's own instance). */
  get location(): { dir: string; version: string } {
    return { dir: this.dir, version: this.version };
  }

  // One hash per input: a build asks whether an input is cached before it reads it (has, then get).
  private readonly keys = new WeakMap<SeedInput, string>();
  keyOf(input: SeedInput): string {
    let key = this.keys.get(input);
    if (key === undefined) {
      key = createHash('sha256').update(this.version).update('\0').update(input.file).update('\0').update(input.bytes).update('\0').update(JSON.stringify(input.sidecar)).digest('hex');
      this.keys.set(input, key);
    }
    return key;
  }

  /** Documents this build found in the cache, and read afresh. */
  readonly counts = { reused: 0, read: 0 };

  /** Whether an entry for this input is there (neither read nor counted). */
  has(input: SeedInput): boolean {
    return this.hasEntry(this.keyOf(input));
  }

  get(input: SeedInput): CachedDocument | null {
    const entry = this.getEntry<CachedDocument>(this.keyOf(input));
    this.counts[entry ? 'reused' : 'read']++;
    // A clean plan's blocks are its parse's (stored once): one array in memory, as when read afresh.
    if (entry?.assembled) entry.assembled.plan.blocks = entry.parsed.blocks;
    return entry;
  }

  set(input: SeedInput, entry: CachedDocument): void {
    const { assembled } = entry;
    this.setEntry(this.keyOf(input), assembled ? { ...entry, assembled: { ...assembled, plan: { ...assembled.plan, blocks: [] } } } : entry);
  }

  /** Whether an entry is there under a key of the caller's (not read). */
  hasEntry(key: string): boolean {
    return existsSync(join(this.dir, `${key}.json`));
  }

  /** An entry under a key of the caller's (a hash of everything it depends on), or null. */
  getEntry<T>(key: string): T | null {
    this.used.add(key);
    try {
      return JSON.parse(readFileSync(join(this.dir, `${key}.json`), 'utf8')) as T;
    } catch (error) {
      // Not there (or removed meanwhile as unused): the work is done afresh.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return null;
    }
  }

  setEntry(key: string, entry: unknown): void {
    this.used.add(key);
    // Written aside and renamed: another build reading the cache never sees half a file.
    const file = join(this.dir, `${key}.json`);
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(entry));
    renameSync(`${file}.${process.pid}.tmp`, file);
  }

  /** The key of work that depends on these texts and on the code (a library-wide step's). */
  keyOfTexts(kind: string, texts: string[]): string {
    const hash = createHash('sha256').update(this.version).update('\0').update(kind);
    for (const t of texts) hash.update('\0').update(t);
    return `${kind}-${hash.digest('hex')}`;
  }

  /** Entries of one kind of work under the caller's keys (hashes of its inputs), made versioned: the code's version is added. */
  memo(kind: string): Memo {
    const counts = this.memoCounts.get(kind) ?? { reused: 0, computed: 0 };
    this.memoCounts.set(kind, counts);
    return {
      get: <T>(key: string) => {
        const entry = this.getEntry<T>(this.keyOfTexts(kind, [key]));
        counts[entry === null ? 'computed' : 'reused']++;
        return entry;
      },
      set: (key: string, value: unknown) => this.setEntry(this.keyOfTexts(kind, [key]), value),
      keep: (key: string) => this.used.add(this.keyOfTexts(kind, [key])),
      tally: (reused: number, computed: number) => {
        counts.reused += reused;
        counts.computed += computed;
      },
    };
  }

  /** Per kind of library-wide work (memo), the entries this build found and those it had to compute. */
  readonly memoCounts = new Map<string, { reused: number; computed: number }>();

  /** The entries this build did not use (files since changed or removed): no build will ask for them again. */
  unused(): string[] {
    return readdirSync(this.dir).flatMap((name) => (name.endsWith('.json') && !this.used.has(name.slice(0, -'.json'.length)) ? [join(this.dir, name)] : []));
  }
}
