import { describe, expect, it } from 'vitest';
import { addedSpans, markAdded, wordChanges } from './align.ts';

// A target sentence of seed 004 (Ninh Thuận) and its adaptation in seed 000 (Phan Rang - Tháp Chàm).
const province = 'Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt trên 80%; giao dịch không dùng tiền mặt đạt 80%.';
const city = 'Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt 100%; Tốc độ tăng trưởng giá trị sản xuất bình quân 5 năm đạt 16-17%.';

describe('wordChanges', () => {
  it('shows what the plan changed, word by word, and rebuilds both texts', () => {
    const changes = wordChanges(province, city);
    expect(changes.filter((c) => c.kind !== 'added').map((c) => c.text).join('')).toBe(province);
    expect(changes.filter((c) => c.kind !== 'removed').map((c) => c.text).join('')).toBe(city);
    expect(changes.filter((c) => c.kind === 'removed').map((c) => c.text.trim())).toContain('trên 80');
    expect(changes.find((c) => c.kind === 'added')!.text).toBe('100');
  });

  it("keeps every space of both sides next to a change (seed 004's sentence beside seed 000's, and runs of spaces)", () => {
    const pairs = [
      ['về nội dung Nghị quyết số 57-NQ/TW theo hướng: đa dạng hóa', 'về Nghị quyết số 57-NQ/TW của Bộ Chính trị theo hướng đa dạng'],
      [' a  b c ', 'a b  c'],
      ['x  y', 'x z y'],
      [city, province],
    ];
    for (const [source, plan] of pairs) {
      const changes = wordChanges(source!, plan!);
      expect(changes.filter((c) => c.kind !== 'added').map((c) => c.text).join('')).toBe(source);
      expect(changes.filter((c) => c.kind !== 'removed').map((c) => c.text).join('')).toBe(plan);
    }
  });

  it('marks a run of changed words as one change, not one per word', () => {
    const changes = wordChanges('Ban Thường vụ Tỉnh ủy ban hành Chương trình sau:', 'Ban Thường vụ Thành ủy Phan Rang - Tháp Chàm ban hành Kế hoạch sau:');
    expect(changes.filter((c) => c.kind === 'added').map((c) => c.text)).toEqual(['Thành', 'Phan Rang - Tháp Chàm ', 'Kế hoạch']);
  });
});

describe('addedSpans and markAdded', () => {
  it('keep only the plan\'s text: the spans are the words the source does not have', () => {
    const spans = addedSpans(province, city);
    expect(spans.map((s) => city.slice(s.start, s.end))).toContain('100');
    const marked = markAdded(city, spans);
    expect(marked.map((c) => c.text).join('')).toBe(city);
    expect(marked.filter((c) => c.kind === 'added').map((c) => c.text)).toEqual(spans.map((s) => city.slice(s.start, s.end)));
    expect(marked.every((c) => c.kind !== 'removed')).toBe(true);
  });
});
