// Damaged scans are restored before metadata is read (scripts/pipeline/ocr/).
// Detection is by content, never by file name: the plans that read as clean
// Vietnamese train the restorer (language model, and labelled pairs from the
// boilerplate they share with the scans); names reviewed in sidecars are candidates.
// The restorer learns from the first TRAINING_PLANS clean plans (by file name) only: local
// plans share their wording, so more adds time and memory (the pipeline's peak at thousands
// of plans) but little to learn, and a change to a later plan leaves the restorer as it was.
import type { Block, Plan } from '../pipeline/types.ts';
import type { ParsedSeed } from '../pipeline/plan.ts';
import { damageScore, isDamagedDocument, restoreBlocks, trainRestorer, type OcrRestorer } from '../pipeline/ocr/index.ts';
import type { DocumentCache } from './document-cache.ts';

/** Clean plans the restorer is trained on, at most (bench:scale measures the cost). */
export const TRAINING_PLANS = 100;

const textOf = (seed: ParsedSeed): string => seed.blocks.map((b) => b.text).join('\n');

/** What the restorer learns from: the first clean plans, every scan, the names reviewed in sidecars. */
function trainingSet(parsed: ParsedSeed[], damaged: boolean[]) {
  const names = parsed.flatMap((seed) => {
    const f = seed.input.sidecar?.fields ?? {};
    return [f.locality?.value, f.place?.value, f.issuer?.value].filter((v): v is string => !!v);
  });
  const cleanTexts = parsed.filter((_, i) => !damaged[i]).slice(0, TRAINING_PLANS).map(textOf);
  return { cleanTexts, scans: parsed.filter((_, i) => damaged[i]), names };
}

/** Which plans read as damaged scans, and the restorer trained for them (null when there is none). */
export function scanRestorer(parsed: ParsedSeed[]): { damaged: boolean[]; restorer: OcrRestorer | null } {
  const damaged = parsed.map((seed) => isDamagedDocument(seed.blocks));
  if (!damaged.some(Boolean)) return { damaged, restorer: null };
  const { cleanTexts, scans, names } = trainingSet(parsed, damaged);
  return { damaged, restorer: trainRestorer({ cleanTexts, scans: scans.map(textOf), names }) };
}

/**
 * `damaged`: whether each plan reads as a scan, when already known (the document cache).
 * `cache`: the restored scans of an earlier build, reused when what the restorer learns from
 * (the training plans, every scan, the reviewed names) and the code are the same: a rebuild
 * after another plan changed trains nothing.
 */
export function restoreScans(
  parsed: ParsedSeed[],
  warnings: string[],
  damaged: boolean[] = parsed.map((seed) => isDamagedDocument(seed.blocks)),
  cache?: DocumentCache,
): { seed: ParsedSeed; ocr?: Plan['ocr'] }[] {
  if (!damaged.some(Boolean)) return parsed.map((seed) => ({ seed }));
  if (damaged.every(Boolean)) warnings.push('every plan looks like a damaged scan: restoring with the general word list only');
  const { cleanTexts, scans, names } = trainingSet(parsed, damaged);
  // The scans' blocks whole (not their text only): a sidecar's lead-in changes their parts.
  const key = cache?.keyOfTexts('restored-scans', [...cleanTexts, '\u0001', ...scans.map((seed) => JSON.stringify(seed.blocks)), '\u0001', ...names]);
  let restored = key ? cache!.getEntry<Block[][]>(key) : null;
  if (!restored) {
    const restorer = trainRestorer({ cleanTexts, scans: scans.map(textOf), names });
    restored = scans.map((seed) => restoreBlocks(seed.blocks, restorer));
    if (key) cache!.setEntry(key, restored);
  }
  const restoredOf = new Map(scans.map((seed, k) => [seed, restored[k]!]));
  return parsed.map((seed) => {
    const blocks = restoredOf.get(seed);
    if (!blocks) return { seed };
    const score = damageScore(textOf(seed));
    return { seed: { ...seed, blocks }, ocr: { damageScore: Math.round(score * 1000) / 1000, restored: true } };
  });
}
