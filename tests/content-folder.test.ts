// A build pointed at another folder (CONTENT_GENERATED) publishes that folder's data and no other:
// every collection, targets and findings included, is read from it (src/utils/generated-data.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from './helpers/fixture-build.ts';
import { SEED, seedsDir } from './seeds.ts';

const work = mkdtempSync(join(tmpdir(), 'nq57-content-folder-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a build of one seed into a folder of its own', () => {
  mkdirSync(join(work, 'seeds'));
  copyFileSync(join(seedsDir, SEED.dongThap), join(work, 'seeds', SEED.dongThap));
  const build = runBuild(work);
  const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('publishes the targets of its own folder, every one of them and no other', () => {
    const generated = json(join(build.content, 'targets.json')) as { plan: string; quote: string }[];
    const published = json(join(build.dist, 'data', 'targets.json')) as { plan: string; quote: string }[];
    expect(published.map((t) => [t.plan, t.quote]).sort()).toEqual(generated.map((t) => [t.plan, t.quote]).sort());
    const plans = (json(join(build.dist, 'data', 'plans.json')) as { id: string }[]).map((p) => p.id);
    const national = (json(join(build.content, 'national.json')) as { id: string }[]).map((r) => r.id);
    expect(new Set(published.map((t) => t.plan))).toEqual(new Set([...plans, ...national]));
  });

  it('shows the findings of its own folder: the findings page names only its plans', () => {
    const findings = json(join(build.content, 'findings.json')) as { plan: string }[];
    expect(findings.length).toBeGreaterThan(0);
    const page = readFileSync(join(build.dist, 'chi-tieu', 'phat-hien', 'index.html'), 'utf8');
    const linked = new Set([...page.matchAll(/href="\/van-ban\/([a-z0-9-]+)\/[#"]/g)].map((m) => m[1]));
    const own = new Set([...(json(join(build.dist, 'data', 'plans.json')) as { id: string }[]).map((p) => p.id), ...(json(join(build.content, 'national.json')) as { id: string }[]).map((r) => r.id)]);
    expect([...linked].filter((id) => !own.has(id!))).toEqual([]);
    expect(linked.size).toBeGreaterThan(0);
  });
});
