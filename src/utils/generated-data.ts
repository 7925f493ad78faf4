// The generated data as the pages read it: straight from the files the build wrote
// (scripts/contract/generated.ts), not through Astro's content layer. The content layer kept
// every collection in memory, wrote it to data-store.json and serialized it again into the
// server bundle, which the render step loaded back: several copies of 300+ MB at 3,500 plans.
// Here each file is parsed once per process, when a page first asks for it (a collection line by
// line: parseCollection), and a plan's text is read by its own page only. The build checked every
// file against the contract's schemas before Astro runs (checkGeneratedFiles), so the entries are
// used as parsed.
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { COLLECTION_FILES, DATA_FILES, generatedFile, parseCollection, planTextFile } from '../../scripts/contract/generated.ts';

type Collections = typeof COLLECTION_FILES;
export type CollectionName = keyof Collections;
/** One entry of a collection file, its type inferred from the contract's schema. */
export type Entry<K extends CollectionName> = z.infer<Collections[K]['entry']>;

const parsed = new Map<CollectionName, readonly { id: string }[]>();
// The order Astro's content store gave the entries (its data-store writer sorts by id with
// localeCompare): lists whose sort leaves ties (cited documents with as many citations, findings
// of one plan) keep the order they had, so the site is the same page for page.
const byId = new Intl.Collator();

// Each entry's digest: of its line's bytes, hashed as it is parsed (a page's cache key names the entries it shows by them).
const lineDigests = new WeakMap<object, string>();

/**
 * A digest of a collection's entry as parsed (its JSON line: the same bytes, the same digest); undefined for any other
 * object, a copy of an entry too. The page keys (page-keys.ts) take it instead of serializing the entry again: at 3,500
 * plans, ~150,000 targets, findings and plans a build.
 */
export function entryDigest(entry: object): string | undefined {
  return lineDigests.get(entry);
}

/** The entries of a collection file in the order of their ids (one parse per process). */
export function entries<K extends CollectionName>(name: K): readonly Entry<K>[] {
  let list = parsed.get(name);
  if (!list) {
    const { file } = COLLECTION_FILES[name];
    // SHA-1 over bytes: a key of the site's own data, three times faster than SHA-256 here.
    const read = parseCollection(readFileSync(generatedFile(file)), file, (entry, line) => lineDigests.set(entry as object, hash('sha1', line, 'base64url'))) as { id: string }[];
    list = read.sort((a, b) => byId.compare(a.id, b.id));
    parsed.set(name, list);
  }
  return list as unknown as readonly Entry<K>[];
}

type DataFiles = typeof DATA_FILES;

/** One of the whole-document files as parsed, not checked again (the build checked it): Zod over tens of MB at 3,500 plans costs seconds. */
export function dataFile<K extends keyof DataFiles>(name: K): z.infer<DataFiles[K]['schema']> {
  return JSON.parse(readFileSync(generatedFile(DATA_FILES[name].file), 'utf8')) as z.infer<DataFiles[K]['schema']>;
}

/** A plan's text: the HTML fragment the pipeline wrote and escaped (scripts/pipeline/emit-html.ts). */
export function planText(planId: string): string {
  return readFileSync(generatedFile(planTextFile(planId)), 'utf8');
}

let textKeys: Record<string, string> | null = null;

/** The key of a plan's text file, for its page's cache key: the pipeline's (DATA_FILES.planTexts), the file not read. */
export function planTextKey(planId: string): string {
  textKeys ??= dataFile('planTexts');
  const key = textKeys[planId];
  if (key === undefined) throw new Error(`${DATA_FILES.planTexts.file} holds no key for the text of plan ${planId}`);
  return key;
}
