import { describe, expect, it } from 'vitest';
import { loadVocabulary } from './document-types.ts';
import { parseSidecar } from './sidecar.ts';
import { extractTargets } from './targets/extract.ts';
import { existsSync } from 'node:fs';
import { assignIds, baseId, byCodePoint, findDuplicates, LOOKALIKE_SIMILARITY, parseSeed, SAME_PLAN_SIMILARITY, similarity, textShingles, type DuplicateCandidate } from './plan.ts';
import { readSeeds } from '../build/seeds.ts';
import { readSourceDocuments, syntheticSeeds } from '../bench/synthetic-seeds.ts';
import { fold } from './text.ts';
import { SEED, seedsDir, seedText } from '../../tests/seeds.ts';
import { sharedCorpusDir } from '../shared-folder.ts';
import type { Plan } from './types.ts';

const plan = (sourceFile: string, locality: string | null, number: string | null, type = 'Kế hoạch'): Plan => {
  const v = <T>(value: T | null) => ({ value, source: value === null ? null : ('text' as const) });
  return {
    id: '', sourceFile, sourceSha256: '', blocks: [], outline: [], references: [], docId: null, implements: [],
    metadata: {
      type: v(type), number: v(number), date: v(null), place: v(null), issuer: v(null), locality: v(locality), level: v(null),
      province: v(null), provinceNow: v(null), approves: v(null), summary: false,
      signer: v(null), signerCapacity: v(null), subject: v(null), recipients: [], footnotes: [],
    },
  };
};

describe('ids', () => {
  it('are built from locality and number, else locality and type, else the file name: never a bare type', () => {
    expect(baseId(plan('a.txt', 'Ninh Thuận', '319-CTr/TU'))).toBe('ninh-thuan-319-ctr-tu');
    expect(baseId(plan('a.txt', null, '552/KH-UBND'))).toBe('552-kh-ubnd');
    expect(baseId(plan('a.txt', 'Đồng Tháp', null, 'Chương trình hành động'))).toBe('dong-thap-chuong-trinh-hanh-dong');
    expect(baseId(plan('Kế hoạch xã A.txt', null, null))).toBe('ke-hoach-xa-a');
    expect(baseId({ ...plan('Kế hoạch xã A.txt', null, null), metadata: { ...plan('', null, null).metadata, type: { value: null, source: null } } })).toBe('ke-hoach-xa-a');
  });

  it('tell a summary from the plan it summarises', () => {
    const summary = plan('tin.txt', 'Lào Cai', '123/KH-UBND');
    expect(baseId({ ...summary, metadata: { ...summary.metadata, summary: true } })).toBe('lao-cai-123-kh-ubnd-tom-tat');
  });

  it('resolve clashes the same way whatever order the files come in', () => {
    const files = [plan('b.txt', 'Yết Kiêu', null), plan('a.txt', 'Yết Kiêu', null)];
    const ids = (ps: Plan[]) => Object.fromEntries(assignIds(ps).map((p) => [p.sourceFile, p.id]));
    expect(ids(files)).toEqual({ 'a.txt': 'yet-kieu-ke-hoach', 'b.txt': 'yet-kieu-ke-hoach-2' });
    expect(ids([...files].reverse())).toEqual(ids(files));
  });
});

/** The reference: every kept file scored against this one, in file order. */
function allPairs(items: DuplicateCandidate[]) {
  const duplicates: string[] = [];
  const lookalikes: string[][] = [];
  const kept: DuplicateCandidate[] = [];
  for (const it of items) {
    if (kept.some((k) => k.fingerprint === it.fingerprint)) { duplicates.push(it.file); continue; }
    const scored = kept.map((k) => ({ k, s: similarity(it.shingles, k.shingles) })).sort((a, b) => b.s - a.s);
    if (scored[0] && scored[0].s >= SAME_PLAN_SIMILARITY) { duplicates.push(it.file); continue; }
    for (const { k, s } of scored) if (s >= LOOKALIKE_SIMILARITY || (it.number !== null && it.number === k.number)) lookalikes.push([k.file, it.file]);
    kept.push(it);
  }
  return { duplicates, lookalikes };
}

