// The search-index stage on the seeds: bundles indexed in worker threads (one Pagefind service
// each) give the files one service gives, and with the bundle cache a rebuild after one plan
// changed indexes that plan's bundle only and equals a full build, byte for byte.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedSiteData } from '../../tests/seeds.ts';
import { changedFiles, fileTree } from '../../tests/helpers/file-tree.ts';
import { bundleOf } from './answers.ts';
import { buildSearchIndex, type BuildSearchIndexOptions } from './build-index.ts';
import { heldWhole, searchIndexOptions } from './stage-input.ts';

const work = mkdtempSync(join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const site = seedSiteData();
const options = (plans: typeof site.plans, outDir: string, more: Partial<BuildSearchIndexOptions> = {}): BuildSearchIndexOptions => ({
  ...searchIndexOptions(heldWhole({ plans, documents: site.documents, indicatorsByPlan: site.indicatorsByPlan }), join(work, outDir)),
  ...more,
});
const tree = (outDir: string) => fileTree(join(work, outDir));

/** One plan edited as an office would: a sentence added to its last paragraph. */
function withOnePlanEdited(plans: typeof site.plans, i: number): typeof site.plans {
  return plans.map((p, k) => (k === i ? { ...p, blocks: p.blocks.map((b, j) => (j === p.blocks.length - 1 ? { ...b, text: `${b.text} Bổ sung: rà soát kết quả thực hiện hằng quý.` } : b)) } : p));
}

describe('buildSearchIndex', () => {
  it('writes the same files with one Pagefind service or two, run after run', async () => {
    const one = await buildSearchIndex(options(site.plans, 'one', { services: 1 }));
    const two = await buildSearchIndex(options(site.plans, 'two', { services: 2 }));
    expect(one.timings.services).toBe(1);
    expect(two.timings.services).toBe(2);
    expect(one.bundles).toBeGreaterThan(2);
    expect(readdirSync(join(work, 'two', 'pagefind', 'tinh')).length).toBe(one.bundles - 1);
    expect(changedFiles(tree('one'), tree('two'))).toEqual([]);
    // One service, a second once another step has finished: the same files.
    let finish = () => {};
    const later = await buildSearchIndex(options(site.plans, 'later', { services: 1, moreServices: { services: 2, when: new Promise<void>((resolve) => (finish = resolve)) }, beforeIndexing: async () => void setTimeout(finish, 0) }));
    expect(later.timings.services).toBe(2);
    expect(changedFiles(tree('one'), tree('later'))).toEqual([]);
  }, 120_000);

  it('reuses the bundles whose records did not change, and the rebuild equals a full build byte for byte', async () => {
    const cacheDir = join(work, 'cache');
    const first = await buildSearchIndex(options(site.plans, 'first', { cacheDir }));
    expect(first.timings.bundles.every((b) => !b.cached)).toBe(true);
    const entries = () => readdirSync(cacheDir).filter((f) => !f.endsWith('.json'));
    expect(entries()).toHaveLength(first.bundles);

    const same = await buildSearchIndex(options(site.plans, 'same', { cacheDir }));
    expect(same.timings.bundles.every((b) => b.cached)).toBe(true);
    expect(same.timings.services).toBe(0);
    expect(same.records).toBe(first.records);
    expect(changedFiles(tree('first'), tree('same'))).toEqual([]);

    // A province's plan changes: its bundle is indexed again, every other one copied.
    const i = site.plans.findIndex((p) => bundleOf(p) !== 'trung-uong');
    const edited = withOnePlanEdited(site.plans, i);
    const rebuilt = await buildSearchIndex(options(edited, 'rebuilt', { cacheDir }));
    expect(rebuilt.chunkSize).toBe(first.chunkSize);
    expect(rebuilt.timings.bundles.filter((b) => !b.cached).map((b) => b.key)).toEqual([bundleOf(site.plans[i]!)]);
    const fresh = await buildSearchIndex(options(edited, 'fresh'));
    expect(fresh.timings.bundles.every((b) => !b.cached)).toBe(true);
    expect(changedFiles(tree('rebuilt'), tree('fresh'))).toEqual([]);
    // The plan's own bundle did change; the previous version of it left the cache.
    expect(changedFiles(tree('first'), tree('rebuilt')).some((f) => f.startsWith(`pagefind/tinh/${bundleOf(site.plans[i]!)}/`))).toBe(true);
    expect(entries()).toHaveLength(first.bundles);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(first.bundles);
    expect(existsSync(join(work, 'rebuilt', 'pagefind', 'pagefind.js'))).toBe(true);
  }, 240_000);
});
