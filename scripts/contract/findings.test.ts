// findings.json names each finding's targets by id; the pages resolve them back whole.
import { describe, expect, it } from 'vitest';
import { seedLibrary } from '../../tests/seeds.ts';
import { targetsSiteData } from '../pipeline/targets/site-targets.ts';
import { COLLECTION_FILES } from './generated.ts';
import { resolveFinding, targetsById } from './findings.ts';

const data = targetsSiteData(seedLibrary().plans);
const written = JSON.parse(data.files.get(COLLECTION_FILES.findings.file)!()) as unknown[];
const targets = JSON.parse(data.files.get(COLLECTION_FILES.targets.file)!()) as typeof data.targets;

describe('findings.json on the seeds', () => {
  it('holds each finding once, its targets by id, and gives back every finding whole from targets.json', () => {
    const entries = written.map((e) => COLLECTION_FILES.findings.entry.parse(e));
    expect(entries.length).toBe(data.findings.length);
    expect(entries.map((e) => [e.id, e.kind, e.plan])).toEqual(data.findings.map((f) => [f.id, f.kind, f.plan]));
    const byId = targetsById(targets);
    expect(entries.map((e) => resolveFinding(e, byId))).toEqual(JSON.parse(JSON.stringify(data.findings)));
    expect(JSON.stringify(written)).not.toContain('"quote"');
  });

  it('stops on a finding naming a target targets.json does not hold, and on two targets with one id', () => {
    const entry = COLLECTION_FILES.findings.entry.parse(written[0]);
    expect(() => resolveFinding(entry, new Map())).toThrow(/does not hold/);
    expect(() => targetsById([targets[0]!, targets[0]!])).toThrow(/two targets have the id/);
  });
});
