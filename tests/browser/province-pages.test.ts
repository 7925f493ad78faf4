// Province pages in Chromium: without JavaScript a province with plans shows them and their
// commitments; the list of provinces, a province page and a locality page have no axe-core
// violation. Pages are found from the build's data, never hard-coded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeReportFor, gotoOk, newPage } from '../helpers/browser.ts';
import { ensureSite } from '../helpers/site.ts';
import { useSite } from '../helpers/session.ts';
import { localityUrl, provinceUrl } from '../../scripts/contract/addresses.ts';

const dist = await ensureSite();
const site = useSite(dist);
const plans = JSON.parse(readFileSync(join(dist, 'data', 'plans.json'), 'utf8')) as { url: string; locality: string | null; level: string | null; province: string | null; provinceNow: string | null }[];
const placed = plans.filter((p) => p.provinceNow);
const province = provinceUrl(placed[0]!.provinceNow!);
// A commune's or city's page, which names its province.
const local = placed.find((p) => p.locality !== p.provinceNow)!;
const localityPage = localityUrl({ name: local.locality!, level: local.level, province: local.province });

describe('province pages', () => {
  it('without JavaScript, a province page lists its plans and a commitments table', async () => {
    const { context, page } = await newPage(site.browser, { javaScript: false });
    await gotoOk(page, site.url(province));
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    const tables = await page.locator('main table').count();
    await context.close();
    for (const p of placed.filter((q) => provinceUrl(q.provinceNow!) === province)) expect(links).toContain(new URL(p.url).pathname);
    expect(tables).toBeGreaterThanOrEqual(1);
  });

  it.each(['/tinh-thanh/', province, localityPage])('%s has no axe-core violation', async (path) => {
    const report = await axeReportFor(site.browser, site.url(path));
    expect(report.violations, report.summary).toEqual([]);
  });
});
