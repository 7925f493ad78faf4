// Damaged scans are restored before metadata is read (scripts/pipeline/ocr/).
// Detection is by content, never by file name: the plans that read as clean
// Vietnamese train the restorer (language model, and labelled pairs from the
// boilerplate they share with the scans); names reviewed in sidecars are candidates.
// The restorer learns from the first TRAINING_PLANS clean plans (by file name) only: local
// plans share their wording, so more adds time and memory (the pipeline's peak at thousands
// of plans) but little to learn, and a change to a later plan leaves the restorer as it was.
import type { Plan } from '../pipeline/types.ts';
import type { ParsedSeed } from '../pipeline/plan.ts';
import { damageScore, isDamagedDocument, restoreBlocks, trainRestorer } from '../pipeline/ocr/index.ts';

/** Clean plans the restorer is trained on, at most (bench:scale measures the cost). */
export const TRAINING_PLANS = 100;

const textOf = (seed: ParsedSeed): string => seed.blocks.map((b) => b.text).join('\n');

/** `damaged`: whether each plan reads as a scan, when already known (the document cache). */
export function restoreScans(parsed: ParsedSeed[], warnings: string[], damaged: boolean[] = parsed.map((seed) => isDamagedDocument(seed.blocks))): { seed: ParsedSeed; ocr?: Plan['ocr'] }[] {
  if (!damaged.some(Boolean)) return parsed.map((seed) => ({ seed }));
  const clean = parsed.filter((_, i) => !damaged[i]);
  if (clean.length === 0) warnings.push('every plan looks like a damaged scan: restoring with the general word list only');
  const names = parsed.flatMap((seed) => {
    const f = seed.input.sidecar?.fields ?? {};
    return [f.locality?.value, f.place?.value, f.issuer?.value].filter((v): v is string => !!v);
  });
  const restorer = trainRestorer({ cleanTexts: clean.slice(0, TRAINING_PLANS).map(textOf), scans: parsed.filter((_, i) => damaged[i]).map(textOf), names });
  return parsed.map((seed, i) => {
    if (!damaged[i]) return { seed };
    const score = damageScore(textOf(seed));
    return { seed: { ...seed, blocks: restoreBlocks(seed.blocks, restorer) }, ocr: { damageScore: Math.round(score * 1000) / 1000, restored: true } };
  });
}
