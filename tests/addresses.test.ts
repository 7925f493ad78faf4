// Every address the site's one module of addresses (scripts/contract/addresses.ts) gives for
// the published data names a file of the built site: the module and the routes agree.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indicatorCsvUrl, indicatorUrl, localityUrl, pages, planDataUrl, planSourceUrl, planUrl, provinceUrl } from '../scripts/contract/addresses.ts';
import { ensureSite } from './helpers/site.ts';

const dist = await ensureSite();
const json = <T>(path: string) => JSON.parse(readFileSync(join(dist, path), 'utf8')) as T;
const plans = json<{ id: string; url: string; locality: string | null; level: string | null; province: string | null; provinceNow: string | null }[]>('data/plans.json');
const indicators = json<{ id: string }[]>('data/indicators.json');
const built = (url: string) => existsSync(join(dist, decodeURIComponent(url.endsWith('/') ? `${url}index.html` : url)));

describe('addresses of the built site', () => {
  it('finds every fixed page', () => {
    for (const url of Object.values(pages)) expect(built(url), url).toBe(true);
  });

  it('finds every plan page, its data and its source file, at the address the open data gives', () => {
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans) {
      expect(new URL(p.url).pathname).toBe(planUrl(p.id));
      for (const url of [planUrl(p.id), planDataUrl(p.id), planSourceUrl(p.id)]) expect(built(url), url).toBe(true);
    }
  });

  it("finds every plan's locality and province page", () => {
    for (const p of plans) {
      if (p.locality) expect(built(localityUrl({ name: p.locality, level: p.level, province: p.province })), p.locality).toBe(true);
      if (p.provinceNow) expect(built(provinceUrl(p.provinceNow)), p.provinceNow).toBe(true);
    }
  });

  it('finds every indicator page and both of its CSV files', () => {
    expect(indicators.length).toBeGreaterThan(0);
    for (const i of indicators) {
      for (const url of [indicatorUrl(i.id), indicatorCsvUrl(i.id, false), indicatorCsvUrl(i.id, true)]) expect(built(url), url).toBe(true);
    }
  });
});
