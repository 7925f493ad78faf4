// OCR detection and restoration stage: the pipeline's public interface.
//
//   parse → [isDamagedDocument? trainRestorer once per build → restoreBlocks] → metadata …
//
// Modules: syllable (tone keys, folding, case) · tokenize (words vs protected numbers and
// identifiers) · lexicon (@cspell/dict-vi-vn syllables, @vntk/dictionary words) · detect
// (damage score) · align (labelled pairs mined from boilerplate shared with clean plans) ·
// confusion (learned channel P(scan | syllable)) · candidates (SymSpell-style index) · lm
// (syllable trigram on the clean plans + word-list background) · decode (forward-backward,
// posterior per syllable) · restore (training, restoreText) · blocks (restoreBlocks) ·
// noise + score (benchmark only: scripts/bench-ocr.ts).
export { damageScore, damageStats, documentDamage, isDamagedDocument, DAMAGE_THRESHOLD } from './detect.ts';
export { trainRestorer, CONFIDENCE, CLEAN_PARAGRAPH, type OcrRestorer, type Restorer, type TrainInput } from './restore.ts';
export { restoreBlocks } from './blocks.ts';
