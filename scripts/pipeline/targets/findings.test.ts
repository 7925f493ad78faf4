// Findings as the site ships them: the seeds built by the build, with the facts of content/national/.
import { describe, expect, it } from 'vitest';
import { SEED, seedLibrary } from '../../../tests/seeds.ts';
import { compareAmbition } from './findings.ts';
import { targetsSiteData } from './site-targets.ts';
import { loadTaxonomy } from './taxonomy.ts';

const library = seedLibrary();
const taxonomy = loadTaxonomy();
const { targets, findings } = targetsSiteData(library.plans, taxonomy);
const idOf = (file: string) => library.plans.find((p) => p.sourceFile === file)!.id;
const [phanRang, dongThap, yetKieu, ninhThuan] = [SEED.phanRang, SEED.dongThap, SEED.yetKieu, SEED.ninhThuan].map(idOf);
const find = (kind: string, plan: string | undefined, indicator: string) => findings.filter((f) => f.kind === kind && f.plan === plan && f.indicator === indicator);

describe('computeFindings on the seeds', () => {
  it("finds Đồng Tháp's digital economy 10% of GRDP against the national 30%", () => {
    const [f] = find('differs-from-national', dongThap, 'digital-economy-share');
    expect(f).toMatchObject({ year: 2030, direction: 'lower' });
    expect(f?.text).toContain('tối thiểu 10% GRDP');
    expect(f?.text).toContain('tối thiểu 30% GDP');
  });

  it('compares a city with the provincial plan it implements (Phan Rang vs Ninh Thuận 319-CTr/TU)', () => {
    const [f] = find('differs-from-parent', phanRang, 'online-public-service-use');
    expect(f).toMatchObject({ year: 2030, direction: 'higher' });
    expect(f && 'reference' in f ? f.reference.plan : null).toBe(ninhThuan);
  });

  it('does not report a target restated with the same level', () => {
    expect(find('differs-from-national', ninhThuan, 'rd-spending')).toEqual([]); // "02% GRDP" = "2% GDP"
    expect(find('differs-from-national', dongThap, 'online-public-service-use')).toEqual([]);
  });

  it('finds two different targets for one indicator and year in one plan', () => {
    const [growth] = find('conflicting-targets', phanRang, 'production-value-growth');
    expect(growth && 'targets' in growth ? growth.targets.map((t) => [t.value, t.valueMax]) : null).toEqual([[13, 13.5], [16, 17]]);
    const st = find('conflicting-targets', yetKieu, 'st-enterprises').map((f) => f.year);
    expect(st).toEqual([2030, 2045]);
  });

  it('lists national targets a plan does not restate', () => {
    const missing = new Set(findings.filter((f) => f.kind === 'national-not-restated' && f.plan === dongThap).map((f) => f.indicator));
    expect(missing.has('publications-growth')).toBe(true);
    expect(missing.has('digital-economy-share')).toBe(false);
  });

  it('reads ranks the other way round: top 20 is more ambitious than top 30', () => {
    const [a, b] = [targets.find((t) => t.plan === ninhThuan && t.indicator === 'innovation-dx-rank')!, { ...targets.find((t) => t.plan === ninhThuan && t.indicator === 'innovation-dx-rank')!, value: 30 }];
    expect(compareAmbition(a, b, taxonomy.indicators.find((i) => i.id === 'innovation-dx-rank'))).toBe('higher');
  });
});
