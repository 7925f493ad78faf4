import { describe, expect, it } from 'vitest';
import { seedLibrary } from '../../../tests/seeds.ts';
import { targetsSiteData } from './site-targets.ts';
import { DATA_FILES, parseDataFile } from '../../contract/generated.ts';

describe('targets against the national ones (the seed plans, as published)', () => {
  const data = targetsSiteData(seedLibrary().plans);
  const directions = parseDataFile('versusNational', data.files.get(DATA_FILES.versusNational.file)!());
  const byId = new Map(data.published.map((t) => [t.id, t]));

  it('compares local targets only, each with a national target of the same indicator and year', () => {
    expect(Object.keys(directions).length).toBeGreaterThan(0);
    for (const id of Object.keys(directions)) {
      const t = byId.get(id)!;
      expect(t.plan).not.toBe(data.nationalPlanId);
      expect(data.published.some((n) => n.plan === data.nationalPlanId && n.indicator === t.indicator && n.year === t.year)).toBe(true);
    }
  });

  it('agrees with every finding that a plan differs from the national target', () => {
    const differs = data.findings.filter((f) => f.kind === 'differs-from-national');
    expect(differs.length).toBeGreaterThan(0);
    for (const f of differs) if ('target' in f) expect(directions[f.target.id], f.text).toBe(f.direction);
  });
});