describe('findDuplicates', () => {
  const blocks = (text: string) => text.split('\n\n').map((t, i) => ({ id: `d${i + 1}`, kind: 'paragraph' as const, depth: 0, label: null, text: t, emphasis: [], line: 1, part: 'body' as const }));
  const item = (file: string, text: string, number: string | null = '1-KH/TU', issuer: string | null = 'Ban Thường vụ Tỉnh ủy') =>
    ({ file, fingerprint: fold(text).replace(/\s+/g, ' '), shingles: textShingles(blocks(text)), number, issuer });
  const plan = seedText(SEED.ninhThuan);
  const other = seedText(SEED.phanRang);

  it('keeps the first file of the same text, and of a near-identical one, naming both', () => {
    const edited = plan.replace('Chỉ số đổi mới sáng tạo cấp địa phương', 'Chỉ số đổi mới sáng tạo (PII) cấp địa phương');
    const { duplicates, lookalikes } = findDuplicates([item('b.txt', plan), item('a.txt', plan), item('c.txt', edited, null), item('d.txt', other, '2-KH/TU')]);
    expect(duplicates).toEqual([
      { kept: 'a.txt', dropped: 'b.txt', reason: 'same text' },
      { kept: 'a.txt', dropped: 'c.txt', reason: 'near-identical text', shared: expect.closeTo(0.99, 1) },
    ]);
    expect(lookalikes).toEqual([]);
  });

  it('publishes two different plans that share a local number and issuer (no province named), reporting both', () => {
    const { duplicates, lookalikes } = findDuplicates([item('a.txt', plan), item('b.txt', other)]);
    expect(duplicates).toEqual([]);
    expect(lookalikes).toEqual([{ first: 'a.txt', second: 'b.txt', reason: expect.stringMatching(/^same number 1-KH\/TU but different texts \(\d+% shared\)$/) }]);
  });

  it('reports a text that is alike but not the same (its last part rewritten) with both names, and publishes both', () => {
    const paragraphs = plan.split('\n\n');
    const half = [...paragraphs.slice(0, Math.round(paragraphs.length * 0.7)), ...other.split('\n\n').slice(0, 10)].join('\n\n');
    const { duplicates, lookalikes } = findDuplicates([item('a.txt', plan, null), item('b.txt', half, null)]);
    expect(duplicates).toEqual([]);
    expect(lookalikes).toEqual([{ first: 'a.txt', second: 'b.txt', reason: expect.stringMatching(/^alike texts \(\d+% shared\) but not the same$/) }]);
  });

  it('finds what comparing every pair finds, comparing only the pairs its sketches screen in', () => {
    // Texts made of the seeds' paragraphs, overlapping by every share from none to all.
    const paragraphs = [...plan.split('\n\n'), ...other.split('\n\n')].filter((p) => p.length > 80);
    const texts = Array.from({ length: 40 }, (_, i) => paragraphs.filter((_, j) => (j * 7 + i * 3) % 40 < 10 + (i % 9) * 3 || j % 40 === i).join('\n\n'));
    const items = texts.map((t, i) => item(`${String(i).padStart(2, '0')}.txt`, t, i % 5 === 0 ? '5-KH/TU' : `${i}-KH/TU`));
    const found = findDuplicates(items);
    const reference = allPairs(items);
    expect(reference.lookalikes.length).toBeGreaterThan(10);
    expect(found.duplicates.map((d) => d.dropped)).toEqual(reference.duplicates);
    expect(found.lookalikes.map((l) => [l.first, l.second])).toEqual(reference.lookalikes);
  });

  it('finds what comparing every pair finds on the seeds, the corpus and synthetic plans alike in their boilerplate', () => {
    const vocabulary = loadVocabulary();
    const inputs = [...readSeeds(seedsDir), ...(existsSync(sharedCorpusDir) ? readSeeds(sharedCorpusDir).map((i) => ({ ...i, file: `corpus/${i.file}` })) : [])];
    const synthetic = syntheticSeeds(readSourceDocuments([seedsDir, ...(existsSync(sharedCorpusDir) ? [sharedCorpusDir] : [])]), 160);
    const texts = [...inputs.map((i) => ({ file: i.file, blocks: parseSeed(i, vocabulary).blocks })), ...synthetic.map((s) => ({ file: `synthetic/${s.file}`, blocks: blocks(s.text) }))];
    // Copies with one paragraph dropped (near-identical), and a number shared now and then.
    const copies = texts.slice(0, 40).map((t) => ({ file: `${t.file}-copy`, blocks: t.blocks.filter((_, i) => i !== 3) }));
    const items = [...texts, ...copies].map((t, i) => ({
      file: t.file,
      fingerprint: fold(t.blocks.map((b) => b.text).join(' ')).replace(/\s+/g, ' '),
      shingles: textShingles(t.blocks),
      number: i % 23 === 0 ? '5-KH/TU' : null,
      issuer: null,
    }));
    const found = findDuplicates(items);
    const reference = allPairs([...items].sort((a, b) => byCodePoint(a.file, b.file)));
    expect(reference.duplicates.length).toBeGreaterThanOrEqual(40);
    expect(reference.lookalikes.length).toBeGreaterThan(0);
    expect(found.duplicates.map((d) => d.dropped)).toEqual(reference.duplicates);
    expect(found.lookalikes.map((l) => [l.first, l.second])).toEqual(reference.lookalikes);
  });

  it('compares similarity of word 5-grams', () => {
    expect(similarity(textShingles(blocks(plan)), textShingles(blocks(plan)))).toBe(1);
    expect(similarity(textShingles(blocks(plan)), textShingles(blocks(other)))).toBeLessThan(LOOKALIKE_SIMILARITY);
  });
});

describe('a reviewed lead-in (sidecar "leadIn")', () => {
  // A press reprint without the document's header opens with the publisher's words; the sidecar says how many paragraphs.
  const text = 'Báo Mẫu giới thiệu toàn văn, đạt 100% số xã được phổ biến.\n\nTỷ lệ dân số trưởng thành có điện thoại thông minh đạt 90%.\n';
  const read = (sidecar: string | null) => {
    const seed = parseSeed({ file: 'reprint.txt', bytes: new TextEncoder().encode(text), sidecar: sidecar ? parseSidecar(new TextEncoder().encode(sidecar), 'reprint.meta.json') : null }, loadVocabulary());
    return { parts: seed.blocks.map((b) => b.part), values: extractTargets({ id: 'x', locality: null, level: null, blocks: seed.blocks }).map((t) => t.value) };
  };

  it('marks those paragraphs as header, not the document, so no target is read there', () => {
    expect(read(null)).toEqual({ parts: ['body', 'body'], values: [100, 90] });
    expect(read('{ "leadIn": 1 }')).toEqual({ parts: ['header', 'body'], values: [90] });
  });
});
