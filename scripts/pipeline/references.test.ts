import { describe, expect, it } from 'vitest';
import { findMentions, sentenceAround } from './references.ts';
import { loadVocabulary } from './document-types.ts';
import { seedLibrary } from '../../tests/seeds.ts';

const vocabulary = loadVocabulary();
const library = seedLibrary();
const plan = (locality: string) => library.plans.find((p) => p.metadata.locality.value === locality)!;

describe('findMentions', () => {
  it('normalizes typed, dated and bare mentions to one identifier', () => {
    const m = findMentions('Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị; Kế hoạch số 12-KH/TU ngày 26/8/2025; Nghị quyết 57-NQ/TW', vocabulary);
    expect(m.map((x) => [x.docId, x.type, x.date])).toEqual([
      ['57-NQ/TW', 'Nghị quyết', '2024-12-22'],
      ['12-KH/TU', 'Kế hoạch', '2025-08-26'],
      ['57-NQ/TW', 'Nghị quyết', null],
    ]);
  });

  it('finds government resolutions, Party decisions and laws by name', () => {
    const m = findMentions('Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ; Quyết định số 204-QĐ/TW của Ban Bí thư; triển khai Luật Dữ liệu (có hiệu lực)', vocabulary);
    expect(m.map((x) => x.docId)).toEqual(['03/NQ-CP', '204-QĐ/TW', 'luat-du-lieu']);
    expect(m[0]!.date).toBe('2025-01-09');
  });

  it('reads a scan\'s "Nghi quyét s6 82-NQ/TU, ngay 27/02/2025"', () => {
    const [m] = findMentions('Nghi quyét s6 82-NQ/TU, ngay 27/02/2025 cta Ban Chap hanh', vocabulary);
    expect(m).toMatchObject({ docId: '82-NQ/TU', type: 'Nghị quyết', date: '2025-02-27' });
  });
});

describe('references across the seeds', () => {
  it('links every plan to what it implements', () => {
    expect(plan('Phan Rang - Tháp Chàm').implements).toEqual(['319-CTr/TU', '57-NQ/TW']);
    expect(plan('Ninh Thuận').implements).toEqual(['57-NQ/TW']);
    expect(plan('Yết Kiêu').implements).toEqual(['57-NQ/TW', '12-KH/TU']);
    expect(plan('Rạch Giá').implements).toEqual(['82-NQ/TU', '57-NQ/TW']);
    expect(plan('Đồng Tháp').implements).toEqual(['57-NQ/TW']);
    expect(library.implementedBy.get(plan('Ninh Thuận').id)).toEqual([plan('Phan Rang - Tháp Chàm').id]);
  });

  it('lists every plan under 57-NQ/TW with its citing sentences', () => {
    const nq57 = library.documents.find((d) => d.docId === '57-NQ/TW')!;
    expect(new Set(nq57.citations.map((c) => c.planId)).size).toBe(5);
    expect(nq57.implementedBy).toHaveLength(5);
    expect(nq57.date).toBe('2024-12-22');
    const ct319 = library.documents.find((d) => d.docId === '319-CTr/TU')!;
    expect(ct319.planId).toBe(plan('Ninh Thuận').id);
  });

  it('does not count a plan\'s own number as a reference', () => {
    expect(plan('Ninh Thuận').references.some((r) => r.docId === '319-CTr/TU')).toBe(false);
    expect(plan('Yết Kiêu').references.some((r) => r.docId === '09-KH/ĐU')).toBe(false);
  });

  it('quotes the citing sentence', () => {
    const text = 'Mục tiêu chung. Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị; tiếp theo.';
    const at = text.indexOf('Nghị quyết');
    expect(sentenceAround(text, at, at + 22)).toBe('Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị;');
  });
});
