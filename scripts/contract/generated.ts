// What the build writes to content/generated/ (or the folder CONTENT_GENERATED names), file by
// file, with the schema of what each holds. The site reads the files from here
// (src/utils/generated-data.ts) and the build checks every file against it before Astro reads them,
// so a wrong shape stops the build naming the file, the entry and the field.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  comparison,
  documentEntrySchema,
  findingEntrySchema,
  indicatorListSchema,
  nationalPageSchema,
  planEntrySchema,
  provinceEntrySchema,
  reuseShares,
  targetSchema,
  versusNationalSchema,
} from './schemas/index.ts';

/** The JSON files that are collections: an array of entries, each with its `id`. */
export const COLLECTION_FILES = {
  plans: { file: 'plans.json', entry: planEntrySchema },
  documents: { file: 'documents.json', entry: documentEntrySchema },
  targets: { file: 'targets.json', entry: targetSchema },
  findings: { file: 'findings.json', entry: findingEntrySchema },
  national: { file: 'national.json', entry: nationalPageSchema },
  provinces: { file: 'provinces.json', entry: provinceEntrySchema },
} as const;

/**
 * A collection file's text: a JSON array with one entry per line. Any JSON reader takes it whole; the pages read it
 * line by line (parseCollection), never as one string of the whole file: at 3,500 plans targets.json is 94 MB, and
 * decoding it into one string cost Astro more than parsing it (2.5 s whole, 1.6 s line by line).
 */
export function collectionText(entries: readonly unknown[]): string {
  return `[\n${entries.map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`;
}

const [NEWLINE, COMMA, OPEN, CLOSE] = [0x0a, 0x2c, 0x5b, 0x5d];

/**
 * The entries of a collection file as collectionText wrote it, each line parsed on its own (JSON escapes a newline inside a
 * string). `each`: called with every entry and the bytes of its line (its JSON), for a reader that keys entries by them.
 */
export function parseCollection(bytes: Buffer, file: string, each?: (entry: unknown, line: Buffer) => void): unknown[] {
  const last = bytes.length - (bytes.at(-1) === NEWLINE ? 2 : 1);
  if (bytes[0] !== OPEN || bytes[1] !== NEWLINE || bytes[last] !== CLOSE) throw new Error(`${file}: not a JSON array of one entry per line (collectionText)`);
  const entries: unknown[] = [];
  for (let start = 2; start < last; ) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline < 0 ? last : newline;
    const stop = bytes[end - 1] === COMMA ? end - 1 : end;
    if (stop > start) {
      let entry: unknown;
      try {
        entry = JSON.parse(bytes.toString('utf8', start, stop));
      } catch (error) {
        throw new Error(`${file}: entry ${entries.length + 1}: ${(error as Error).message}`);
      }
      entries.push(entry);
      each?.(entry, bytes.subarray(start, stop));
    }
    start = end + 1;
  }
  return entries;
}

/** The JSON files that are one whole document each, not a collection: the pages read them whole. */
export const DATA_FILES = {
  /** Each plan's reuse shares (the reuse data without its paragraphs, published whole as /data/reuse.json). */
  reuseShares: { file: 'reuse-shares.json', schema: reuseShares },
  /** Each target's standing against the national target (target id → direction), looked up by the pages. */
  versusNational: { file: 'versus-national.json', schema: versusNationalSchema },
  /** The site's indicators: the taxonomy's, then those derived from subject words in this build (pipeline/targets/derive.ts). */
  indicators: { file: 'indicators.json', schema: indicatorListSchema },
  /** The rows of every comparison page (pipeline/reuse/comparison.ts), read beside the reuse shares. */
  comparisons: { file: 'comparisons.json', schema: z.array(comparison) },
  /**
   * Per plan id, the key of its text file (PLAN_TEXTS): a digest of everything the fragment is made from and of
   * the code making it, so it changes whenever the bytes may. A plan page's cache key takes it instead of reading
   * and hashing the file (3,500 files, 145 MB, each build).
   */
  planTexts: { file: 'plan-texts.json', schema: z.record(z.string(), z.string()) },
} as const;
type DataFiles = typeof DATA_FILES;

