// The build report: every file found under seeds/ and what became of it, every
// warning, and the time and memory of each stage. Printed by every build (also a
// stopped one) and published as dist/data/build-report.json. One schema, types inferred.
import { z } from 'zod';

export const fileAccountSchema = z.strictObject({
  /** Path relative to seeds/. */
  file: z.string(),
  /**
   * published: a plan page; duplicate: the same plan as another file, published once from it;
   * sidecar: reviewed metadata of a plan; skipped: not read, and why; stopped: the build stopped for it.
   */
  outcome: z.enum(['published', 'duplicate', 'sidecar', 'skipped', 'stopped']),
  /** Why it was skipped, which file it duplicates, or the error that stopped the build. */
  reason: z.string().optional(),
  /** The plan's id (published) or the plan this file is the same as (duplicate). */
  plan: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  /** The encoding the text was read in ("UTF-8", "TCVN3"…), once read. */
  encoding: z.string().optional(),
  /** Set when the text was converted from a legacy encoding or repaired. */
  conversion: z.string().optional(),
  /** What the file is by its content: "plain text", or what a refused file was ("a PDF document"). */
  fileType: z.string().optional(),
  /** The document family the pipeline read (its document type: "Kế hoạch"…), when known. */
  family: z.string().nullable().optional(),
  warnings: z.array(z.string()),
});
export type FileAccount = z.infer<typeof fileAccountSchema>;

export const stageSchema = z.strictObject({
  name: z.string(),
  ms: z.number().int().nonnegative(),
  /** Peak resident memory of the process that ran the stage, in MB, as measured at its end. */
  peakRssMb: z.number().nonnegative(),
});
export type Stage = z.infer<typeof stageSchema>;

export const buildReportSchema = z.strictObject({
  status: z.enum(['built', 'stopped']),
  files: z.array(fileAccountSchema),
  /** Every warning of the build, file-specific ones included. */
  warnings: z.array(z.string()),
  stages: z.array(stageSchema),
});
export type BuildReport = z.infer<typeof buildReportSchema>;

/**
 * What the pipeline's process (pipeline-process.ts) hands to scripts/build.ts when it has written
 * everything made from the pipeline's data: the report's files, warnings and stages so far, and
 * the figures of build-info.json.
 */
export const pipelineResultSchema = z.strictObject({
  files: z.array(fileAccountSchema),
  warnings: z.array(z.string()),
  stages: z.array(stageSchema),
  plans: z.number().int().nonnegative(),
  citedDocuments: z.number().int().nonnegative(),
  /** From the start of the pipeline's process to the content's check, as build-info.json's pipelineMs always measured. */
  pipelineMs: z.number().int().nonnegative(),
  /** Entries of the caches (document cache, store of published files) this build did not use: no build will ask for them again. */
  unusedCacheFiles: z.array(z.string()),
});
export type PipelineResult = z.infer<typeof pipelineResultSchema>;

/** Where the pipeline's process reads its seeds and cache and writes what it makes (scripts/build.ts gives them). */
export const pipelinePathsSchema = z.strictObject({
  seedsDir: z.string(),
  cacheDir: z.string(),
  /** The fresh content/generated/ (the folder Astro will read once it is put in place). */
  contentDir: z.string(),
  /** The sources and the open data (and the search index, which the search index's process writes there): moved into Astro's output once Astro has built it. */
  distDir: z.string(),
  /** Where the PipelineResult is written (JSON). */
  resultFile: z.string(),
  /** The folder the search index's input is written into (scripts/search/stage-input.ts), for the search index's process. */
  searchInput: z.string(),
});
export type PipelinePaths = z.infer<typeof pipelinePathsSchema>;

/** What the search index's process (search-process.ts) reads and where it writes (scripts/build.ts gives them). */
export const searchPathsSchema = z.strictObject({
  /** The input's folder the pipeline's process wrote (scripts/search/stage-input.ts). */
  input: z.string(),
  cacheDir: z.string(),
  /** The pipeline's part of dist/: the search index is written into it. */
  distDir: z.string(),
  /** Where its stages are written (JSON, an array of stages). */
  resultFile: z.string(),
  /** Written by build.ts once the pipeline's process has exited: bundles are indexed only then (Pagefind's memory never beside the pipeline's). */
  pipelineDone: z.string(),
  /** Written by build.ts once Astro's process has finished: a Pagefind service per core from then on. */
  astroDone: z.string(),
});
export type SearchPaths = z.infer<typeof searchPathsSchema>;

