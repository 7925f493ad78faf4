import { describe, expect, it } from 'vitest';
import { extractTargets } from './extract.ts';
import { seedPlan } from './seed-plans.ts';
import { compareAmbition, computeFindings, type PlanLink } from './findings.ts';
import { loadTaxonomy } from './taxonomy.ts';
import { loadNationalReferences, nationalId, nationalTargets } from '../national.ts';

const plans = [
  seedPlan('000_f1948d11a7d713f4.txt', 'phan-rang'),
  seedPlan('001_9ab9814e00d8e62e.txt', 'dong-thap'),
  seedPlan('003_e484f2781837af51.txt', 'yet-kieu'),
  seedPlan('004_a936b11be61fe9d9.txt', 'ninh-thuan'),
];
const links: PlanLink[] = [
  { id: 'phan-rang', locality: 'Phan Rang - Tháp Chàm', docId: null, implements: ['319-CTr/TU', '57-NQ/TW'] },
  { id: 'dong-thap', locality: 'Đồng Tháp', docId: null, implements: ['57-NQ/TW'] },
  { id: 'yet-kieu', locality: 'Yết Kiêu', docId: '09-KH/ĐU', implements: ['57-NQ/TW', '12-KH/TU'] },
  { id: 'ninh-thuan', locality: 'Ninh Thuận', docId: '319- CTr/TU', implements: ['57-NQ/TW'] },
];
const taxonomy = loadTaxonomy();
// The national targets are the reviewed facts of content/national/ (57-NQ/TW).
const nq57 = loadNationalReferences().find((r) => r.number === '57-NQ/TW')!;
const targets = [...plans.flatMap((p) => extractTargets(p, taxonomy)), ...nationalTargets(nq57, taxonomy)];
const findings = computeFindings(targets, links, nationalId(nq57), taxonomy);
const find = (kind: string, plan: string, indicator: string) => findings.filter((f) => f.kind === kind && f.plan === plan && f.indicator === indicator);

describe('computeFindings on the seeds', () => {
  it("finds Đồng Tháp's digital economy 10% of GRDP against the national 30%", () => {
    const [f] = find('differs-from-national', 'dong-thap', 'digital-economy-share');
    expect(f).toMatchObject({ year: 2030, direction: 'lower' });
    expect(f?.text).toContain('tối thiểu 10% GRDP');
    expect(f?.text).toContain('tối thiểu 30% GDP');
  });

  it('compares a city with the provincial plan it implements (Phan Rang vs Ninh Thuận 319-CTr/TU)', () => {
    const [f] = find('differs-from-parent', 'phan-rang', 'online-public-service-use');
    expect(f).toMatchObject({ year: 2030, direction: 'higher' });
    expect(f && 'reference' in f ? f.reference.plan : null).toBe('ninh-thuan');
  });

  it('does not report a target restated with the same level', () => {
    expect(find('differs-from-national', 'ninh-thuan', 'rd-spending')).toEqual([]); // "02% GRDP" = "2% GDP"
    expect(find('differs-from-national', 'dong-thap', 'online-public-service-use')).toEqual([]);
  });

  it('finds two different targets for one indicator and year in one plan', () => {
    const [growth] = find('conflicting-targets', 'phan-rang', 'production-value-growth');
    expect(growth && 'targets' in growth ? growth.targets.map((t) => [t.value, t.valueMax]) : null).toEqual([[13, 13.5], [16, 17]]);
    const st = find('conflicting-targets', 'yet-kieu', 'st-enterprises').map((f) => f.year);
    expect(st).toEqual([2030, 2045]);
  });

  it('lists national targets a plan does not restate', () => {
    const missing = new Set(findings.filter((f) => f.kind === 'national-not-restated' && f.plan === 'dong-thap').map((f) => f.indicator));
    expect(missing.has('publications-growth')).toBe(true);
    expect(missing.has('digital-economy-share')).toBe(false);
  });

  it('reads ranks the other way round: top 20 is more ambitious than top 30', () => {
    const [a, b] = [targets.find((t) => t.plan === 'ninh-thuan' && t.indicator === 'innovation-dx-rank')!, { ...targets.find((t) => t.plan === 'ninh-thuan' && t.indicator === 'innovation-dx-rank')!, value: 30 }];
    expect(compareAmbition(a, b, taxonomy.indicators.find((i) => i.id === 'innovation-dx-rank'))).toBe('higher');
  });
});
