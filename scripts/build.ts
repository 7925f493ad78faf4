// The main job: seeds/ → content/generated/ → Astro → search index → dist/.
// Everything is built in temporary folders and swapped in only when every step
// succeeded, so a bad seed never leaves a half-written site behind.
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readSeeds } from './build/seeds.ts';
import { buildCorpus, BuildInputError } from './build/corpus-build.ts';
import { generateSiteData } from './build/site-data.ts';
import { buildSearchIndex } from './search/build-index.ts';
import { citedDocumentPages, FILTERS } from './search/records.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const seedsDir = process.env.SEEDS_DIR ?? join(root, 'seeds');
const contentDir = process.env.CONTENT_GENERATED ?? join(root, 'content', 'generated');
const distDir = process.env.DIST_DIR ?? join(root, 'dist');

/** Replace `target` by `fresh` (both folders) with two renames. */
function swapIn(fresh: string, target: string): void {
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
}

function writeTree(dir: string, files: Map<string, string>): void {
  for (const [path, content] of files) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const corpus = buildCorpus(readSeeds(seedsDir));
  for (const w of corpus.warnings) console.warn(`warning: ${w}`);

  const generated = generateSiteData(corpus);
  const freshContent = `${contentDir}.tmp-${process.pid}`;
  rmSync(freshContent, { recursive: true, force: true });
  writeTree(freshContent, generated.files);
  swapIn(freshContent, contentDir);
  const pipelineMs = performance.now() - started;

  const freshDist = `${distDir}.tmp-${process.pid}`;
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'astro'), ['build', '--silent'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ASTRO_OUT_DIR: freshDist },
    });
    await buildSearchIndex({
      plans: generated.plans,
      pages: citedDocumentPages(generated.documents),
      documents: generated.documents,
      outDir: freshDist,
      planFilters: (plan) => ({ [FILTERS.indicator]: generated.indicatorsByPlan.get(plan.id) ?? [] }),
    });
    // The downloadable source is the seed file itself, byte for byte.
    mkdirSync(join(freshDist, 'nguon'), { recursive: true });
    for (const plan of generated.plans) cpSync(join(seedsDir, plan.sourceFile), join(freshDist, 'nguon', `${plan.id}.txt`));
    writeFileSync(
      join(freshDist, 'build-info.json'),
      JSON.stringify({ plans: generated.plans.length, pipelineMs: Math.round(pipelineMs), totalMs: Math.round(performance.now() - started), warnings: corpus.warnings }, null, 1),
    );
    swapIn(freshDist, distDir);
  } catch (error) {
    rmSync(freshDist, { recursive: true, force: true });
    throw error;
  }
  console.log(`built ${generated.plans.length} plans, ${generated.documents.length} cited documents in ${Math.round(performance.now() - started)} ms → ${distDir}`);
}

try {
  await main();
} catch (error) {
  if (error instanceof BuildInputError) {
    console.error(`build stopped, dist/ left as it was.\n${error.message}`);
    process.exit(1);
  }
  console.error('build stopped, dist/ left as it was.');
  throw error;
}
