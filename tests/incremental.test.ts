// Issue 16: the incremental build. After one plan changed, a rebuild reads that plan afresh
// and reuses every other plan's per-document work (scripts/build/document-cache.ts), the
// library-wide steps' per-plan work (duplicates, text reuse, targets) where its inputs are the same,
// every search bundle and every page whose data did not change (Astro's incremental build, keys in
// src/utils/page-keys.ts), and its result equals a full build of the same seeds from nothing, byte for
// byte (the build's own timing report aside; the search index too: Pagefind writes the same files from
// the same records).
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runBuild } from './helpers/fixture-build.ts';
import { planTextFile } from '../scripts/contract/generated.ts';
import { PROJECT_ROOT } from './helpers/site.ts';
import { changedFiles, fileTree as tree } from './helpers/file-tree.ts';
import { keyedPagesSince } from '../scripts/build/rendered-pages.ts';

const work = mkdtempSync(join(tmpdir(), 'incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The keyed pages Astro rendered in the build that started at `since` (the others it copied from the last build). */
const renderedSince = (cache: string, since: number) => keyedPagesSince(cache, since).rendered;
const notStable = (p: string) => p === 'build-info.json' || p === 'data/build-report.json';

it('rebuilds one changed plan, reuses the others, and equals a full build byte for byte', () => {
  const incremental = join(work, 'incremental');
  cpSync(join(PROJECT_ROOT, 'seeds'), join(incremental, 'seeds'), { recursive: true });
  const first = runBuild(incremental);
  expect(first.status, first.output).toBe(0);
  expect(first.stdout).toMatch(/document cache: 0 reused, 5 read/);
  const before = tree(join(incremental, 'content'));

  // One plan edited as an office would: a sentence added at its end, and words added to its body.
  const seed = readdirSync(join(incremental, 'seeds')).filter((f) => f.endsWith('.txt')).sort()[0]!;
  const path = join(incremental, 'seeds', seed);
  const edited = readFileSync(path, 'utf8').replace('chuyển đổi số', 'chuyển đổi số toàn diện');
  writeFileSync(path, `${edited}\n\nBổ sung: rà soát kết quả thực hiện kế hoạch này hằng quý.\n`);
  const keyedPages = keyedPagesSince(join(incremental, 'cache'), 0).keyed;
  const rebuildStart = Date.now();
  const rebuilt = runBuild(incremental);
  expect(rebuilt.status, rebuilt.output).toBe(0);
  expect(rebuilt.stdout).toMatch(/document cache: 4 reused, 1 read/);
  // Its search bundle is indexed again (and a restored scan's, should its text have changed), not all of them.
  const [, reusedBundles] = /search bundles: (\d+) reused, [1-9]\d* indexed/.exec(rebuilt.stdout) ?? [];
  expect(Number(reusedBundles), rebuilt.stdout).toBeGreaterThan(0);
  // The library-wide steps' per-plan work: the changed plan's is done again, unchanged plans' targets are reused.
  const libraryWide = (stdout: string) =>
    Object.fromEntries([...stdout.matchAll(/(\w+) (\d+) reused, (\d+) computed/g)].map(([, kind, reused, computed]) => [kind, { reused: Number(reused), computed: Number(computed) }]));
  const afterEdit = libraryWide(rebuilt.stdout);
  expect(Object.keys(afterEdit).sort()).toEqual(['duplicates', 'reuse', 'targets']);
  for (const kind of ['duplicates', 'reuse', 'targets']) expect(afterEdit[kind]!.computed, kind).toBeGreaterThan(0);
  expect(afterEdit.targets!.reused).toBeGreaterThanOrEqual(3);
  expect(afterEdit.duplicates!.reused).toBeGreaterThanOrEqual(3);

  // The changed plan's own page source changed, and no other plan's but a restored scan's
  // (the restorer learns from the clean plans: a library-wide step).
  const report = JSON.parse(readFileSync(join(incremental, 'dist', 'data', 'build-report.json'), 'utf8')) as { files: { file: string; plan?: string }[] };
  const id = report.files.find((f) => f.file === seed)!.plan!;
  const plans = JSON.parse(readFileSync(join(incremental, 'content', 'plans.json'), 'utf8')) as { id: string; ocr?: unknown }[];
  const scans = plans.filter((p) => p.ocr).map((p) => planTextFile(p.id));
  const changedPlans = changedFiles(before, tree(join(incremental, 'content'))).filter((p) => p.startsWith('plans/'));
  expect(changedPlans).toContain(planTextFile(id));
  expect(changedPlans.filter((p) => p !== planTextFile(id) && !scans.includes(p))).toEqual([]);
  // Its page was rendered again, and not every plan's: the others were copied from the last build.
  const rendered = renderedSince(join(incremental, 'cache'), rebuildStart);
  expect(rendered).toContain(`van-ban/${id}/index.html`);
  expect(keyedPages).toBeGreaterThan(plans.length);
  expect(rendered.length).toBeLessThan(keyedPages);
  expect(rendered.filter((p) => /^van-ban\/[^/]+\/index\.html$/.test(p)).length).toBeLessThan(plans.length);

  // Nothing changed: every document and the restored scans are reused, and the result is the same.
  const afterChange = tree(join(incremental, 'content'));
  const againStart = Date.now();
  const again = runBuild(incremental);
  expect(again.status, again.output).toBe(0);
  // Nothing changed: no page rendered again.
  expect(renderedSince(join(incremental, 'cache'), againStart)).toEqual([]);
  expect(again.stdout).toMatch(/pages: 0 of \d+ keyed pages rendered/);
  expect(again.stdout).toMatch(/document cache: 5 reused, 0 read/);
  expect(again.stdout).toMatch(/search bundles: \d+ reused, 0 indexed/);
  for (const [kind, n] of Object.entries(libraryWide(again.stdout))) expect(n.computed, kind).toBe(0);
  expect(readdirSync(join(incremental, 'cache', 'nq57-documents')).filter((f) => f.startsWith('restored-scans-'))).toHaveLength(1);
  expect(changedFiles(afterChange, tree(join(incremental, 'content')))).toEqual([]);

  const full = join(work, 'full');
  cpSync(join(incremental, 'seeds'), join(full, 'seeds'), { recursive: true });
  const fresh = runBuild(full);
  expect(fresh.status, fresh.output).toBe(0);
  expect(fresh.stdout).toMatch(/document cache: 0 reused, 5 read/);
  expect(changedFiles(tree(join(incremental, 'content')), tree(join(full, 'content')))).toEqual([]);
  expect(changedFiles(tree(join(incremental, 'dist'), notStable), tree(join(full, 'dist'), notStable))).toEqual([]);
}, 20 * 60_000);
