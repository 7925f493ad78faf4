// A worker thread of restoring scans (restore-scans.ts): one scan's confident readings, or
// one scan restored, with the restorer made once from the training input and the channel
// counts of the task's round of training.
import { Tinypool } from 'tinypool';
import type { Block } from '../pipeline/types.ts';
import { restoreBlocks, type TrainInput } from '../pipeline/ocr/index.ts';
import { OcrRestorer } from '../pipeline/ocr/restore.ts';
import type { ChannelCounts, Pair } from '../pipeline/ocr/confusion.ts';

/** What a worker is given once: what the restorer learns from, and the scans' blocks. */
export interface ScanWorkerSetup {
  input: TrainInput;
  blocks: Block[][];
}

/** One scan (its index in the setup), with the channel as learned by that round of training. */
export interface ScanTask {
  scan: number;
  round: number;
  channel: ChannelCounts;
}

const { input, blocks } = Tinypool.workerData as ScanWorkerSetup;
let restorer: OcrRestorer | null = null;
let restorerRound = -1;

function restorerOf({ round, channel }: ScanTask): OcrRestorer {
  if (!restorer) restorer = new OcrRestorer(input, channel);
  else if (round !== restorerRound) restorer.useChannel(channel);
  restorerRound = round;
  return restorer;
}

export function confidentPairs(task: ScanTask): Pair[] {
  const r = restorerOf(task);
  return r.confidentPairs(r.scans[task.scan]!);
}

export function restore(task: ScanTask): Block[] {
  return restoreBlocks(blocks[task.scan]!, restorerOf(task));
}
