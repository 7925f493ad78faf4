// Damaged scans are restored before metadata is read (scripts/pipeline/ocr/).
// Detection is by content, never by file name: the plans that read as clean
// Vietnamese train the restorer (language model, and labelled pairs from the
// boilerplate they share with the scans); names reviewed in sidecars are candidates.
// The restorer learns from the first TRAINING_PLANS clean plans (by file name) only: local
// plans share their wording, so more adds time and memory (the pipeline's peak at thousands
// of plans) but little to learn, and a change to a later plan leaves the restorer as it was.
// The passes over the scans (each scan's confident readings, then restoring it) are most of
// the work and each scan's alone: restoreScansInWorkers runs them across the cores.
import { Tinypool } from 'tinypool';
import type { Block, Plan } from '../pipeline/types.ts';
import type { ParsedSeed, SeedInput } from '../pipeline/plan.ts';
import { damageScore, isDamagedDocument, restoreBlocks, trainRestorer, type OcrRestorer, type TrainInput } from '../pipeline/ocr/index.ts';
import { ChannelTraining, scannedWords, SELF_TRAIN_ROUNDS } from '../pipeline/ocr/restore.ts';
import type { Cand } from '../pipeline/ocr/decode.ts';
import type { Pair } from '../pipeline/ocr/confusion.ts';
import type { CachedDocument, DocumentCache } from './document-cache.ts';
import { documentThreads, isRefused, type DocumentReading } from './read-documents.ts';
import { realArray } from '../pipeline/lazy-array.ts';
import { blocksDigest } from '../pipeline/memo.ts';
import type { RoundTask, ScansTask, ScanWorkerSetup } from './scan-worker.ts';

/** Clean plans the restorer is trained on, at most (bench:scale measures the cost). */
export const TRAINING_PLANS = 100;

const textOf = (seed: ParsedSeed): string => seed.blocks.map((b) => b.text).join('\n');

/** What the restorer learns from: the first clean plans, every scan, the names reviewed in sidecars. */
interface TrainingSet {
  clean: ParsedSeed[];
  scans: ParsedSeed[];
  names: string[];
}

function trainingSet(parsed: ParsedSeed[], damaged: boolean[]): TrainingSet {
  const names = parsed.flatMap((seed) => {
    const f = seed.input.sidecar?.fields ?? {};
    return [f.locality?.value, f.place?.value, f.issuer?.value].filter((v): v is string => !!v);
  });
  return { clean: parsed.filter((_, i) => !damaged[i]).slice(0, TRAINING_PLANS), scans: parsed.filter((_, i) => damaged[i]), names };
}

/** The texts the restorer is trained on (read only when it is: a rebuild finds the restored scans in the cache). */
const trainInput = ({ clean, scans, names }: TrainingSet): TrainInput => ({ cleanTexts: clean.map(textOf), scans: scans.map(textOf), names });

/**
 * The cache key of the restored scans: what the restorer learns from, and the scans' blocks whole (a sidecar's
 * lead-in changes their parts), each plan's by the digest of its blocks (kept with a cached plan: its text unread).
 */
const restoredKey = (cache: DocumentCache, { clean, scans, names }: TrainingSet): string =>
  cache.keyOfTexts('restored-scans', [...clean.map((seed) => blocksDigest(seed.blocks)), '\u0001', ...scans.map((seed) => blocksDigest(seed.blocks)), '\u0001', ...names]);

/** Which plans read as damaged scans, and the restorer trained for them (null when there is none). */
export function scanRestorer(parsed: ParsedSeed[]): { damaged: boolean[]; restorer: OcrRestorer | null } {
  const damaged = parsed.map((seed) => isDamagedDocument(seed.blocks));
  if (!damaged.some(Boolean)) return { damaged, restorer: null };
  return { damaged, restorer: trainRestorer(trainInput(trainingSet(parsed, damaged))) };
}

/**
 * `damaged`: whether each plan reads as a scan, when already known (the document cache).
 * `cache`: the restored scans of an earlier build (or of restoreScansInWorkers), reused when
 * what the restorer learns from (the training plans, every scan, the reviewed names) and the
 * code are the same: a rebuild after another plan changed trains nothing.
 * `scores`: each scan's damage score, when already known (the document cache).
 */
