// The cache keys of the list pages (src/utils/page-keys.ts) on the seeds' generated data: a key
// changes with what its page shows, and stays when nothing it shows changed.
import { expect, it } from 'vitest';
import { seedLibrary, seedSiteData } from '../../tests/seeds.ts';
import { reuseSiteData } from '../../scripts/build/reuse.ts';
import { useGeneratedFolder } from '../../tests/helpers/generated-folder.ts';

// The seeds' generated folder, where CONTENT_GENERATED points, before the modules that read it load.
useGeneratedFolder([...seedSiteData().files, ...reuseSiteData(seedLibrary().plans).files], 'nq57-page-keys-');
const { localityListPageKey, planListPageKey, provincePageKey } = await import('./page-keys.ts');
const { library } = await import('./plans.ts');
const { allProvinces, plansOf } = await import('./provinces.ts');
const { localities } = await import('./localities.ts');
const { pageOf } = await import('./paging.ts');
type PlanEntry = Awaited<ReturnType<typeof library>>['plans'][number];

const { plans } = await library();
/** A copy of a plan with one of its facts changed (a new object: digests are made once per object). */
const withDate = (plan: PlanEntry, date: string): PlanEntry => ({ ...plan, metadata: { ...plan.metadata, date: { ...plan.metadata.date, value: date } } });

it('keys a page of plans by its place in the list, its plans as lists show them, and what else it names', async () => {
  const page = pageOf([...plans], 2, 2);
  const key = await planListPageKey(page);
  expect(await planListPageKey(pageOf([...plans], 2, 2))).toBe(key);
  expect(await planListPageKey(pageOf([...plans], 2, 1))).not.toBe(key);
  expect(await planListPageKey({ ...page, data: [withDate(page.data[0]!, '1999-01-01'), ...page.data.slice(1)] })).not.toBe(key);
  expect(await planListPageKey(page, 'a province')).not.toBe(key);
  // What only a plan's own page shows (its recipients) leaves the lists alone.
  const recipients = { ...page.data[0]!, metadata: { ...page.data[0]!.metadata, recipients: ['Nơi nhận khác'] } } as PlanEntry;
  expect(await planListPageKey({ ...page, data: [recipients, ...page.data.slice(1)] })).toBe(key);
});

it('keys a page of localities by each locality and its plans as lists show them', async () => {
  const page = pageOf(localities(plans), 3);
  const key = await localityListPageKey(page);
  const [first, ...rest] = page.data;
  expect(await localityListPageKey({ ...page, data: [{ ...first!, plans: first!.plans.map((p) => withDate(p, '1999-01-01')) }, ...rest] })).not.toBe(key);
  expect(await localityListPageKey({ ...page, data: [{ ...first!, name: `${first!.name} mới` }, ...rest] })).not.toBe(key);
});

it("keys a province's first page by the province, its plans and their commitments", async () => {
  const lib = await library();
  const province = (await allProvinces()).find((p) => plansOf(p, lib).length > 0)!;
  const mine = plansOf(province, lib);
  const key = await provincePageKey(province, mine);
  expect(await provincePageKey(province, [...mine])).toBe(key);
  expect(await provincePageKey({ ...province, formedFrom: [...province.formedFrom, 'Tỉnh cũ khác'] }, mine)).not.toBe(key);
  expect(await provincePageKey(province, [withDate(mine[0]!, '1999-01-01'), ...mine.slice(1)])).not.toBe(key);
  // More plans, and their commitments, change the key.
  expect(await provincePageKey(province, [...mine, ...plans.filter((p) => !mine.includes(p))])).not.toBe(key);
});
