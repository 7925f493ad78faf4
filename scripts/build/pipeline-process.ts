// The pipeline's part of the build, in a process of its own that scripts/build.ts starts and
// waits for: seeds → the generated content (into the fresh content folder Astro reads, each file once
// it is in place: the site's data first, then text reuse and the plans' texts), then everything else
// made from the pipeline's data (sources, open data) into a folder that build.ts moves into Astro's
// output, and the search index's input. It says when the content is whole (CONTENT_WRITTEN) and when
// the search index's input is written (SEARCH_INPUT_WRITTEN: the search index's process starts then,
// and indexes once this one has exited); it lets go of each thing once written (the content files as
// soon as they are made and checked). What build.ts needs for the report it writes as JSON.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanSeeds } from './seeds.ts';
import { buildLibrary, BuildInputError } from './library.ts';
import { contentKey, planTextFiles, siteDataFiles, type FileSink } from './site-data.ts';
import { reuseSiteData } from './reuse.ts';
import { siteHref } from './site-url.ts';
import { writeOpenData } from './open-data.ts';
import { writeSources } from './sources.ts';
import { FileStore } from './file-store.ts';
import { writeSearchInput } from '../search/stage-input.ts';
import { collectAfterGrowth, CONTENT_WRITTEN, formatReport, SEARCH_INPUT_WRITTEN, PIPELINE_INPUT_STOP, pipelinePathsSchema, StageClock, type FileAccount, type PipelinePaths, type PipelineResult } from './report.ts';
import { byCodePoint } from '../pipeline/plan.ts';
import { checkGeneratedFiles } from '../contract/generated.ts';
import { DocumentCache } from './document-cache.ts';
import { readDocumentsInWorkers } from './read-documents.ts';
import { restoreScansInWorkers } from './restore-scans.ts';
import { loadVocabulary } from '../pipeline/document-types.ts';

const sortedAccounts = (files: FileAccount[]) => [...files].sort((a, b) => byCodePoint(a.file, b.file));

/**
 * Puts a generated content file in place, a JSON one checked against the contract's schemas when made (before
 * anything reads it). Keyed in the store of published files by its bytes or by what it is made from: a file an
 * earlier build stored under the key is linked, neither made nor checked again (the store's key holds the
 * contract's code: same key, same bytes, same schemas).
 */
function placeContentFile(published: FileStore, dir: string, path: string, key: string, make: () => string): string {
  return published.place(join(dir, path), key, () => {
    const content = make();
    if (path.endsWith('.json')) checkGeneratedFiles(new Map([[path, content]]));
    return content;
  });
}

/**
 * Seeds → the library → the generated content, each file written as soon as it is made and let go.
 * Returns only what the steps after it read: the library's intermediate forms (readings, reuse
 * alignments, the files' text) are garbage once it returns.
 */
async function makeContent(paths: PipelinePaths, clock: StageClock, documentCache: DocumentCache, published: FileStore) {
  const scan = clock.run('read seeds', () => scanSeeds(paths.seedsDir));
  let library;
  try {
    // The per-document stages across the cores (BUILD_THREADS=1: in this thread).
    const readings = await clock.runAsync('read documents', () => readDocumentsInWorkers(scan.inputs, loadVocabulary(), documentCache));
    // The scans restored across the cores too, into the document cache, where buildLibrary finds them.
    await clock.runAsync('restore scans in workers', () => restoreScansInWorkers(scan.inputs, readings, documentCache));
    library = buildLibrary(scan.inputs, {
      measure: (name, work) => clock.run(name, work),
      earlier: scan.errors,
      cache: documentCache,
      readings,
    });
  } catch (error) {
    if (error instanceof BuildInputError) {
      console.error(formatReport({ status: 'stopped', files: sortedAccounts([...scan.accounts, ...error.accounts]), warnings: [], stages: clock.stages }));
      console.error(`build stopped, dist/ left as it was.\n${error.message}`);
      process.exit(PIPELINE_INPUT_STOP);
    }
    throw error;
  }
  for (const w of library.warnings) console.warn(`warning: ${w}`);
  console.log(`document cache: ${documentCache.counts.reused} reused, ${documentCache.counts.read} read`);

  const sink: FileSink = {
    write: (path, content, key) => placeContentFile(published, paths.contentDir, path, key, () => content),
    place: (path, key, make) => placeContentFile(published, paths.contentDir, path, key, make),
  };
  // The site's data first: Astro reads each file once it is in place (generatedFile), while this process goes on.
  const { linksByPlan, ...generated } = clock.run('site data', () => siteDataFiles(library, documentCache.memo('targets'), sink));
  // Text reuse (issue 15): the plans' shares and the "chép" marks on copied paragraphs; the data whole kept for the open data.
  const { marksByPlan, reuse } = clock.run('text reuse', () => {
    const made = reuseSiteData(library.plans, undefined, documentCache.memo('reuse'));
    for (const [path, content] of made.files) sink.write!(path, content, contentKey(path, content));
    return { marksByPlan: made.marksByPlan, reuse: made.data };
  });
  clock.run('plan texts', () => planTextFiles(generated, linksByPlan, marksByPlan, sink));
  console.log(`library-wide cache: ${[...documentCache.memoCounts].map(([kind, n]) => `${kind} ${n.reused} reused, ${n.computed} computed`).join('; ')}`);
  return {
    sources: new Map(scan.inputs.map((i) => [i.file, i.bytes])),
    accounts: sortedAccounts([...scan.accounts, ...library.accounts]),
    warnings: library.warnings,
    plans: generated.plans,
    documents: generated.documents,
    indicatorsByPlan: generated.indicatorsByPlan,
    targets: generated.targets,
    targetsKey: generated.targetsKey,
    indicators: generated.indicators,
    reuse,
  };
}

