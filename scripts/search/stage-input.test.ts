// The search index's input, carried from the pipeline's process to the search index's in a folder:
// read back, it is the input written, down to the order of each plan's keys (the bundle cache's
// keys are made of the plans' JSON), and a plan's file missing is an error, never fewer plans.
// Placed through the store of published files, an unchanged plan's file is an earlier build's.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedSiteData } from '../../tests/seeds.ts';
import { FileStore } from '../build/file-store.ts';
import { readSearchInput, writeSearchInput, type PlaceInputFile, type SearchStageInput } from './stage-input.ts';

const work = mkdtempSync(join(tmpdir(), 'search-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const site = seedSiteData();
const input: SearchStageInput = { plans: site.plans, documents: site.documents, indicatorsByPlan: site.indicatorsByPlan };

describe('the search index input folder', () => {
  const dir = join(work, 'input');
  writeSearchInput(dir, input);

  it('reads back the plans, cited documents and indicators written, keys in their order', () => {
    const read = readSearchInput(dir);
    expect(read.plans.length).toBeGreaterThan(2);
    expect(read).toEqual(input);
    expect(read.plans.map((p) => JSON.stringify(p))).toEqual(input.plans.map((p) => JSON.stringify(p)));
    expect([...read.indicatorsByPlan]).toEqual([...input.indicatorsByPlan]);
  });

  it('stops on a plan missing', () => {
    const cut = join(work, 'cut');
    cpSync(dir, cut, { recursive: true });
    rmSync(join(cut, 'plans', String(input.plans.length - 1)));
    expect(() => readSearchInput(cut)).toThrow(/lacks plans/);
  });

  it('through the store, makes again only the files of the plans that changed', () => {
    const store = new FileStore(join(work, 'store'));
    const place: PlaceInputFile = (target, key, make) => store.place(target, key, make);
    writeSearchInput(join(work, 'first'), input, place);
    expect(store.counts).toEqual({ reused: 0, made: input.plans.length });
    const [first, ...rest] = input.plans;
    const edited = { ...input, plans: [{ ...first!, blocks: first!.blocks.slice(1) }, ...rest] };
    writeSearchInput(join(work, 'second'), edited, place);
    expect(store.counts).toEqual({ reused: input.plans.length - 1, made: input.plans.length + 1 });
    expect(readSearchInput(join(work, 'second'))).toEqual(edited);
  });
});
