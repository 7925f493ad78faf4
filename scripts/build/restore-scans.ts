// Damaged scans are restored before metadata is read. Until the OCR restorer
// (scripts/pipeline/ocr/) is wired in, this passes every seed through unchanged.
import type { Plan } from '../pipeline/types.ts';
import type { ParsedSeed } from '../pipeline/plan.ts';

export function restoreScans(parsed: ParsedSeed[], _warnings: string[]): { seed: ParsedSeed; ocr?: Plan['ocr'] }[] {
  return parsed.map((seed) => ({ seed }));
}
