import { describe, expect, it } from 'vitest';
import { assignIds, baseId, findDuplicates, parseSeed } from './plan.ts';
import { loadVocabulary } from './document-types.ts';
import { parseSidecar } from './sidecar.ts';
import { extractTargets } from './targets/extract.ts';
import type { Plan } from './types.ts';

const plan = (sourceFile: string, locality: string | null, number: string | null, type = 'Kế hoạch'): Plan => {
  const v = <T>(value: T | null) => ({ value, source: value === null ? null : ('text' as const) });
  return {
    id: '', sourceFile, sourceSha256: '', blocks: [], outline: [], references: [], docId: null, implements: [],
    metadata: {
      type: v(type), number: v(number), date: v(null), place: v(null), issuer: v(null), locality: v(locality), level: v(null),
      signer: v(null), signerCapacity: v(null), title: v(null), recipients: [], footnotes: [],
    },
  };
};

describe('ids', () => {
  it('are built from locality and number, else type, else the file name', () => {
    expect(baseId(plan('a.txt', 'Ninh Thuận', '319-CTr/TU'))).toBe('ninh-thuan-319-ctr-tu');
    expect(baseId(plan('a.txt', 'Đồng Tháp', null, 'Chương trình hành động'))).toBe('dong-thap-chuong-trinh-hanh-dong');
    expect(baseId({ ...plan('Kế hoạch xã A.txt', null, null), metadata: { ...plan('', null, null).metadata, type: { value: null, source: null } } })).toBe('ke-hoach-xa-a');
  });

  it('resolve clashes the same way whatever order the files come in', () => {
    const files = [plan('b.txt', 'Yết Kiêu', null), plan('a.txt', 'Yết Kiêu', null)];
    const ids = (ps: Plan[]) => Object.fromEntries(assignIds(ps).map((p) => [p.sourceFile, p.id]));
    expect(ids(files)).toEqual({ 'a.txt': 'yet-kieu-ke-hoach', 'b.txt': 'yet-kieu-ke-hoach-2' });
    expect(ids([...files].reverse())).toEqual(ids(files));
  });
});

describe('findDuplicates', () => {
  const item = (file: string, fingerprint: string, issuer: string, locality: string | null = null, date: string | null = null) =>
    ({ file, fingerprint, number: '1-KH/TU', issuer, locality, date });

  it('keeps the first file and names both', () => {
    expect(
      findDuplicates([
        item('b.txt', 'f1', 'Ban Thường vụ Tỉnh ủy'),
        item('a.txt', 'f1', 'Ban Thường vụ Tỉnh ủy'),
        item('c.txt', 'f2', 'BAN THƯỜNG VỤ TỈNH ỦY'),
        item('d.txt', 'f3', 'Ban Thường vụ Thành ủy'),
      ]),
    ).toEqual([
      { kept: 'a.txt', dropped: 'b.txt', reason: 'same text' },
      { kept: 'a.txt', dropped: 'c.txt', reason: 'same number 1-KH/TU and issuer' },
    ]);
  });

  it('keeps two provinces\' "1-KH/TU" of "Ban Thường vụ Tỉnh ủy": known localities or dates that differ mean two plans', () => {
    expect(
      findDuplicates([
        item('a.txt', 'f1', 'Ban Thường vụ Tỉnh ủy', 'Ninh Thuận', '2025-02-19'),
        item('b.txt', 'f2', 'Ban Thường vụ Tỉnh ủy', 'Đồng Tháp', '2025-02-19'),
        item('c.txt', 'f3', 'Ban Thường vụ Tỉnh ủy', 'Ninh Thuận', '2025-03-01'),
        // A copy whose locality or date could not be read is still the same plan.
        item('d.txt', 'f4', 'Ban Thường vụ Tỉnh ủy', null, '2025-02-19'),
        item('e.txt', 'f5', 'Ban Thường vụ Tỉnh ủy', 'Đồng Tháp', null),
      ]),
    ).toEqual([
      { kept: 'a.txt', dropped: 'd.txt', reason: 'same number 1-KH/TU and issuer' },
      { kept: 'b.txt', dropped: 'e.txt', reason: 'same number 1-KH/TU and issuer' },
    ]);
  });
});

describe('a reviewed lead-in (sidecar "leadIn")', () => {
  // A press reprint without the document's header opens with the publisher's words; the sidecar says how many paragraphs.
  const text = 'Báo Mẫu giới thiệu toàn văn, đạt 100% số xã được phổ biến.\n\nTỷ lệ dân số trưởng thành có điện thoại thông minh đạt 90%.\n';
  const read = (sidecar: string | null) => {
    const seed = parseSeed({ file: 'reprint.txt', bytes: new TextEncoder().encode(text), sidecar: sidecar ? parseSidecar(sidecar, 'reprint.meta.json') : null }, loadVocabulary());
    return { parts: seed.blocks.map((b) => b.part), values: extractTargets({ id: 'x', locality: null, level: null, blocks: seed.blocks }).map((t) => t.value) };
  };

  it('marks those paragraphs as header, not the document, so no target is read there', () => {
    expect(read(null)).toEqual({ parts: ['body', 'body'], values: [100, 90] });
    expect(read('{ "leadIn": 1 }')).toEqual({ parts: ['header', 'body'], values: [90] });
  });
});
