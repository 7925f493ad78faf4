// The search index's part of the build, in a process of its own that scripts/build.ts starts beside
// Astro's once the pipeline's process has written its input: it reads the input
// (scripts/search/stage-input.ts), links the bundles an earlier build indexed, and indexes the others
// once the pipeline's process has exited: one Pagefind service while Astro renders on the other
// core, one per core once Astro has finished. It writes the search index into the pipeline's part
// of dist/, and its stages (time and peak memory) as JSON.
import { existsSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { buildSearchIndex } from '../search/build-index.ts';
import { readSearchInput, searchIndexOptions } from '../search/stage-input.ts';
import { searchPathsSchema, StageClock } from './report.ts';

const paths = searchPathsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const clock = new StageClock();
// From the process's start (performance's time origin): Node's start and this code's loading.
clock.note('search process start', performance.now());
const input = clock.run('search input read', () => readSearchInput(paths.input));
// Bundles of earlier builds, kept beside Astro's cache: one whose records did not change is linked.
// One Pagefind service fewer than the cores while Astro renders on one of them (a service more would only
// share the same core, and hold its index's memory beside Astro's).
const services = Math.max(1, availableParallelism() - 1);
/** Resolves once the file build.ts writes at a step's end is there. */
const written = async (file: string) => {
  while (!existsSync(file)) await sleep(25);
};
let waited = 0;
const pipelineDone = async () => {
  const started = performance.now();
  await written(paths.pipelineDone);
  waited = performance.now() - started;
};
// A service per core once Astro has finished: its core is free, and its memory gone.
const moreServices = { services: availableParallelism(), when: written(paths.astroDone) };
const search = await clock.runAsync('search index', () =>
  buildSearchIndex({ ...searchIndexOptions(input, paths.distDir, join(paths.cacheDir, 'nq57-search')), services, beforeIndexing: pipelineDone, moreServices }),
);
// The wait for the pipeline's end, a stage of its own.
clock.stages.at(-1)!.ms -= Math.round(waited);
clock.note("search index: waiting for the pipeline's end", waited);
const reused = search.timings.bundles.filter((b) => b.cached).length;
console.log(`search bundles: ${reused} reused, ${search.bundles - reused} indexed`);
writeFileSync(paths.resultFile, JSON.stringify(clock.stages));
// Worker threads or a Pagefind service left open would keep the process (and its memory) alive.
process.exit(0);
