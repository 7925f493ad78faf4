// The national references of content/national/ are facts a reviewer transcribed. Checked
// here against the text itself (../shared/reference/, read in place, never copied into the
// repository) when it is present: every value, comparator and year stands in the section
// named, and every numeric target the extractor finds in the text is in the file.
import { existsSync, readFileSync } from 'node:fs';
import { sharedReferenceDir } from '../shared-folder.ts';
import { describe, expect, it } from 'vitest';
import { loadVocabulary } from './document-types.ts';
import { nationalReferenceSchema, type NationalTarget } from '../contract/schemas/national.ts';
import { loadNationalReferences, nationalId, nationalTargets } from './national.ts';
import { parseSeed } from './plan.ts';
import { fold } from './text.ts';
import { extractTargets } from './targets/extract.ts';
import { formatNumber } from '../contract/format.ts';
import { loadTaxonomy } from './targets/taxonomy.ts';
import type { Target } from './targets/types.ts';
import type { Block } from './types.ts';

const taxonomy = loadTaxonomy();
const refs = loadNationalReferences();
const nq57 = refs.find((r) => r.number === '57-NQ/TW')!;

describe('content/national/', () => {
  it('holds Resolution 57-NQ/TW of the Politburo, 22/12/2024, with where its official text is published', () => {
    expect(nq57).toMatchObject({ type: 'Nghị quyết', issuer: 'Bộ Chính trị', date: '2024-12-22', signer: 'Tô Lâm', level: 'trung ương' });
    expect(nq57.published.length).toBeGreaterThan(0);
  });

  it('keeps the address the page had when it was built from a copied text', () => {
    expect(nationalId(nq57)).toBe('viet-nam-57-nq-tw');
  });

  it('names only indicators of the taxonomy, and gives each target one record', () => {
    for (const ref of refs) {
      const targets = nationalTargets(ref, taxonomy);
      expect(targets).toHaveLength(ref.targets.length);
      expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length);
    }
  });

  it('rejects a range without its upper end and fields the schema does not know', () => {
    const [first] = nq57.targets;
    const withTarget = (t: object) => ({ ...nq57, targets: [{ ...first, ...t }] });
    expect(nationalReferenceSchema.safeParse(withTarget({ comparator: 'range' })).success).toBe(false);
    expect(nationalReferenceSchema.safeParse(withTarget({ quote: 'a sentence' })).success).toBe(false);
    expect(nationalReferenceSchema.safeParse(withTarget({})).success).toBe(true);
  });
});

const referenceFile = `${sharedReferenceDir}57-NQ-TW.txt`;
const hasReference = existsSync(referenceFile);

/** Label path of every block's section from its headings: "II-" then "1." → "II.1". */
function sectionPaths(blocks: Block[]): Map<string, string> {
  const stack: string[] = [];
  const out = new Map<string, string>();
  for (const b of blocks) {
    if (b.kind === 'heading' && b.label) {
      stack.length = b.depth - 1;
      stack[b.depth - 1] = b.label.replace(/[.\-–)]+$/, '');
    }
    out.set(b.id, stack.filter(Boolean).join('.'));
  }
  return out;
}

const inSection = (path: string | undefined, section: string) => path === section || (path ?? '').startsWith(`${section}.`);
const sectionOf = (t: NationalTarget) => t.section.split(' ')[0]!;

describe.skipIf(!hasReference)('57-NQ/TW facts against the text in ../shared/reference/', () => {
  const bytes = new Uint8Array(hasReference ? readFileSync(referenceFile) : []);
  const seed = hasReference ? parseSeed({ file: '57-NQ-TW.txt', bytes, sidecar: null }, loadVocabulary()) : null;
  const blocks = seed?.blocks ?? [];
  const paths = sectionPaths(blocks);
  const extracted = seed ? extractTargets({ id: 'nq57', locality: nq57.locality, level: nq57.level, date: nq57.date, blocks }) : [];
  const sectionText = (section: string) => blocks.filter((b) => inSection(paths.get(b.id), section)).map((b) => b.text).join('\n');

  it('finds each value, with its year, in the section named', () => {
    for (const t of nq57.targets) {
      const text = sectionText(sectionOf(t));
      expect(text, t.section).not.toBe('');
      if (t.year != null) expect(text.includes(String(t.year)), `${t.label}: year ${t.year}`).toBe(true);
      if (t.implicit) continue;
      for (const v of [t.value, t.valueMax].filter((v) => v != null)) {
        expect(new RegExp(`(^|[^\\d,.])${formatNumber(v).replace('.', '\\.')}(?![\\d]|,\\d)`).test(text), `${t.label}: ${v}`).toBe(true);
      }
    }
  });

  it('agrees with what the extractor reads there: comparator, value, unit, year, indicator', () => {
    const unmatched = [...extracted];
    for (const t of nq57.targets) {
      const i = unmatched.findIndex(
        (x: Target) =>
          inSection(paths.get(x.blockId), sectionOf(t)) && x.value === t.value && x.valueMax === (t.valueMax ?? null) && x.year === t.year && x.comparator === t.comparator,
      );
      expect(i, `${t.section}: ${t.label}`).toBeGreaterThanOrEqual(0);
      expect({ unit: unmatched[i]!.unit, indicator: unmatched[i]!.indicator }, t.label).toEqual({ unit: t.unit, indicator: t.indicator });
      unmatched.splice(i, 1);
    }
    expect(unmatched.map((x) => x.quote)).toEqual([]);
  });

  it('has every numeric target of the objectives section (II)', () => {
    const inObjectives = extracted.filter((x) => x.kind === 'target' && inSection(paths.get(x.blockId), 'II'));
    expect(inObjectives.length).toBeGreaterThan(20);
    expect(nq57.targets.filter((t) => inSection(sectionOf(t), 'II'))).toHaveLength(inObjectives.length);
  });

  // Twelve: the field's own name ("khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số") is ten words.
  it('words every label itself: no run of twelve words of the text', () => {
    const words = (s: string) => fold(s).split(/[^\p{L}\p{N}%]+/u).filter(Boolean);
    const source = ` ${words(blocks.map((b) => b.text).join(' ')).join(' ')} `;
    for (const t of nq57.targets) {
      const w = words(t.label);
      for (let k = 0; k + 12 <= w.length; k++) expect(source.includes(` ${w.slice(k, k + 12).join(' ')} `), t.label).toBe(false);
    }
  });
});