export function restoreScans(
  parsed: ParsedSeed[],
  warnings: string[],
  damaged: boolean[] = parsed.map((seed) => isDamagedDocument(seed.blocks)),
  cache?: DocumentCache,
  scores: (number | undefined)[] = [],
): { seed: ParsedSeed; ocr?: Plan['ocr'] }[] {
  if (!damaged.some(Boolean)) return parsed.map((seed) => ({ seed }));
  if (damaged.every(Boolean)) warnings.push('every plan looks like a damaged scan: restoring with the general word list only');
  const set = trainingSet(parsed, damaged);
  const key = cache && restoredKey(cache, set);
  let restored = key ? cache!.getEntry<Block[][]>(key) : null;
  if (!restored) {
    const restorer = trainRestorer(trainInput(set));
    restored = set.scans.map((seed) => restoreBlocks(seed.blocks, restorer));
    if (key) cache!.setEntry(key, restored);
  }
  const restoredOf = new Map(set.scans.map((seed, k) => [seed, restored[k]!]));
  return parsed.map((seed, i) => {
    const blocks = restoredOf.get(seed);
    if (!blocks) return { seed };
    const score = scores[i] ?? damageScore(textOf(seed));
    return { seed: { ...seed, blocks }, ocr: { damageScore: Math.round(score * 1000) / 1000, restored: true } };
  });
}

/** Splits 0…n−1 into `parts` runs in order, of about equal `size`. */
function runs(n: number, parts: number, size: (k: number) => number): number[][] {
  const total = Array.from({ length: n }, (_, k) => size(k)).reduce((a, b) => a + b, 0);
  const out: number[][] = Array.from({ length: parts }, () => []);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    out[Math.min(parts - 1, Math.floor((sum * parts) / total))]!.push(k);
    sum += size(k);
  }
  return out.filter((run) => run.length);
}

/**
 * The scans of these readings restored in a pool of up to `threads` worker threads, into the
 * cache, where restoreScans (buildLibrary) finds them: the same blocks as restoring in one
 * thread. The channel is trained here; each worker makes the rest of the restorer from the
 * same input once. Each pass over the scans is two steps: the candidates of every scanned
 * word, each word's found by one worker; then each worker reads a run of the scans with them
 * all. Nothing is done when the cache holds them already, when fewer than two threads or scans
 * would share the work, or when a reading was refused (the build stops).
 */
export async function restoreScansInWorkers(inputs: SeedInput[], readings: DocumentReading[], cache: DocumentCache, threads = documentThreads()): Promise<void> {
  const read = readings.filter((r): r is CachedDocument => !isRefused(r));
  if (read.length < readings.length) return;
  const set = trainingSet(read.map((r, i) => ({ ...r.parsed, input: inputs[i]! })), read.map((r) => r.damaged));
  const workers = Math.min(threads, set.scans.length);
  const key = restoredKey(cache, set);
  if (workers <= 1 || cache.hasEntry(key)) return;
  const input = trainInput(set);
  // A cached scan's blocks are a lazy array, which a worker's data cannot hold.
  const setup: ScanWorkerSetup = { input, blocks: set.scans.map((seed) => realArray(seed.blocks)) };
  const pool = new Tinypool({ filename: new URL('./scan-worker.ts', import.meta.url).href, minThreads: workers, maxThreads: workers, workerData: setup });
  const words = [...new Set(input.scans.flatMap(scannedWords))];
  const wordShares = Array.from({ length: workers }, (_, w) => words.filter((_, k) => k % workers === w));
  const scanRuns = runs(set.scans.length, workers, (k) => input.scans[k]!.length);
  const pass = async <T>(name: 'confidentPairs' | 'restore', task: RoundTask): Promise<T[]> => {
    const candidates = await Promise.all(wordShares.map((share) => pool.run({ ...task, words: share }, { name: 'candidates' }) as Promise<Cand[][]>));
    const found = wordShares.flatMap((share, w) => share.map((word, k): [string, Cand[]] => [word, candidates[w]![k]!]));
    const results = await Promise.all(scanRuns.map((scans) => pool.run({ ...task, scans, found } satisfies ScansTask, { name }) as Promise<T[]>));
    return results.flat();
  };
  try {
    // trainRestorer's steps, with the passes over the scans in the workers
    const training = new ChannelTraining(input);
    let round = 0;
    for (; round < SELF_TRAIN_ROUNDS; round++) {
      const own = (await pass<Pair[]>('confidentPairs', { round, channel: training.channel.counts() })).flat();
      if (!own.length) break;
      training.selfTrain(own);
    }
    cache.setEntry(key, await pass<Block[]>('restore', { round, channel: training.channel.counts() }));
  } finally {
    await pool.destroy();
  }
}
