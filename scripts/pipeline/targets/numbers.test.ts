import { describe, expect, it } from 'vitest';
import { fold } from './fold.ts';
import { lexicon } from './lexicon.ts';
import { parseViNumber, scanValues } from './numbers.ts';

const scan = (s: string) => scanValues(fold(s), s, lexicon());

describe('parseViNumber', () => {
  it('reads the Vietnamese decimal comma, thousands dots and leading zeros', () => {
    expect(parseViNumber('1,5')).toBe(1.5);
    expect(parseViNumber('0,7')).toBe(0.7);
    expect(parseViNumber('42,86')).toBe(42.86);
    expect(parseViNumber('02')).toBe(2);
    expect(parseViNumber('10.000')).toBe(10000);
    expect(parseViNumber('1.000,5')).toBe(1000.5);
    expect(parseViNumber('abc')).toBeNull();
  });
});

describe('scanValues', () => {
  it('reads a percent range written with a percent sign on both ends (seed 000)', () => {
    const [v] = scan('Tốc độ tăng trưởng giá trị sản xuất giai đoạn 2026-2030 tăng 13%-13,5%.');
    expect(v).toMatchObject({ value: 13, valueMax: 13.5, unit: '%', unitKind: 'percent' });
  });
  it('reads "16 - 18%/năm" and "12 người/10.000 dân" (seed 004)', () => {
    expect(scan('văn bằng bảo hộ sáng chế tăng trung bình 16 - 18%/năm')[0]).toMatchObject({ value: 16, valueMax: 18, unit: '%/năm' });
    expect(scan('đổi mới sáng tạo đạt 12 người/10.000 dân')[0]).toMatchObject({ value: 12, unit: 'người/10.000 dân', unitKind: 'per10k' });
  });
  it('reads "12 người trên một vạn dân" as per 10,000 (seed 001)', () => {
    expect(scan('đạt 12 người trên một vạn dân')[0]).toMatchObject({ value: 12, unit: 'người/10.000 dân' });
  });
  it('skips codes, dates, document numbers and years', () => {
    const s = 'Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024; mạng 5G, 6G; Đề án 06 đến năm 2030; Số 319- CTr/TU';
    expect(scan(s).filter((v) => !v.qualifier && v.unitKind !== 'count')).toEqual([]);
    expect(scan(s).map((v) => v.value)).not.toContain(57);
    expect(scan(s).map((v) => v.value)).not.toContain(2030);
  });
  it('marks a speed as a qualifier, not a value (seeds 001 and 003)', () => {
    const a = scan('Đạt tỉ lệ 100% người sử dụng có khả năng truy nhập băng rộng cố định với tốc độ trên 1Gb/s');
    expect(a.map((v) => [v.value, v.qualifier])).toEqual([[100, false], [1, true]]);
    const b = scan('Có 80% người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps/s.');
    expect(b.map((v) => [v.value, v.qualifier])).toEqual([[80, false], [1, true]]);
  });
  it('marks "mức 2 trở lên" as a qualifying level (seed 003)', () => {
    const v = scan('Có ≥ 80% đổi với các cơ sở giáo dục mầm non và các cơ quan quản lý giáo dục đánh giá mức độ chuyển đổi số đạt mức 2 trở lên;');
    expect(v.map((x) => [x.value, x.qualifier])).toEqual([[80, false], [2, true]]);
  });
  it('reads ranks: a group and a position (seeds 004)', () => {
    expect(scan('thuộc nhóm 20 tỉnh dẫn đầu về đổi mới sáng tạo')[0]).toMatchObject({ value: 20, rank: 'group', unit: 'hạng trong nước' });
    expect(scan('(PII) của tỉnh năm 2024 đứng thứ 18 cả nước')[0]).toMatchObject({ value: 18, rank: 'position' });
  });
});