/** The folder the build writes and the site reads (CONTENT_GENERATED, for builds of other folders). */
export function generatedFolder(): string {
  return process.env.CONTENT_GENERATED ?? 'content/generated';
}

let contentWhole = false;

/**
 * The path of a file of the generated folder, once it is there. The build starts Astro while the pipeline
 * still makes the content (scripts/build.ts), so that Astro's start-up, bundling and first reads are done
 * meanwhile: the pipeline places each file whole (linked or renamed in, never written in place), so a file
 * there is final; until it is, this waits, unless the file CONTENT_READY_FILE names exists (the build writes
 * it once every file is in place: a file missing then is missing, and reading it fails naming it).
 */
export function generatedFile(path: string): string {
  const file = join(generatedFolder(), path);
  const marker = process.env.CONTENT_READY_FILE;
  if (contentWhole || !marker) return file;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(file)) {
    if (existsSync(marker)) {
      contentWhole = true;
      break;
    }
    Atomics.wait(pause, 0, 0, 25);
  }
  return file;
}

/** One of DATA_FILES from its text, checked against its schema. */
export function parseDataFile<K extends keyof DataFiles>(key: K, text: string): z.infer<DataFiles[K]['schema']> {
  // One schema per key: the union TypeScript sees is narrowed by the key.
  return DATA_FILES[key].schema.parse(JSON.parse(text)) as z.infer<DataFiles[K]['schema']>;
}

/** One of DATA_FILES as the build wrote it (into the generated folder, or `folder`). */
export function readDataFile<K extends keyof DataFiles>(key: K, folder?: string): z.infer<DataFiles[K]['schema']> {
  return parseDataFile(key, readFileSync(folder ? join(folder, DATA_FILES[key].file) : generatedFile(DATA_FILES[key].file), 'utf8'));
}

/**
 * Each plan's text: an HTML fragment per plan, `<folder>/<plan id><extension>`, the plan's
 * id in its name only. A plan's page reads its own file when it renders (src/utils/generated-data.ts).
 */
export const PLAN_TEXTS = { folder: 'plans', extension: '.html' } as const;

/** The path under the generated folder of a plan's text. */
export const planTextFile = (planId: string): string => `${PLAN_TEXTS.folder}/${planId}${PLAN_TEXTS.extension}`;

/** Every JSON file of the folder and the schema of its whole content. */
export const GENERATED_JSON: Record<string, z.ZodType> = {
  ...Object.fromEntries(Object.values(COLLECTION_FILES).map(({ file, entry }) => [file, z.array(entry)])),
  ...Object.fromEntries(Object.values(DATA_FILES).map(({ file, schema }) => [file, schema])),
};

/** "[3].metadata.level.value" → "entry 3 (id "dong-thap"), metadata.level.value". */
function where(path: PropertyKey[], data: unknown): string {
  if (path.length === 0) return '(the whole file)';
  const [first, ...rest] = path;
  const field = rest.map(String).join('.');
  if (typeof first !== 'number' || !Array.isArray(data)) return path.map(String).join('.');
  const id = (data[first] as { id?: unknown } | undefined)?.id;
  return `entry ${first}${typeof id === 'string' ? ` (id "${id}")` : ''}${field ? `, ${field}` : ''}`;
}

/**
 * Checks each generated JSON file against its schema; throws one error listing every file that
 * breaks it (file, entry, field, what is wrong). A JSON file the contract does not know stops the
 * build too: nothing is published unchecked.
 */
export function checkGeneratedFiles(files: Map<string, string>): void {
  const problems: string[] = [];
  for (const [name, text] of files) {
    if (!name.endsWith('.json')) continue;
    const schema = GENERATED_JSON[name];
    if (!schema) {
      problems.push(`${name}: no schema in scripts/contract/generated.ts says what this file holds`);
      continue;
    }
    const data: unknown = JSON.parse(text);
    const result = schema.safeParse(data);
    if (result.success) continue;
    for (const issue of result.error.issues.slice(0, 10)) problems.push(`${name}: ${where(issue.path, data)}: ${issue.message}`);
    if (result.error.issues.length > 10) problems.push(`${name}: … and ${result.error.issues.length - 10} more`);
  }
  if (problems.length) throw new Error(`the generated data does not match its schema (scripts/contract/schemas/):\n${problems.join('\n')}`);
}