async function runPipeline(paths: PipelinePaths): Promise<PipelineResult> {
  const started = performance.now();
  // A full collection after a stage that left much garbage (build.ts starts this process with --expose-gc)
  // keeps one stage's garbage out of the next one's peak.
  const clock = new StageClock(collectAfterGrowth());
  // From the process's start (performance's time origin): Node's start and this code's loading.
  clock.note('pipeline process start', started);
  // Per-document work of earlier builds, kept beside Astro's cache (incremental rebuilds).
  const documentCache = new DocumentCache(join(paths.cacheDir, 'nq57-documents'));
  // Files of earlier builds (content files, the search input's plans, sources, open data), kept beside Astro's cache: one whose inputs did not change is linked.
  const published = new FileStore(join(paths.cacheDir, 'nq57-published'));
  const made = await makeContent(paths, clock, documentCache, published);
  // Every content file is in place (Astro, reading each as it came, knows a file missing now is missing), while this process goes on.
  process.send?.(CONTENT_WRITTEN);
  const pipelineMs = Math.round(performance.now() - started);

  // The search index is built beside Astro, by a process of its own, from this folder (scripts/build/search-process.ts).
  clock.run('search input', () =>
    writeSearchInput(paths.searchInput, { plans: made.plans, documents: made.documents, indicatorsByPlan: made.indicatorsByPlan }, (target, key, make) =>
      published.place(target, key, make),
    ),
  );
  // The search index's process starts on it (build.ts), and indexes once this one has exited.
  process.send?.(SEARCH_INPUT_WRITTEN);
  clock.run('sources', () => writeSources(published, paths.distDir, made.plans, made.sources));
  // No collection after the stages left: the process exits after them.
  clock.lastStages();
  // The open data: the targets' from the published targets and the taxonomy the pages read (with this build's
  // derived indicators); the plans' with their paragraphs from the build's plans (the pages' plans.json holds no text);
  // reuse.json's lines of the plans whose reuse did not change kept in the document cache.
  const openData = { targets: made.targets, taxonomy: made.indicators, targetsKey: made.targetsKey, plans: made.plans, site: siteHref(process.env.SITE_URL), reuse: made.reuse };
  clock.run('open data', () => writeOpenData(published, paths.distDir, openData, documentCache.memo('reuse-open-data')));
  console.log(`published files: ${published.counts.reused} reused, ${published.counts.made} made`);
  // Entries no build will ask for again (a build that fails later has used the same ones): build.ts removes them
  // beside Astro and the search index (after a change of code, ~28,000 files at 3,500 plans, 11 s of waiting here).
  const unusedCacheFiles = clock.run('unused cache entries listed', () => [...documentCache.unused(), ...published.unused()]);
  clock.note('garbage collected after stages', clock.afterStageMs);
  return { files: made.accounts, warnings: made.warnings, stages: clock.stages, plans: made.plans.length, citedDocuments: made.documents.length, pipelineMs, unusedCacheFiles };
}

const paths = pipelinePathsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const result = await runPipeline(paths);
writeFileSync(paths.resultFile, JSON.stringify(result));
// Worker pools left open would keep the process (and its memory) alive.
process.exit(0);
