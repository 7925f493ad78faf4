// A worker thread of restoring scans (restore-scans.ts): the candidates of some scanned words,
// then some scans' confident readings or restored blocks, with the restorer made once from
// the training input and the channel counts of the task's round of training. The candidates
// are the costly part and the scans share most words: each word's are looked for by one
// worker, and every worker is given them all before it reads its scans.
import { Tinypool } from 'tinypool';
import type { Block } from '../pipeline/types.ts';
import { restoreBlocks, type TrainInput } from '../pipeline/ocr/index.ts';
import { OcrRestorer } from '../pipeline/ocr/restore.ts';
import type { ChannelCounts, Pair } from '../pipeline/ocr/confusion.ts';
import type { Cand } from '../pipeline/ocr/decode.ts';

/** What a worker is given once: what the restorer learns from, and the scans' blocks. */
export interface ScanWorkerSetup {
  input: TrainInput;
  blocks: Block[][];
}

/** The channel as learned by a round of training. */
export interface RoundTask {
  round: number;
  channel: ChannelCounts;
}

/** Some scans (indexes in the setup), with every candidate found for this round. */
export interface ScansTask extends RoundTask {
  scans: number[];
  found: Array<[string, Cand[]]>;
}

const { input, blocks } = Tinypool.workerData as ScanWorkerSetup;
// Made at once, while the channel is being trained: only the channel changes from round to round.
const restorer = new OcrRestorer(input);
let restorerRound = -1;

function restorerOf({ round, channel }: RoundTask): OcrRestorer {
  if (round !== restorerRound) restorer.useChannel(channel);
  restorerRound = round;
  return restorer;
}

export function candidates(task: RoundTask & { words: string[] }): Cand[][] {
  return restorerOf(task).candidatesOf(task.words);
}

export function confidentPairs(task: ScansTask): Pair[][] {
  const r = restorerOf(task);
  r.addCandidates(task.found);
  return task.scans.map((k) => r.confidentPairs(r.scans[k]!));
}

export function restore(task: ScansTask): Block[][] {
  const r = restorerOf(task);
  r.addCandidates(task.found);
  return task.scans.map((k) => restoreBlocks(blocks[k]!, r));
}
