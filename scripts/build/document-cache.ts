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
import type { BlockFacts } from '../pipeline/block-facts.ts';
import { lazyArray } from '../pipeline/lazy-array.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** A document's blocks, in a file beside its entry's (`<key>.json`). */
const BLOCKS_SUFFIX = '.blocks.json';
/** What per-document work depends on besides the file: the pipeline's code and its vocabulary. */
const CODE_AND_DATA = ['scripts/pipeline', 'scripts/build', 'content'];

/** One document's cached work: its parse without the input, whether it reads as a scan, and its assembly when clean. */
export interface CachedDocument {
  parsed: Omit<ParsedSeed, 'input'>;
  /** blocksDigest of the parse's blocks, made once when read afresh (the library-wide steps' keys name the blocks by it). */
  blocksDigest?: string;
  damaged: boolean;
  /** A scan's damage score (detect.ts), read from its parse. */
  damageScore?: number;
  assembled?: AssembledPlan;
  /** What the library-wide steps read of a clean plan's blocks (a scan's are made from its restored blocks each build). */
  facts?: BlockFacts;
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

  /**
   * A document's entry, its blocks read from their own file only when a step looks into them (lazyArray): a
   * rebuild's library-wide steps need the facts of every plan but the text of few.
   */
  get(input: SeedInput): CachedDocument | null {
    const key = this.keyOf(input);
    const entry = this.getEntry<CachedDocument>(key);
    this.counts[entry ? 'reused' : 'read']++;
    if (!entry) return null;
    const file = this.blocksFile(key);
    entry.parsed.blocks = lazyArray(() => JSON.parse(readFileSync(file, 'utf8')) as ParsedSeed['blocks']);
    // A clean plan's blocks are its parse's (stored once): one array in memory, as when read afresh.
    if (entry.assembled) entry.assembled.plan.blocks = entry.parsed.blocks;
    return entry;
  }

  set(input: SeedInput, entry: CachedDocument): void {
    const key = this.keyOf(input);
    const { parsed, assembled } = entry;
    // The blocks first: an entry is there only with its blocks.
    this.writeAside(this.blocksFile(key), JSON.stringify(parsed.blocks));
    this.setEntry(key, { ...entry, parsed: { ...parsed, blocks: [] }, ...(assembled ? { assembled: { ...assembled, plan: { ...assembled.plan, blocks: [] } } } : {}) });
  }

  private blocksFile(key: string): string {
    return join(this.dir, `${key}${BLOCKS_SUFFIX}`);
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
    this.writeAside(join(this.dir, `${key}.json`), JSON.stringify(entry));
  }

  // Written aside and renamed: another build reading the cache never sees half a file.
  private writeAside(file: string, text: string): void {
    writeFileSync(`${file}.${process.pid}.tmp`, text);
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
    const keyOf = (name: string) => name.slice(0, -(name.endsWith(BLOCKS_SUFFIX) ? BLOCKS_SUFFIX : '.json').length);
    return readdirSync(this.dir).flatMap((name) => (name.endsWith('.json') && !this.used.has(keyOf(name)) ? [join(this.dir, name)] : []));
  }
}
