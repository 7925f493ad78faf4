import { describe, expect, it } from 'vitest';
import type { Block } from '../types.ts';
import { fold } from './fold.ts';
import { ancestors, headingYear, yearsIn } from './year-context.ts';

const heading = (text: string, depth: number, id = 'h'): Block => ({
  id, kind: 'heading', depth, label: text.split(' ')[0]!, text, emphasis: [], line: 1, part: 'body',
});
const item = (text: string, id = 'd'): Block => ({ id, kind: 'item', depth: 0, label: null, text, emphasis: [], line: 1, part: 'body' });

describe('year context', () => {
  it('reads the headings of the seeds', () => {
    expect(headingYear(heading('2.3. Giai đoạn 2035 đến năm 2045', 3))).toMatchObject({ year: 2045, periodStart: 2035 });
    expect(headingYear(heading('2.1. Đến hết năm 2025', 3))).toMatchObject({ year: 2025, periodStart: null });
    expect(headingYear(heading('b) Tầm nhìn đến năm 2045', 4))).toMatchObject({ year: 2045 });
    // Seed 002 is a scan: "Đến năm 2030" came out as "Pén nim 2030". A short heading with one year still counts.
    expect(headingYear(heading('2.1. Pén nim 2030', 3))).toMatchObject({ year: 2030 });
    expect(headingYear(heading('1. Mục tiêu chung', 2))).toBeNull();
  });

  it('tells periods, target years, bare years and dates apart (seeds 000, 003, 004)', () => {
    expect(yearsIn(fold('Tốc độ tăng trưởng giá trị sản xuất giai đoạn 2026-2030 tăng 13%-13,5%.'))).toMatchObject([{ year: 2030, periodStart: 2026, kind: 'period' }]);
    expect(yearsIn(fold('Chỉ số đổi mới sáng tạo cấp địa phương (PII) của tỉnh năm 2024 đứng thứ 18 cả nước.'))).toMatchObject([{ year: 2024, kind: 'bare' }]);
    expect(yearsIn(fold('Yết Kiêu, ngày 28 tháng 8 năm 2025'))).toEqual([]);
    expect(yearsIn(fold('công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn 2045.')).map((r) => [r.year, r.kind])).toEqual([
      [2030, 'future'],
      [2045, 'future'],
    ]);
  });

  it('walks up to the enclosing headings, nearest first (seed 003)', () => {
    const blocks = [
      heading('II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP', 1, 'h1'),
      heading('2. Mục tiêu cụ thể', 2, 'h2'),
      heading('2.1. Đến hết năm 2025', 3, 'h3'),
      heading('a) Phát triển hạ tầng', 4, 'h4'),
      item('Tỷ lệ phủ sóng 5G trên địa bàn ≥ 60%.', 'd1'),
      heading('2.2. Đến hết năm 2030', 3, 'h5'),
      heading('a) Phát triển hạ tầng', 4, 'h6'),
      item('Tỷ lệ phủ sóng 5G trên địa bàn đạt 100%.', 'd2'),
    ];
    expect(ancestors(blocks, 4).map((b) => b.id)).toEqual(['h4', 'h3', 'h2', 'h1']);
    expect(ancestors(blocks, 7).map((b) => b.id)).toEqual(['h6', 'h5', 'h2', 'h1']);
  });
});
