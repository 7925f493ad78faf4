// ../shared beside the repository: real documents by other offices with their hand-read labels
// (corpus/), the text of Resolution 57 (reference/) and the seeds' checksums (seeds/). Tests and benchmarks read them in place,
// never copy them into the repository, and skip cleanly when the folder is absent.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared/corpus/ (with its trailing slash): the real documents and labels.json. */
export const sharedCorpusDir = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

/** ../shared/reference/ (with its trailing slash): Resolution 57's text, for tests only. */
export const sharedReferenceDir = fileURLToPath(new URL('../../shared/reference/', import.meta.url));

/** ../shared/seeds/ (with its trailing slash): the seeds as delivered, with their SHA256SUMS. */
export const sharedSeedsDir = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));

/** The .txt files of ../shared/corpus/, or none when it is absent. */
export function sharedCorpusFiles(): string[] {
  return existsSync(sharedCorpusDir) ? readdirSync(sharedCorpusDir).filter((f) => f.endsWith('.txt')).sort() : [];
}

/** The folders given, then ../shared/corpus/ when it is present (the sources of synthetic plans, say). */
export function withSharedCorpus(...folders: string[]): string[] {
  return [...folders, ...(existsSync(sharedCorpusDir) ? [sharedCorpusDir] : [])];
}
