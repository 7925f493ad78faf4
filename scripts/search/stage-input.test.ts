// The search index's input, carried from the pipeline's process to the search index's in a folder:
// read back, it is the input written, down to the order of each plan's keys; each plan's facts,
// digest (the bundle cache's keys are made of them) and words come without reading its file, which
// is read when the plan is loaded, and a plan's file missing is an error then, never fewer plans.
// Placed through the store of published files, an unchanged plan's file is an earlier build's.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedSiteData } from '../../tests/seeds.ts';
import { FileStore } from '../build/file-store.ts';
import { planDigest } from '../pipeline/memo.ts';
import { readSearchInput, writeSearchInput, type PlaceInputFile, type SearchStageInput } from './stage-input.ts';

const work = mkdtempSync(join(tmpdir(), 'search-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const site = seedSiteData();
const input: SearchStageInput = { plans: site.plans, documents: site.documents, indicatorsByPlan: site.indicatorsByPlan };

/** The input as read back, each plan loaded whole. */
const loaded = (dir: string) => {
  const read = readSearchInput(dir);
  return { ...read, plans: read.plans.map((p) => p.load()) };
};

describe('the search index input folder', () => {
  const dir = join(work, 'input');
  writeSearchInput(dir, input);

  it('reads back the plans, cited documents and indicators written, keys in their order', () => {
    const read = loaded(dir);
    expect(read.plans.length).toBeGreaterThan(2);
    expect(read).toEqual(input);
    expect(read.plans.map((p) => JSON.stringify(p))).toEqual(input.plans.map((p) => JSON.stringify(p)));
    expect([...read.indicatorsByPlan]).toEqual([...input.indicatorsByPlan]);
  });

  it("gives each plan's facts (all but its text, outline and references), its digest and its words before any plan is loaded", () => {
    const read = readSearchInput(dir);
    read.plans.forEach((p, i) => {
      const { blocks: _, outline: _o, references: _r, ...facts } = input.plans[i]!;
      expect(p.facts).toEqual(facts);
      for (const left of ['blocks', 'outline', 'references']) expect(p.facts).not.toHaveProperty(left);
      expect(p.digest).toBe(planDigest(input.plans[i]!));
      expect(p.words).toBe(input.plans[i]!.blocks.map((b) => b.text.split(/\s+/).filter(Boolean).length).reduce((a, b) => a + b));
    });
  });

  it("reads a plan's file only when the plan is loaded, and stops on one missing then", () => {
    const cut = join(work, 'cut');
    cpSync(dir, cut, { recursive: true });
    rmSync(join(cut, 'plans', String(input.plans.length - 1)));
    const read = readSearchInput(cut);
    expect(read.plans[0]!.load()).toEqual(input.plans[0]);
    expect(() => read.plans.at(-1)!.load()).toThrow(/lacks plans/);
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
    expect(loaded(join(work, 'second'))).toEqual(edited);
    expect(readSearchInput(join(work, 'second')).plans[0]!.digest).not.toBe(readSearchInput(join(work, 'first')).plans[0]!.digest);
  });
});