/** The pipeline's process stopped on bad input: it printed the stopped report and why. */
export const PIPELINE_INPUT_STOP = 2;
/** What the pipeline's process tells build.ts once the content is whole (the rest it writes is not Astro's). */
export const CONTENT_WRITTEN = 'content written';
/** What the pipeline's process tells build.ts once the search index's input is written (the search index's process may start). */
export const SEARCH_INPUT_WRITTEN = 'search input written';

/** Peak resident memory of this process so far, in MB. */
export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Heap growth since the last full collection below which collecting after a stage is not worth its time. */
const COLLECT_AFTER_GROWTH_BYTES = 128 * 2 ** 20;

/**
 * A full garbage collection (Node run with --expose-gc) after a stage that left at least
 * COLLECT_AFTER_GROWTH_BYTES more heap in use than the last collection did: V8 left alone grows its heap
 * rather than collect, so a stage's garbage would swell the next one's peak. A stage that allocated little
 * (a rebuild's, the last small ones) leaves little to free, and a full collection still walks the whole
 * live heap (a third to half a second at 3,500 plans).
 */
export function collectAfterGrowth(collect: (() => void) | undefined = globalThis.gc, heapInUse = () => process.memoryUsage().heapUsed): () => void {
  let inUseAfterLast = 0;
  return () => {
    if (!collect || heapInUse() - inUseAfterLast < COLLECT_AFTER_GROWTH_BYTES) return;
    collect();
    inUseAfterLast = heapInUse();
  };
}

/**
 * Runs stages and notes the time and peak memory of each; `afterStage` runs after each (the
 * pipeline collects its garbage there), its time summed in `afterStageMs`.
 */
export class StageClock {
  readonly stages: Stage[] = [];
  afterStageMs = 0;
  private afterStage: () => void;
  constructor(afterStage: () => void = () => {}) {
    this.afterStage = afterStage;
  }
  /** No `afterStage` from now on: the stages left are the last, whose garbage goes with the process. */
  lastStages(): void {
    this.afterStage = () => {};
  }
  /** Notes a stage timed elsewhere. */
  note(name: string, ms: number): void {
    this.stages.push({ name, ms: Math.max(0, Math.round(ms)), peakRssMb: peakRssMb() });
  }
  private ended(name: string, start: number): void {
    this.note(name, performance.now() - start);
    const collecting = performance.now();
    this.afterStage();
    this.afterStageMs += performance.now() - collecting;
  }
  run<T>(name: string, work: () => T): T {
    const start = performance.now();
    const result = work();
    this.ended(name, start);
    return result;
  }
  async runAsync<T>(name: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const result = await work();
    this.ended(name, start);
    return result;
  }
}

const OUTCOME_LABEL: Record<FileAccount['outcome'], string> = {
  published: 'published',
  duplicate: 'duplicate',
  sidecar: 'sidecar',
  skipped: 'skipped',
  stopped: 'STOPPED',
};

/** The report as lines of text for the console: one line per file, then the stages. */
export function formatReport(report: BuildReport): string {
  const lines = [`build report (${report.status}): ${report.files.length} file(s) in seeds/`];
  for (const f of report.files) {
    const what = f.outcome === 'published' ? `as ${f.plan}` : f.outcome === 'duplicate' ? `of ${f.plan}` : '';
    const details = [f.encoding, f.conversion && 'converted', f.family].filter(Boolean).join(', ');
    lines.push(`  ${OUTCOME_LABEL[f.outcome].padEnd(9)} ${f.file}${what ? ` ${what}` : ''}${details ? ` (${details})` : ''}${f.reason ? ` — ${f.reason}` : ''}`);
  }
  if (report.stages.length) lines.push(`  stages: ${report.stages.map((s) => `${s.name} ${s.ms} ms/${s.peakRssMb} MB`).join(' · ')}`);
  return lines.join('\n');
}
