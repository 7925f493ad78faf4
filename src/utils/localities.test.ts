import { describe, expect, it } from 'vitest';
import { seedPageData } from '../../tests/helpers/seed-page-data.ts';
import { localityUrl, provinceUrl } from '../../scripts/contract/addresses.ts';
import { slugify } from '../../scripts/pipeline/text.ts';
import { levelRank } from './format.ts';
import { localities, localityLede } from './localities.ts';

describe('localities of the seed plans', () => {
  const { plans } = seedPageData();
  const list = localities(plans);

  it('holds every plan that says where it was issued, once, under a page address of its level, name and province', () => {
    const placed = plans.filter((p) => p.metadata.locality.value);
    expect(list.flatMap((l) => l.plans).map((p) => p.id).sort()).toEqual(placed.map((p) => p.id).sort());
    for (const l of list) expect(`/dia-phuong/${l.slug}/`).toBe(localityUrl(l));
    expect(new Set(list.map((l) => l.slug)).size).toBe(list.length);
  });

  it('lists provinces before cities and communes', () => {
    const ranks = list.map((l) => levelRank(l.level));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(list[0]!.level).toBe('tỉnh');
  });
});

describe('namesakes: communes of one name in two provinces', () => {
  const { plans } = seedPageData();
  // A seed commune's plan, and the same plan issued in another seed plan's province.
  const commune = plans.find((p) => p.metadata.level.value === 'xã' && p.metadata.province.value)!;
  const elsewhere = plans.find((p) => p.metadata.province.value && p.metadata.province.value !== commune.metadata.province.value)!.metadata;
  const twin = { ...commune, id: `${commune.id}-twin`, metadata: { ...commune.metadata, province: elsewhere.province, provinceNow: elsewhere.provinceNow } };
  const list = localities([...plans, twin]);
  const both = list.filter((l) => l.name === commune.metadata.locality.value && l.level === 'xã');

  it('are two localities with a page each, at two addresses naming their provinces', () => {
    expect(both).toHaveLength(2);
    expect(both.map((l) => l.plans.map((p) => p.id))).toEqual(expect.arrayContaining([[commune.id], [twin.id]]));
    expect(new Set(list.map((l) => l.slug)).size).toBe(list.length);
    for (const l of both) {
      expect(localityUrl(l)).toBe(`/dia-phuong/${l.slug}/`);
      expect(l.slug.endsWith(`-${slugify(l.province!)}`)).toBe(true);
    }
  });

  it('each page’s lede names its own province', () => {
    for (const l of both) {
      const lede = localityLede(l)!;
      const now = l.plans[0]!.metadata.provinceNow.value!;
      expect(lede.link).toBe(now);
      expect(lede.href).toBe(provinceUrl(now));
      expect(`${lede.before}${lede.link}`).toContain(l.province!);
    }
    expect(localityLede(both[0]!)).not.toEqual(localityLede(both[1]!));
  });
});
