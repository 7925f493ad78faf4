// plans.json as the pages read it: each plan without its text (the text is its HTML file, plans/<id>.html),
// with what the pages need from the text computed here.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedLibrary, seedSiteData } from '../../tests/seeds.ts';
import { DATA_FILES, planTextFile } from '../contract/generated.ts';
import { FileStore } from './file-store.ts';
import type { Library } from './library.ts';
import { contentKey, generateSiteData } from './site-data.ts';
import { planEntrySchema } from '../contract/schemas/document.ts';
import { glossary } from '../contract/glossary.ts';

describe('plans.json of the seeds', () => {
  const { files, plans } = seedSiteData();
  const text = files.get('plans.json')!;
  const entries = planEntrySchema.array().parse(JSON.parse(text));

  it("holds every plan once, and none of its paragraphs' text", () => {
    expect(entries.map((e) => e.id)).toEqual(plans.map((p) => p.id));
    // Only the blocks' ids stay, in reading order.
    expect(entries.map((e) => e.blocks.map((b) => b.id))).toEqual(plans.map((p) => p.blocks.map((b) => b.id)));
    const paragraphs = plans.flatMap((p) => p.blocks.filter((b) => b.kind !== 'heading' && b.part === 'body' && b.text.length >= 60));
    expect(paragraphs.length).toBeGreaterThan(100);
    // JSON escapes quotes and backslashes: look for the text as JSON writes it.
    for (const b of paragraphs) expect(text.includes(JSON.stringify(b.text).slice(1, -1)), b.id).toBe(false);
  });

  it('names the abbreviations each text uses, in glossary order, each one written in it', () => {
    const order = glossary.map((a) => a.abbr);
    for (const [i, entry] of entries.entries()) {
      const words = plans[i]!.blocks.map((b) => b.text).join('\n');
      for (const abbr of entry.abbreviations) expect(words, `${entry.id}: ${abbr}`).toContain(abbr);
      expect(entry.abbreviations).toEqual([...entry.abbreviations].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    }
    expect(entries.some((e) => e.abbreviations.length > 0)).toBe(true);
  });
});

describe("the key of each plan's text (plan-texts.json)", () => {
  const textKeys = (files: Map<string, string>) => JSON.parse(files.get(DATA_FILES.planTexts.file)!) as Record<string, string>;

  it('is the digest of the text as written, when no store keeps the files', () => {
    const { files, plans } = seedSiteData();
    const keys = textKeys(files);
    expect(Object.keys(keys)).toEqual(plans.map((p) => p.id));
    for (const p of plans) expect(keys[p.id]).toBe(contentKey(planTextFile(p.id), files.get(planTextFile(p.id))!));
  });

  it("is the store's name of the file, which changes with the plan's text and only for that plan", () => {
    const dir = mkdtempSync(join(tmpdir(), 'nq57-text-keys-'));
    try {
      const store = new FileStore(join(dir, 'store'), 'v1');
      const generate = (library: Library) => {
        const files = new Map<string, string>();
        generateSiteData(library, undefined, undefined, { write: (path, content) => files.set(path, content), place: (path, key, make) => store.place(join(dir, 'out', path), key, make) });
        return textKeys(files);
      };
      const library = seedLibrary();
      const before = generate(library);
      for (const p of library.plans) expect(readFileSync(join(dir, 'store', before[p.id]!), 'utf8')).toBe(readFileSync(join(dir, 'out', planTextFile(p.id)), 'utf8'));
      const [first, ...rest] = library.plans;
      const edited = { ...first!, blocks: first!.blocks.map((b, i) => (i === first!.blocks.length >> 1 ? { ...b, text: `${b.text} Bổ sung.` } : b)) };
      rmSync(join(dir, 'out'), { recursive: true });
      const after = generate({ ...library, plans: [edited, ...rest] });
      expect(after[first!.id]).not.toBe(before[first!.id]);
      for (const p of rest) expect(after[p.id]).toBe(before[p.id]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
