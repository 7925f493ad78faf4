// Resolution 57's text for the reuse comparison, read in place at build time from
// ../shared/reference/ (REFERENCE_DIR overrides it). The repository holds no copy and the
// site publishes none of it: only scores, shares and the plans' own words.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadVocabulary } from '../pipeline/document-types.ts';
import { parseSeed } from '../pipeline/plan.ts';
import { comparableBlocks, type ResolutionText } from '../pipeline/reuse/compare.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FILE = '57-NQ-TW.txt';

export function referenceDir(): string {
  return process.env.REFERENCE_DIR ?? join(root, '..', 'shared', 'reference');
}

/** The resolution's body paragraphs, or null when its text is not beside the repository. */
export function readResolution(dir = referenceDir()): ResolutionText | null {
  const path = join(dir, FILE);
  if (!existsSync(path)) return null;
  const parsed = parseSeed({ file: FILE, bytes: new Uint8Array(readFileSync(path)), sidecar: null }, loadVocabulary());
  return { blocks: comparableBlocks({ blocks: parsed.blocks }) };
}
