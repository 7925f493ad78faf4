// The search index's input, carried from the pipeline's process to the search index's in a file:
// read back, it is the input written, down to the order of each plan's keys (the bundle cache's
// keys are made of the plans' JSON), and a file cut short is an error, never fewer plans.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedSiteData } from '../../tests/seeds.ts';
import { readSearchInput, writeSearchInput, type SearchStageInput } from './stage-input.ts';

const work = mkdtempSync(join(tmpdir(), 'search-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const site = seedSiteData();
const input: SearchStageInput = { plans: site.plans, documents: site.documents, indicatorsByPlan: site.indicatorsByPlan };

describe('the search index input file', () => {
  const file = join(work, 'input');
  writeSearchInput(file, input);

  it('reads back the plans, cited documents and indicators written, keys in their order', () => {
    const read = readSearchInput(file);
    expect(read.plans.length).toBeGreaterThan(2);
    expect(read).toEqual(input);
    expect(read.plans.map((p) => JSON.stringify(p))).toEqual(input.plans.map((p) => JSON.stringify(p)));
    expect([...read.indicatorsByPlan]).toEqual([...input.indicatorsByPlan]);
  });

  it('stops on a file cut short', () => {
    const cut = join(work, 'cut');
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 10));
    expect(() => readSearchInput(cut)).toThrow(/ends early/);
  });
});
