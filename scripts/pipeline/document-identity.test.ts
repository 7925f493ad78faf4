import { describe, expect, it } from 'vitest';
import { issuerCodeOf, isLocalNumber, resolveDocumentIdentity } from './document-identity.ts';
import { loadVocabulary } from './document-types.ts';
import { readSeeds } from '../build/seeds.ts';
import { buildLibrary } from '../build/library.ts';
import { seedsDir } from '../../tests/seeds.ts';

const vocabulary = loadVocabulary();

describe('issuer codes', () => {
  it('read the issuer from any numbering style', () => {
    expect(['57-NQ/TW', '03/NQ-CP', '36/2024/QH15', '123/KH-UBND', '09-KH/ĐU', '319-CTr/TU'].map(issuerCodeOf)).toEqual(['TW', 'CP', 'QH', 'UBND', 'ĐU', 'TU']);
  });

  it('know which numbers repeat from province to province', () => {
    expect(['12-KH/TU', '09-KH/ĐU', '123/KH-UBND', '09-KH/DU'].map((n) => isLocalNumber(n, vocabulary))).toEqual([true, true, true, true]);
    expect(['57-NQ/TW', '03/NQ-CP', '36/2024/QH15', '7-XY/ZZ'].map((n) => isLocalNumber(n, vocabulary))).toEqual([false, false, false, false]);
  });
});

describe('resolveDocumentIdentity', () => {
  const cite = (planId: string, docId: string, date: string | null) => ({ planId, docId, number: docId, date });

  it('keeps the bare number while the library shows one date for it', () => {
    const identity = resolveDocumentIdentity([cite('a', '12-KH/TU', '2025-08-26'), cite('b', '12-KH/TU', null)], [], vocabulary);
    expect(identity.citation(cite('a', '12-KH/TU', '2025-08-26'))).toBe('12-KH/TU');
    expect(identity.citation(cite('b', '12-KH/TU', null))).toBe('12-KH/TU');
  });

  it('splits a local number cited under two dates, and follows a plan\'s own dated mention', () => {
    const citations = [cite('a', '12-KH/TU', '2025-08-26'), cite('a', '12-KH/TU', null), cite('b', '12-KH/TU', '2025-03-03'), cite('c', '12-KH/TU', null)];
    const identity = resolveDocumentIdentity(citations, [{ planId: 'p', number: '12-KH/TU', date: '2025-03-03' }], vocabulary);
    expect(citations.map((c) => identity.citation(c))).toEqual(['12-KH/TU@2025-08-26', '12-KH/TU@2025-08-26', '12-KH/TU@2025-03-03', '12-KH/TU']);
    expect(identity.own({ planId: 'p', number: '12-KH/TU', date: '2025-03-03' })).toBe('12-KH/TU@2025-03-03');
  });

  it('scopes a local number by the citing plan\'s province: Hải Phòng\'s 12-KH/TU is not Lạng Sơn\'s', () => {
    const at = (planId: string, date: string | null, province: string) => ({ planId, docId: '12-KH/TU', number: '12-KH/TU', date, province });
    // No dates to tell them apart: one document per province.
    const undated = resolveDocumentIdentity([at('a', null, 'Hải Phòng'), at('b', null, 'Lạng Sơn')], [], vocabulary);
    expect([undated.citation(at('a', null, 'Hải Phòng')), undated.citation(at('b', null, 'Lạng Sơn'))]).toEqual(['12-KH/TU@hai-phong', '12-KH/TU@lang-son']);
    // Two dates: an undated citation takes the one date its own province shows.
    const dated = resolveDocumentIdentity([at('a', '2025-08-26', 'Hải Phòng'), at('b', '2025-03-03', 'Lạng Sơn'), at('c', null, 'Lạng Sơn')], [], vocabulary);
    expect(dated.citation(at('c', null, 'Lạng Sơn'))).toBe('12-KH/TU@2025-03-03');
    expect(dated.own({ planId: 'p', number: '12-KH/TU', date: null, province: 'Hải Phòng' })).toBe('12-KH/TU@2025-08-26');
    // One province: the bare number, as before.
    const one = resolveDocumentIdentity([at('a', null, 'Hải Phòng'), at('b', null, 'Hải Phòng')], [], vocabulary);
    expect(one.citation(at('b', null, 'Hải Phòng'))).toBe('12-KH/TU');
  });

  it('never splits a national number, whatever dates its citations give', () => {
    const identity = resolveDocumentIdentity([cite('a', '57-NQ/TW', '2024-12-22'), cite('b', '57-NQ/TW', '2025-12-22')], [], vocabulary);
    expect(identity.citation(cite('b', '57-NQ/TW', '2025-12-22'))).toBe('57-NQ/TW');
  });
});

describe('two provinces\' "12-KH/TU" in one library', () => {
  // The real seeds (Yết Kiêu, Hải Phòng, implements "Kế hoạch số 12-KH/TU ngày 26/8/2025")
  // plus a commune of another province implementing its own province's 12-KH/TU.
  const other = [
    'ĐẢNG BỘ TỈNH AN GIANG',
    'ĐẢNG ỦY XÃ MỸ HÒA',
    'Số 05-KH/ĐU',
    'Mỹ Hòa, ngày 10 tháng 9 năm 2025',
    'KẾ HOẠCH',
    'Thực hiện Kế hoạch số 12-KH/TU ngày 03/3/2025 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị',
    'I. MỤC TIÊU',
    '1. Đến năm 2030, kinh tế số đạt 20% GRDP.',
    'II. TỔ CHỨC THỰC HIỆN',
    'Các chi bộ báo cáo kết quả thực hiện Kế hoạch số 12-KH/TU về Đảng ủy.',
    'T/M BAN THƯỜNG VỤ',
    'BÍ THƯ',
    'Nguyễn Văn A',
  ].join('\n\n');
  const library = buildLibrary([...readSeeds(seedsDir), { file: '900_my-hoa.txt', bytes: new TextEncoder().encode(other), sidecar: null }]);
  const plan = (locality: string) => library.plans.find((p) => p.metadata.locality.value === locality)!;

  it('are two documents, each with its own page, date and citing plan', () => {
    const kh12 = library.documents.filter((d) => d.number === '12-KH/TU');
    expect(kh12.map((d) => [d.docId, d.slug, d.title, d.date, d.citations.map((c) => c.planId)]).sort()).toEqual([
      ['12-KH/TU@2025-03-03', '12-kh-tu-2025-03-03', 'Kế hoạch số 12-KH/TU ngày 03/03/2025', '2025-03-03', [plan('Mỹ Hòa').id, plan('Mỹ Hòa').id]],
      ['12-KH/TU@2025-08-26', '12-kh-tu-2025-08-26', 'Kế hoạch số 12-KH/TU ngày 26/08/2025', '2025-08-26', [plan('Yết Kiêu').id]],
    ]);
  });

  it('link each plan to its own province\'s plan, and leave 57-NQ/TW whole', () => {
    expect(plan('Yết Kiêu').implements).toEqual(['57-NQ/TW', '12-KH/TU@2025-08-26']);
    expect(plan('Mỹ Hòa').implements).toEqual(['12-KH/TU@2025-03-03', '57-NQ/TW']);
    expect(library.documents.find((d) => d.docId === '57-NQ/TW')!.implementedBy).toContain(plan('Mỹ Hòa').id);
  });
});
