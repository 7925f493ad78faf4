import { describe, expect, it } from 'vitest';
import { seedPageData } from '../../tests/helpers/seed-page-data.ts';
import { countsByIndicator, FINDING_KINDS, findingItems } from './findings.ts';

const { plans, findings } = seedPageData();
const rank = new Map(plans.map((p, i) => [p.id, i]));
const provinceOf = (id: string) => plans.find((p) => p.id === id)?.metadata.provinceNow.value ?? 'Chưa rõ';

describe('findingItems', () => {
  const items = findingItems(findings, provinceOf, (id) => rank.get(id) ?? 1e9);

  it('lists every finding once; the national targets a plan leaves out, once per plan', () => {
    const listed = items.flatMap((i) => (i.kind === 'national-not-restated' ? [] : [i.finding]));
    expect(listed.length).toBe(findings.filter((f) => f.kind !== 'national-not-restated').length);
    expect(new Set(listed)).toEqual(new Set(findings.filter((f) => f.kind !== 'national-not-restated')));
    const missing = items.filter((i) => i.kind === 'national-not-restated');
    const expected = Map.groupBy(findings.filter((f) => f.kind === 'national-not-restated'), (f) => f.plan);
    expect(missing.map((i) => i.plan).sort()).toEqual([...expected.keys()].sort());
    for (const i of missing) expect(new Set(i.indicators)).toEqual(new Set(expected.get(i.plan)!.map((f) => f.indicator)));
  });

  it('orders by kind, then province', () => {
    const kinds = items.map((i) => FINDING_KINDS.indexOf(i.kind));
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
  });
});

describe('countsByIndicator', () => {
  it('adds up to the findings of each kind, plans for the national targets left out', () => {
    for (const kind of FINDING_KINDS) {
      const rows = countsByIndicator(findings, kind);
      const ofKind = findings.filter((f) => f.kind === kind);
      const expected = kind === 'national-not-restated' ? new Set(ofKind.map((f) => `${f.plan}|${f.indicator}`)).size : ofKind.length;
      expect(rows.reduce((n, r) => n + r.count, 0)).toBe(expected);
      for (const r of rows) expect(r.higher + r.lower).toBeLessThanOrEqual(r.count);
    }
  });
});
