// Damaged scans are restored before metadata is read (scripts/pipeline/ocr/).
// Detection is by content, never by file name: the plans that read as clean
// Vietnamese train the restorer (language model, and labelled pairs from the
// boilerplate they share with the scans); names reviewed in sidecars are candidates.
import type { Plan } from '../pipeline/types.ts';
import type { ParsedSeed } from '../pipeline/plan.ts';
import { damageScore, isDamagedDocument, restoreBlocks, trainRestorer, type OcrRestorer } from '../pipeline/ocr/index.ts';

const textOf = (seed: ParsedSeed): string => seed.blocks.map((b) => b.text).join('\n');

/** Which plans read as damaged scans, and the restorer trained for them (null when there is none). */
export function scanRestorer(parsed: ParsedSeed[]): { damaged: boolean[]; restorer: OcrRestorer | null } {
  const damaged = parsed.map((seed) => isDamagedDocument(seed.blocks));
  if (!damaged.some(Boolean)) return { damaged, restorer: null };
  const names = parsed.flatMap((seed) => {
    const f = seed.input.sidecar?.fields ?? {};
    return [f.locality?.value, f.place?.value, f.issuer?.value].filter((v): v is string => !!v);
  });
  const cleanTexts = parsed.filter((_, i) => !damaged[i]).map(textOf);
  return { damaged, restorer: trainRestorer({ cleanTexts, scans: parsed.filter((_, i) => damaged[i]).map(textOf), names }) };
}

export function restoreScans(parsed: ParsedSeed[], warnings: string[]): { seed: ParsedSeed; ocr?: Plan['ocr'] }[] {
  const { damaged, restorer } = scanRestorer(parsed);
  if (!restorer) return parsed.map((seed) => ({ seed }));
  if (damaged.every(Boolean)) warnings.push('every plan looks like a damaged scan: restoring with the general word list only');
  return parsed.map((seed, i) => {
    if (!damaged[i]) return { seed };
    const score = damageScore(textOf(seed));
    return { seed: { ...seed, blocks: restoreBlocks(seed.blocks, restorer) }, ocr: { damageScore: Math.round(score * 1000) / 1000, restored: true } };
  });
}
