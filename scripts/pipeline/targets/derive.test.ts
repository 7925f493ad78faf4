import { describe, expect, it } from 'vitest';
import { deriveIndicator, subjectPhrase } from './derive.ts';

describe('derived indicators', () => {
  it('keeps the subject words: lead-in, numbers and place or time words dropped', () => {
    expect(subjectPhrase('Phấn đấu đến năm 2030 có ')).toBe('');
    // At most eight words (lexicon.json derivedSubject.maxWords): long tails vary from plan to plan.
    expect(subjectPhrase(' điểm đến du lịch trọng điểm ứng dụng công nghệ số (hướng dẫn số)')).toBe('điểm đến du lịch trọng điểm ứng dụng');
    expect(subjectPhrase('a) Đến hết năm 2025: Có ≥ ')).toBe('');
    // "có" is a lead-in word, "cơ" is not: matched with diacritics.
    expect(subjectPhrase(' cơ quan, tổ chức sử dụng ít nhất 01 ứng dụng AI')).toMatch(/^cơ quan, tổ chức/);
    expect(subjectPhrase('Tỷ lệ bệnh viện triển khai bệnh án điện tử trên địa bàn tỉnh ')).toBe('bệnh viện triển khai bệnh án điện tử');
  });

  it('gives the same subject in two plans the same indicator, whatever the case, spelling or lead-in', () => {
    const a = deriveIndicator('Tỷ lệ bệnh viện triển khai bệnh án điện tử ', 'percent', null);
    const b = deriveIndicator('phấn đấu tỉ lệ Bệnh viện triển khai bệnh án điện tử trên địa bàn thành phố ', 'percent', null);
    expect(a.id).toBe('rieng-ty-le-benh-vien-trien-khai-benh-an-dien-tu');
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ name: 'Tỷ lệ bệnh viện triển khai bệnh án điện tử', unit: '%', derived: true });
  });

  it('keeps apart what differs: the group measured, the kind of quantity, the counted unit', () => {
    const ids = [
      deriveIndicator('người dân sử dụng chữ ký số', 'percent', null).id,
      deriveIndicator('doanh nghiệp sử dụng chữ ký số', 'percent', null).id,
      deriveIndicator('doanh nghiệp sử dụng chữ ký số', 'count', 'doanh nghiệp').id,
      deriveIndicator('đầu tư mới trạm 5G', 'count', 'trạm').id,
      deriveIndicator('chuyển đổi từ trạm 3G/4G sang trạm 5G', 'count', 'trạm').id,
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never leaves a target without an indicator, even with no subject words', () => {
    const empty = deriveIndicator('đạt ', 'percent', null, '');
    expect(empty).toMatchObject({ id: 'rieng-chi-tieu-khac', name: 'Chỉ tiêu khác (%)', derived: true });
    // Value-first wording: the words after the value name the subject.
    expect(deriveIndicator('a) Đến hết năm 2025: Có ≥ ', 'percent', null, ' DNNVV, HTX, HKD trên địa bàn Tỉnh ứng dụng công nghệ số').name).toBe('Tỷ lệ DNNVV, HTX, HKD');
  });
});
