import { describe, expect, it } from 'vitest';
import { extractMetadata, readSignature, titleCaseName } from './metadata.ts';
import { parseBlocks } from './parse.ts';
import { toParagraphs } from './normalize.ts';
import { loadVocabulary } from './document-types.ts';
import { SEED, seedText } from '../../tests/seeds.ts';

const vocabulary = loadVocabulary();
const meta = (file: string) => {
  const m = extractMetadata(parseBlocks(toParagraphs(seedText(file)), vocabulary), vocabulary);
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Array.isArray(v) ? v.length : typeof v === 'boolean' ? v : v.value]));
};

describe('extractMetadata on the seeds', () => {
  it('reads the Ninh Thuận programme (number, place and date in the header; no signature in the file)', () => {
    expect(meta(SEED.ninhThuan)).toMatchObject({
      type: 'Chương trình hành động', number: '319-CTr/TU', date: '2025-02-19', place: 'Ninh Thuận',
      issuer: 'Ban Thường vụ Tỉnh ủy Ninh Thuận', locality: 'Ninh Thuận', level: 'tỉnh', signer: null, signerCapacity: null, recipients: 8,
      // Issued before the merger: keeps its province, shows the one it is part of now.
      province: 'Ninh Thuận', provinceNow: 'Khánh Hòa', summary: false,
    });
  });

  it('reads the Yết Kiêu commune plan from its committee line and signature', () => {
    expect(meta(SEED.yetKieu)).toMatchObject({
      type: 'Kế hoạch hành động', number: '09-KH/ĐU', date: '2025-08-28', place: 'Yết Kiêu',
      issuer: 'Ban Thường vụ Đảng ủy xã Yết Kiêu', locality: 'Yết Kiêu', level: 'xã',
      signer: 'Vũ Văn Cáp', signerCapacity: 'T/M BAN THƯỜNG VỤ, BÍ THƯ', recipients: 8,
      // "ĐẢNG BỘ THÀNH PHỐ HÀI PHÒNG" above the committee (the header's own typo, read folded).
      province: 'Hải Phòng', provinceNow: 'Hải Phòng',
    });
  });

  it('reads the Phan Rang - Tháp Chàm plan from its preamble, leaving number and date unknown', () => {
    expect(meta(SEED.phanRang)).toMatchObject({
      type: 'Kế hoạch', number: null, date: null, issuer: 'Ban Thường vụ Thành ủy Phan Rang - Tháp Chàm',
      locality: 'Phan Rang - Tháp Chàm', level: 'thành phố', signer: 'Châu Thị Thanh Hà', signerCapacity: 'T/M BAN THƯỜNG VỤ, BÍ THƯ',
      // A city of a province: "cả tỉnh đưa Ninh Thuận trở thành tỉnh phát triển".
      province: 'Ninh Thuận', provinceNow: 'Khánh Hòa',
    });
  });

  it('reads the Đồng Tháp programme\'s province from its text ("đưa Đồng Tháp phát triển"), leaving number and date unknown', () => {
    expect(meta(SEED.dongThap)).toMatchObject({
      type: 'Chương trình hành động', number: null, date: null, locality: 'Đồng Tháp', province: 'Đồng Tháp', provinceNow: 'Đồng Tháp',
      issuer: 'Ban Thường vụ Tỉnh ủy', level: 'tỉnh', signer: 'Lê Quốc Phong',
    });
  });

  it('reads the scanned Rạch Giá plan despite lost diacritics, and its footnote', () => {
    // The scan's "Rach Gi4" is not a name the text legibly gives: the locality stays for the reviewed sidecar.
    expect(meta(SEED.rachGia)).toMatchObject({ type: 'Kế hoạch', number: '233-KH/TU', level: 'thành phố', locality: null, province: null, footnotes: 1, recipients: 7 });
    expect(meta(SEED.rachGia).signerCapacity).toMatch(/^T\/M BAN THUONG VU, PHO B\S+ THU THUONG TRUC$/);
  });
});

describe('helpers', () => {
  it('title-cases names written in capitals', () => {
    expect(titleCaseName('YẾT KIÊU')).toBe('Yết Kiêu');
    expect(titleCaseName('PHAN RANG - THÁP CHÀM')).toBe('Phan Rang - Tháp Chàm');
  });

  it('splits a two-column scan line into recipient and capacity', () => {
    const sig = readSignature(
      [
        { text: 'Noi nhén: T/M BAN THUONG VU', item: false },
        { text: 'Thuong tryc Tinh uy, PHO Bf THU THUONG TRUC', item: true },
      ],
      vocabulary.header,
    );
    expect(sig).toEqual({ capacity: 'T/M BAN THUONG VU, PHO Bf THU THUONG TRUC', signer: null, recipients: ['Thuong tryc Tinh uy'], footnotes: [] });
  });
});

describe('a date that is not in the calendar', () => {
  it('is not published (30/02 stays unknown), a real one is', () => {
    const withDate = (day: string) =>
      extractMetadata(parseBlocks(toParagraphs(seedText(SEED.ninhThuan).replace(/ngày 19 tháng 02 năm 2025/, `ngày ${day} tháng 02 năm 2025`)), vocabulary), vocabulary).date.value;
    expect(withDate('19')).toBe('2025-02-19');
    expect(withDate('30')).toBeNull();
    expect(withDate('29')).toBeNull();
  });
});
