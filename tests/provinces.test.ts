// Where a plan lies: the page of provinces (with and without plans), each province's page
// listing every plan inside it at any level, and a locality's page naming its province.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSite } from './helpers/site.ts';
import { localityUrl, provinceUrl } from '../scripts/contract/addresses.ts';

const dist = await ensureSite();
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const plans = JSON.parse(readFileSync(join(dist, 'data', 'plans.json'), 'utf8')) as { url: string; locality: string | null; level: string | null; province: string | null; provinceNow: string | null }[];
const links = (page: string) => [...page.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);

describe('provinces', () => {
  const index = html('tinh-thanh');
  const provinceLinks = [...new Set(links(index).filter((l) => /^\/tinh-thanh\/[a-z0-9-]+\/$/.test(l)))];

  it('the index lists all 34 provinces of today, with and without plans', () => {
    expect(provinceLinks).toHaveLength(34);
    expect(index).toMatch(/Có văn bản trong thư viện: \d+/);
    expect(index).toMatch(/Chưa có văn bản: \d+/);
  });

  it('every plan whose province is known is listed on that province page, whatever its level', () => {
    const placed = plans.filter((p) => p.provinceNow);
    expect(placed.length).toBeGreaterThan(0);
    for (const p of placed) expect(links(html(provinceUrl(p.provinceNow!)))).toContain(new URL(p.url).pathname);
  });

  it('a commune or city page names its province and links to it', () => {
    const local = plans.find((p) => p.provinceNow && p.locality !== p.provinceNow)!;
    const page = html(localityUrl({ name: local.locality!, level: local.level, province: local.province }));
    expect(links(page)).toContain(provinceUrl(local.provinceNow!));
  });
});
