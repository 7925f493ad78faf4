import { describe, expect, it } from 'vitest';
import { clauses, sentences } from './segment.ts';

const text = 'Kinh phí chi cho nghiên cứu phát triển (R&D) của tỉnh đạt 02% GRDP, trong đó kinh phí từ xã hội chiếm hơn 60%; bố trí ít nhất 03% tổng chi ngân sách hằng năm. Nguồn nhân lực nghiên cứu khoa học đạt 12 người/10.000 dân; số lượng công bố khoa học tăng trung bình 10%/năm.';

describe('sentences and clauses (seed 004)', () => {
  it('splits sentences at a full stop followed by a space, not inside "10.000"', () => {
    const s = sentences(text).map((r) => text.slice(r.start, r.end));
    expect(s).toHaveLength(2);
    expect(s[1]).toBe('Nguồn nhân lực nghiên cứu khoa học đạt 12 người/10.000 dân; số lượng công bố khoa học tăng trung bình 10%/năm.');
  });
  it('splits clauses at semicolons', () => {
    const [first] = sentences(text);
    expect(clauses(text, first!).map((r) => text.slice(r.start, r.end))).toEqual([
      'Kinh phí chi cho nghiên cứu phát triển (R&D) của tỉnh đạt 02% GRDP, trong đó kinh phí từ xã hội chiếm hơn 60%',
      'bố trí ít nhất 03% tổng chi ngân sách hằng năm.',
    ]);
  });
  it('does not make a sentence of a leading label ("1.")', () => {
    const t = '1. Cấp ủy, tổ chức đảng các cấp tổ chức phổ biến, quán triệt. Đồng thời căn cứ chức năng.';
    expect(sentences(t).map((r) => t.slice(r.start, r.end))).toEqual(['1. Cấp ủy, tổ chức đảng các cấp tổ chức phổ biến, quán triệt.', 'Đồng thời căn cứ chức năng.']);
  });
});
