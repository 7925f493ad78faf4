// plans.json as the pages read it: each plan without its text (the text is its HTML file, plans/<id>.html),
// with what the pages need from the text computed here.
import { describe, expect, it } from 'vitest';
import { seedSiteData } from '../../tests/seeds.ts';
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
