// Shared by the OCR tests: the real seeds as paragraphs, and one restorer trained
// the way the build trains it (clean plans found by damage score, the scan unlabelled).
import { SEED, seedFiles, seedText } from '../../../tests/seeds.ts';
import { toParagraphs } from '../normalize.ts';
import { damageScore, DAMAGE_THRESHOLD } from './detect.ts';
import { trainRestorer, type OcrRestorer } from './restore.ts';

export { SEED };

/** Paragraph texts of a seed, as the pipeline's normalizer gives them, without Markdown emphasis markers. */
export function paragraphsOf(file: string): string[] {
  return toParagraphs(seedText(file)).map((p) => p.text.replace(/\*+/g, '').trim()).filter(Boolean);
}

let restorer: OcrRestorer | null = null;

export function seedRestorer(): OcrRestorer {
  if (restorer) return restorer;
  const texts = seedFiles().map((f) => seedText(f).normalize('NFC'));
  const damaged = texts.map((t) => damageScore(t) >= DAMAGE_THRESHOLD);
  restorer = trainRestorer({
    cleanTexts: texts.filter((_, i) => !damaged[i]),
    scans: texts.filter((_, i) => damaged[i]),
    names: ['Rạch Giá'],
  });
  return restorer;
}
