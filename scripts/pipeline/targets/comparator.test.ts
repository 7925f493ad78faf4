import { describe, expect, it } from 'vitest';
import { readChain } from './comparator.ts';
import { fold } from './fold.ts';
import { lexicon } from './lexicon.ts';

const comparatorBefore = (s: string) => readChain(fold(s), lexicon()).comparator;

describe('readChain: the words before a value (real wording from the seeds)', () => {
  it('reads the strongest word of the chain', () => {
    expect(comparatorBefore('quy mô kinh tế số đạt tối thiểu ')).toBe('>=');
    expect(comparatorBefore('trong đội ngũ lãnh đạo từng cơ quan, đơn vị nhà nước, hướng tới tối thiểu đạt ')).toBe('>=');
    expect(comparatorBefore('Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt trên ')).toBe('>');
    expect(comparatorBefore('trong đó kinh phí từ xã hội chiếm hơn ')).toBe('>');
    expect(comparatorBefore('chỉ số phát triển con người (HDI) duy trì trên ')).toBe('>');
    expect(comparatorBefore('Có ≥ ')).toBe('>=');
    expect(comparatorBefore('bố trí ít nhất ')).toBe('>=');
    expect(comparatorBefore('vào tăng trưởng kinh tế của tỉnh ở mức ')).toBe('=');
    expect(comparatorBefore('giao dịch không dùng tiền mặt đạt ')).toBe('=');
  });
  it('finds no comparator when the value has no predicate', () => {
    expect(comparatorBefore('Hàng năm, ')).toBeNull();
    expect(comparatorBefore('Phát huy vai trò Tổ an ninh mạng, an toàn thông tin phục vụ nhiệm vụ của Đề án ')).toBeNull();
  });
  it('reports where the chain starts', () => {
    const s = fold('quy mô kinh tế số đạt tối thiểu ');
    expect(s.slice(readChain(s, lexicon()).start)).toBe('dat toi thieu ');
  });
});
