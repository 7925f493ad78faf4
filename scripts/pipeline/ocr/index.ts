// OCR detection and restoration stage: the pipeline's public interface.
export { damageScore, damageStats, isDamagedDocument, DAMAGE_THRESHOLD } from './detect.ts';
export { trainRestorer, type Restorer, type TrainInput } from './restore.ts';
export { restoreBlocks } from './blocks.ts';
