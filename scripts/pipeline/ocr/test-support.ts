// Shared by the OCR tests: the real seeds as paragraphs, and one restorer trained
// the way the build trains it (clean plans found by damage score, the scan unlabelled).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED, seedFiles, seedsDir, seedText } from '../../../tests/seeds.ts';
import { toParagraphs } from '../normalize.ts';
import { damageScore, DAMAGE_THRESHOLD } from './detect.ts';
import { trainRestorer, type OcrRestorer } from './restore.ts';

export { SEED };

/** Paragraph texts of a seed, as the pipeline's normalizer gives them, without Markdown emphasis markers. */
export function paragraphsOf(file: string): string[] {
  return toParagraphs(seedText(file)).map((p) => p.text.replace(/\*+/g, '').trim()).filter(Boolean);
}

/** Localities reviewed in the seeds' sidecar files, as the build passes them (scripts/build/restore-scans.ts). */
function sidecarNames(): string[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.meta.json'))
    .flatMap((f) => {
      const fields = (JSON.parse(readFileSync(join(seedsDir, f), 'utf8')) as { fields?: Record<string, { value?: string }> }).fields ?? {};
      return [fields.locality?.value, fields.place?.value, fields.issuer?.value].filter((v): v is string => !!v);
    });
}

let restorer: OcrRestorer | null = null;

export function seedRestorer(): OcrRestorer {
  if (restorer) return restorer;
  const texts = seedFiles().map((f) => seedText(f).normalize('NFC'));
  const damaged = texts.map((t) => damageScore(t) >= DAMAGE_THRESHOLD);
  restorer = trainRestorer({
    cleanTexts: texts.filter((_, i) => !damaged[i]),
    scans: texts.filter((_, i) => damaged[i]),
    names: sidecarNames(),
  });
  return restorer;
}
