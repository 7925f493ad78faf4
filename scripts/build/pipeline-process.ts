// The pipeline's part of the build, in a process of its own that scripts/build.ts starts and
// waits for: seeds → the generated content (into the fresh content folder Astro will read), then
// everything else made from the pipeline's data (search index, sources, open data) into a folder
// that build.ts moves into Astro's output. It exits before Astro starts, so its memory is never
// held beside Astro's; and it lets go of each thing once written (the content files as soon as
// they are made and checked). What build.ts needs for the report it writes as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { scanSeeds } from './seeds.ts';
import { buildLibrary, BuildInputError } from './library.ts';
import { generateSiteData } from './site-data.ts';
import { reuseSiteData } from './reuse.ts';
import { withByteOrderMark } from '../pipeline/decode.ts';
import { siteHref } from './site-url.ts';
import { openDataFiles } from './open-data.ts';
import { planOpenDataFiles } from './plan-open-data.ts';
import { buildSearchIndex } from '../search/build-index.ts';
import { citedDocumentPages } from '../search/records.ts';
import { formatReport, PIPELINE_INPUT_STOP, pipelinePathsSchema, StageClock, type FileAccount, type PipelinePaths, type PipelineResult } from './report.ts';
import type { Taxonomy } from '../pipeline/targets/types.ts';
import type { SitePlan } from '../contract/schemas/document.ts';
import { byCodePoint } from '../pipeline/plan.ts';
import { checkGeneratedFiles, DATA_FILES, parseDataFile } from '../contract/generated.ts';
import { SEARCH_FILTERS } from '../contract/addresses.ts';
import { DocumentCache } from './document-cache.ts';
import { readDocumentsInWorkers } from './read-documents.ts';
import { restoreScansInWorkers } from './restore-scans.ts';
import { loadVocabulary } from '../pipeline/document-types.ts';

const sortedAccounts = (files: FileAccount[]) => [...files].sort((a, b) => byCodePoint(a.file, b.file));

function writeTree(dir: string, files: Iterable<[string, string | Uint8Array]>): void {
  for (const [path, content] of files) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Writes a generated content file, a JSON one checked against the contract's schemas first (before anything reads it). */
function writeContentFile(dir: string, path: string, content: string): void {
  if (path.endsWith('.json')) checkGeneratedFiles(new Map([[path, content]]));
  writeTree(dir, new Map([[path, content]]));
}

/**
 * Seeds → the library → the generated content, each file written as soon as it is made and let go.
 * Returns only what the steps after it read: the library's intermediate forms (readings, reuse
 * alignments, the files' text) are garbage once it returns.
 */
async function makeContent(paths: PipelinePaths, clock: StageClock, documentCache: DocumentCache) {
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

  // Text reuse (issue 15): reuse.json and the "chép" marks on copied paragraphs.
  const marksByPlan = clock.run('text reuse', () => {
    const reuse = reuseSiteData(library.plans, undefined, documentCache.memo('reuse'));
    for (const [path, content] of reuse.files) writeContentFile(paths.contentDir, path, content);
    return reuse.marksByPlan;
  });
  let indicators: Taxonomy | undefined;
  const generated = clock.run('site data', () =>
    generateSiteData(library, marksByPlan, documentCache.memo('targets'), (path, content) => {
      writeContentFile(paths.contentDir, path, content);
      if (path === DATA_FILES.indicators.file) indicators = parseDataFile('indicators', content);
    }),
  );
  console.log(`library-wide cache: ${[...documentCache.memoCounts].map(([kind, n]) => `${kind} ${n.reused} reused, ${n.computed} computed`).join('; ')}`);
  return {
    sources: new Map(scan.inputs.map((i) => [i.file, i.bytes])),
    accounts: sortedAccounts([...scan.accounts, ...library.accounts]),
    warnings: library.warnings,
    plans: generated.plans,
    documents: generated.documents,
    indicatorsByPlan: generated.indicatorsByPlan,
    targets: generated.targets,
    indicators: indicators!,
  };
}

async function runPipeline(paths: PipelinePaths): Promise<PipelineResult> {
  const started = performance.now();
  // V8 left alone grows its heap rather than collect, and hands little back: a full collection after each stage
  // (build.ts starts this process with --expose-gc) keeps one stage's garbage out of the next one's peak.
  const clock = new StageClock(() => globalThis.gc?.());
  // Per-document work of earlier builds, kept beside Astro's cache (incremental rebuilds).
  const documentCache = new DocumentCache(join(paths.cacheDir, 'nq57-documents'));
  const made = await makeContent(paths, clock, documentCache);
  const pipelineMs = Math.round(performance.now() - started);

  const search = await clock.runAsync('search index', () =>
    buildSearchIndex({
      plans: made.plans,
      pages: citedDocumentPages(made.documents),
      documents: made.documents,
      outDir: paths.distDir,
      planFilters: (plan) => ({ [SEARCH_FILTERS.indicator]: made.indicatorsByPlan.get(plan.id) ?? [] }),
      // Bundles of earlier builds, kept beside Astro's cache: one whose records did not change is copied.
      cacheDir: join(paths.cacheDir, 'nq57-search'),
    }),
  );
  const reusedBundles = search.timings.bundles.filter((b) => b.cached).length;
  console.log(`search bundles: ${reusedBundles} reused, ${search.bundles - reusedBundles} indexed`);
  // The downloadable source is the seed file itself, byte for byte: the bytes that were read, never a link.
  // A UTF-8 one gets a BOM in front when it has none, so a browser shows it as UTF-8 whatever the server says
  // (decode.ts); a legacy-encoded one (sourceEncoding) stays as it came.
  const source = (p: SitePlan) => (p.sourceEncoding ? made.sources.get(p.sourceFile)! : withByteOrderMark(made.sources.get(p.sourceFile)!));
  clock.run('sources', () => writeTree(join(paths.distDir, 'nguon'), made.plans.values().map((p) => [`${p.id}.txt`, source(p)] as const)));
  // The open data: the targets' from the published targets and the taxonomy the pages read (with this build's
  // derived indicators); the plans' with their paragraphs from the build's plans (the pages' plans.json holds no text).
  clock.run('open data', () => {
    const site = siteHref(process.env.SITE_URL);
    writeTree(paths.distDir, openDataFiles(made.targets, made.indicators, site, made.plans));
    writeTree(paths.distDir, planOpenDataFiles(made.plans, site));
  });
  // Entries no build will ask for again: a build that fails later has used the same ones.
  documentCache.prune();
  return { files: made.accounts, warnings: made.warnings, stages: clock.stages, plans: made.plans.length, citedDocuments: made.documents.length, pipelineMs };
}

const paths = pipelinePathsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const result = await runPipeline(paths);
writeFileSync(paths.resultFile, JSON.stringify(result));
// Worker pools or a search service left open would keep the process (and its memory) alive.
process.exit(0);
