import { describe, expect, it } from 'vitest';
import { assignIds, baseId, findDuplicates } from './plan.ts';
import type { Plan } from './types.ts';

const plan = (sourceFile: string, locality: string | null, number: string | null, type = 'Kế hoạch'): Plan => {
  const v = <T>(value: T | null) => ({ value, source: value === null ? null : ('text' as const) });
  return {
    id: '', sourceFile, sourceSha256: '', blocks: [], outline: [], references: [], implements: [],
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
  it('keeps the first file and names both', () => {
    expect(
      findDuplicates([
        { file: 'b.txt', fingerprint: 'f1', number: '1-KH/TU', issuer: 'Ban Thường vụ Tỉnh ủy' },
        { file: 'a.txt', fingerprint: 'f1', number: '1-KH/TU', issuer: 'Ban Thường vụ Tỉnh ủy' },
        { file: 'c.txt', fingerprint: 'f2', number: '1-KH/TU', issuer: 'BAN THƯỜNG VỤ TỈNH ỦY' },
        { file: 'd.txt', fingerprint: 'f3', number: '1-KH/TU', issuer: 'Ban Thường vụ Thành ủy' },
      ]),
    ).toEqual([
      { kept: 'a.txt', dropped: 'b.txt', reason: 'same text' },
      { kept: 'a.txt', dropped: 'c.txt', reason: 'same number 1-KH/TU and issuer' },
    ]);
  });
});
