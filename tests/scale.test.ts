// Issue 16: a CI-sized run of the scale benchmark (50 synthetic plans) builds end to end,
// every generated plan is published (none taken for another), and the bench reads its figures.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { measureBuild, writeSeeds } from '../scripts/bench-scale.ts';
import { formatScaleTable } from '../scripts/bench/scale.ts';
import { pageKind } from '../scripts/bench/page-kinds.ts';
import { planUrl } from '../scripts/contract/addresses.ts';
import { readSourceDocuments, syntheticSeeds } from '../scripts/bench/synthetic-seeds.ts';
import { buildReportSchema } from '../scripts/build/report.ts';
import { withSharedCorpus } from '../scripts/shared-folder.ts';
import { CHROMIUM_PATH } from './helpers/browser.ts';
import { PROJECT_ROOT } from './helpers/site.ts';

const N = 50;
const dir = mkdtempSync(join(tmpdir(), 'scale-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it(`builds ${N} synthetic plans end to end and measures them`, async () => {
  const sources = readSourceDocuments(withSharedCorpus(join(PROJECT_ROOT, 'seeds')));
  const seeds = syntheticSeeds(sources, N);
  writeSeeds(dir, seeds);
  const run = await measureBuild(dir, N, { query: existsSync(CHROMIUM_PATH) });

  const report = buildReportSchema.parse(JSON.parse(readFileSync(join(dir, 'dist', 'data', 'build-report.json'), 'utf8')));
  expect(report.files.filter((f) => f.outcome !== 'published')).toEqual([]);
  expect(report.files.map((f) => f.file).sort()).toEqual(seeds.map((s) => s.file).sort());
  const plans = JSON.parse(readFileSync(join(dir, 'dist', 'data', 'plans.json'), 'utf8')) as unknown[];
  expect(plans).toHaveLength(N);

  expect(run.stages.map((s) => s.name)).toEqual(expect.arrayContaining(['read documents', 'restore scans', 'astro', 'search index']));
  expect(run.wallMs).toBeGreaterThan(run.stages.find((s) => s.name === 'astro')!.ms);
  expect(run.peakTreeRssBytes).toBeGreaterThan(Math.max(...run.stages.map((s) => s.peakRssMb)) * 1024 * 1024 * 0.9);
  const planPages = run.site.kinds.find((k) => k.kind === pageKind(planUrl('any')))!;
  expect(planPages.pages).toBeGreaterThanOrEqual(N); // the plans, and the national documents they implement
  expect(run.site.pages).toBeGreaterThan(N);
  expect(run.site.searchBytes).toBeGreaterThan(0);
  if (existsSync(CHROMIUM_PATH)) expect(run.firstQueryBytes).toBeGreaterThan(10_000);

  const table = formatScaleTable([run]);
  expect(table).toContain(`| plans | ${N} |`);
  expect(table).toContain(`| ${planPages.kind}: largest gzip |`);
}, 15 * 60_000);
