// The scaled content is the fixture of the page-size bench and the scale browser test: it
// must publish N distinct plans whose data all point at their own pages.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedPageData } from '../../tests/helpers/seed-page-data.ts';
import { planUrl } from '../contract/addresses.ts';
import { DATA_FILES, PLAN_TEXTS } from '../contract/generated.ts';
import { scaleContent } from './scaled-content.ts';

const dir = mkdtempSync(join(tmpdir(), 'nq57-scale-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = join(dir, 'base');
for (const [file, text] of seedPageData().files) {
  mkdirSync(dirname(join(base, file)), { recursive: true });
  writeFileSync(join(base, file), text);
}
writeFileSync(join(base, 'reuse-shares.json'), JSON.stringify({ resolution: null, adaptedAt: 0.6, plans: [] }));
writeFileSync(join(base, 'comparisons.json'), '[]');
const read = <T,>(d: string, f: string) => JSON.parse(readFileSync(join(d, f), 'utf8')) as T;

describe('scaleContent', () => {
  const N = 80;
  scaleContent(base, join(dir, 'a'), N);
  scaleContent(base, join(dir, 'b'), N);
  const plans = read<{ id: string; url: string; metadata: { locality: { value: string }; provinceNow: { value: string } } }[]>(join(dir, 'a'), 'plans.json');
  const targets = read<{ id: string; plan: string; url: string }[]>(join(dir, 'a'), 'targets.json');

  it('publishes N plans, no id or place twice, each with its text', () => {
    expect(plans).toHaveLength(N);
    expect(new Set(plans.map((p) => p.id)).size).toBe(N);
    expect(new Set(plans.map((p) => `${p.metadata.locality.value}|${p.metadata.provinceNow.value}`)).size).toBe(N);
    expect(readdirSync(join(dir, 'a', 'plans')).sort()).toEqual(plans.map((p) => `${p.id}${PLAN_TEXTS.extension}`).sort());
    // Each text's key (a plan page's cache key takes it): a clone's is its base's, whose text it copies.
    const keys = read<Record<string, string>>(join(dir, 'a'), DATA_FILES.planTexts.file);
    expect(Object.keys(keys).sort()).toEqual(plans.map((p) => p.id).sort());
    const firstClone = plans[read<unknown[]>(base, 'plans.json').length]!;
    expect(keys[firstClone.id]).toBe(keys[plans.find((p) => firstClone.id.startsWith(`${p.id}-`))!.id]);
  });

  it("points every target at its own plan's page, ids unique", () => {
    expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length);
    for (const t of targets.filter((x) => plans.some((p) => p.id === x.plan))) expect(t.url.startsWith(planUrl(t.plan))).toBe(true);
  });

  it('puts every plan of a known province in that province once', () => {
    const provinces = read<{ name: string; plans: string[] }[]>(join(dir, 'a'), 'provinces.json');
    const listed = provinces.flatMap((p) => p.plans);
    expect(new Set(listed).size).toBe(listed.length);
    for (const p of plans.filter((x) => x.metadata.provinceNow.value)) expect(provinces.find((q) => q.name === p.metadata.provinceNow.value)!.plans).toContain(p.id);
  });

  it('is deterministic: the same inputs give the same bytes', () => {
    for (const f of ['plans.json', 'targets.json', 'findings.json', 'documents.json']) expect(readFileSync(join(dir, 'b', f))).toEqual(readFileSync(join(dir, 'a', f)));
  });

  it('gives a crowded province its share of the clones, every place still once', () => {
    const crowd = { province: 'Hải Phòng', share: 0.8 };
    scaleContent(base, join(dir, 'c'), N, 57, crowd);
    const crowdedPlans = read<typeof plans>(join(dir, 'c'), 'plans.json');
    const before = read<unknown[]>(base, 'plans.json').length;
    const inCrowd = crowdedPlans.slice(before).filter((p) => p.metadata.provinceNow.value === crowd.province).length;
    expect(inCrowd).toBeGreaterThanOrEqual(Math.floor((N - before) * crowd.share) - 1);
    expect(new Set(crowdedPlans.map((p) => `${p.metadata.locality.value}|${p.metadata.provinceNow.value}`)).size).toBe(N);
    const listed = read<{ name: string; plans: string[] }[]>(join(dir, 'c'), 'provinces.json').find((p) => p.name === crowd.province)!.plans;
    expect(listed.length).toBe(crowdedPlans.filter((p) => p.metadata.provinceNow.value === crowd.province).length);
  });
});
