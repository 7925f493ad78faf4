// Resolution 57's text for the reuse comparison. The repository holds no copy and
// ../shared/reference/ is for tests only, so a build compares plans with the resolution
// only when an operator supplies its official text through REFERENCE_DIR; tests and the
// reuse benchmark pass that folder explicitly. The site publishes none of the resolution's
// words: only scores, shares and the plans' own words.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadVocabulary } from '../pipeline/document-types.ts';
import { parseSeed } from '../pipeline/plan.ts';
import { comparableBlocks, type ResolutionText } from '../pipeline/reuse/compare.ts';

const FILE = '57-NQ-TW.txt';

/** The resolution's body paragraphs, or null when no folder is given or it lacks the text. */
export function readResolution(dir = process.env.REFERENCE_DIR): ResolutionText | null {
  if (!dir) return null;
  const path = join(dir, FILE);
  if (!existsSync(path)) return null;
  const parsed = parseSeed({ file: FILE, bytes: new Uint8Array(readFileSync(path)), sidecar: null }, loadVocabulary());
  return { blocks: comparableBlocks({ blocks: parsed.blocks }) };
}
