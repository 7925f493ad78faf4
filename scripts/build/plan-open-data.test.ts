import { describe, expect, it } from 'vitest';
import { seedSiteData } from '../../tests/seeds.ts';
import { planOpenDataFiles } from './plan-open-data.ts';

describe('open data of the seed plans: data/plans.json and data/plans/<id>.json', () => {
  const { plans } = seedSiteData();
  const files = new Map(planOpenDataFiles(plans, 'https://nq57.example.vn/'));

  it('lists every plan once and writes one file per plan', () => {
    const listed = JSON.parse(files.get('data/plans.json')!) as { id: string; url: string }[];
    expect(listed.map((p) => p.id).sort()).toEqual(plans.map((p) => p.id).sort());
    expect(listed[0]!.url).toMatch(/^https:\/\/nq57\.example\.vn\/van-ban\//);
    expect(files.size).toBe(plans.length + 1);
  });

  it("holds each plan's every paragraph with its text (the pages' plans.json does not)", () => {
    for (const plan of plans) {
      const detail = JSON.parse(files.get(`data/plans/${plan.id}.json`)!) as { paragraphs: { id: string; text: string; url: string }[] };
      expect(detail.paragraphs.map((p) => [p.id, p.text])).toEqual(plan.blocks.map((b) => [b.id, b.text]));
      expect(detail.paragraphs[0]!.url).toBe(`https://nq57.example.vn/van-ban/${plan.id}/#${plan.blocks[0]!.id}`);
    }
  });
});
