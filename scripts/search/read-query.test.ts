import { describe, expect, it } from 'vitest';
import { seedSiteData } from '../../tests/seeds.ts';
import { buildAnswerTable, literalPart } from './answers.ts';
import { readQuery } from './read-query.ts';
import { parseQuery } from './query.ts';
import { loadTaxonomy } from '../pipeline/targets/taxonomy.ts';

const corpus = seedSiteData();
const table = buildAnswerTable({ plans: corpus.plans, documents: corpus.documents, indicators: loadTaxonomy().indicators, bundles: {} });
const read = (q: string) => readQuery(table, parseQuery(q).words);

describe('answer table', () => {
  it('lists every locality with its plan count, and every plan and cited document', () => {
    const localities = new Set(corpus.plans.filter((p) => p.metadata.level.value !== 'trung ương').map((p) => p.metadata.locality.value));
    expect(new Set(table.localities.map((l) => l.name))).toEqual(localities);
    expect(table.localities.reduce((n, l) => n + l.plans, 0)).toBe(corpus.plans.filter((p) => p.metadata.level.value !== 'trung ương').length);
    expect(table.plans.map((p) => p[0])).toEqual(corpus.plans.map((p) => p.id));
    expect(table.documents.length).toBe(corpus.documents.length);
    expect(table.provinces.length).toBe(34);
  });

  it('keeps the literal start of an indicator phrasing', () => {
    expect(literalPart('kinh tế số (đạt|chiếm)')).toBe('kinh tế số');
    expect(literalPart('5G[^;.]{0,30}phủ sóng')).toBe('5G');
    expect(literalPart('(dẫn đầu|đứng đầu)[^;.]{0,20}về')).toBeNull();
  });
});

describe('readQuery', () => {
  it('turns a place in the library into a filter and leaves the topic ("R&D Ninh Thuận")', () => {
    const r = read('R&D Ninh Thuận');
    expect(r.locality?.name).toBe('Ninh Thuận');
    expect(r.rest).toEqual(['R&D']);
    expect(r.missingPlace).toBeNull();
  });

  it('reads a place typed without marks and with d for đ ("dong thap")', () => {
    expect(read('dong thap').locality?.name).toBe('Đồng Tháp');
    expect(read('xã yet kieu chuyen doi so').locality?.name).toBe('Yết Kiêu');
    expect(read('xã yet kieu chuyen doi so').rest).toEqual(['chuyen', 'doi', 'so']);
  });

  it('says when a named place has no plan, whether province or former province', () => {
    for (const q of ['Khánh Hòa', 'Hà Nội', 'Đà Nẵng', 'ha noi chuyen doi so', 'Quảng Nam']) {
      const r = read(q);
      expect(r.missingPlace, q).not.toBeNull();
      expect(r.locality, q).toBeNull();
    }
    expect(read('Khánh Hòa').missingPlace).toBe('Khánh Hòa');
  });

  it('never reads a syllable as a place ("hóa", "nội dung", "hà")', () => {
    for (const q of ['văn hóa', 'nội dung', 'hạ tầng số', 'chuyển đổi số']) {
      const r = read(q);
      expect(r.missingPlace, q).toBeNull();
      expect(r.locality, q).toBeNull();
    }
  });

  it('reads a level or a document type as a filter only beside other words, never "tỉnh ủy"', () => {
    expect(read('kế hoạch chuyển đổi số').type).toBe('Kế hoạch');
    expect(read('kế hoạch hành động hạ tầng số').type).toBe('Kế hoạch hành động');
    expect(read('xã chuyển đổi số').level).toBe('xã');
    expect(read('tỉnh ủy chuyển đổi số').level).toBeNull();
    expect(read('kế hoạch').type).toBeNull();
    expect(read('chuyển đổi số doanh nghiệp hợp tác xã hộ kinh doanh').level).toBeNull();
    expect(read('chuyển đổi số cấp xã').level).toBe('xã');
    expect(read('chuyển đổi số cấp xã').rest).toEqual(['chuyển', 'đổi', 'số']);
  });

  it('answers an indicator by its name or a word of it ("5G", "kinh te so")', () => {
    expect(read('5G').indicators.map((i) => i.id)).toEqual(['coverage-5g']);
    expect(read('phủ sóng 5G').indicators[0]!.id).toBe('coverage-5g');
    expect(read('kinh te so').indicators.map((i) => i.id)).toContain('digital-economy-share');
    expect(read('so').indicators).toEqual([]);
    expect(read('thanh toán không dùng tiền mặt').indicators.map((i) => i.id)).toEqual(['cashless-payments']);
  });

  it('answers a document number with the plan or the cited document', () => {
    const plan = corpus.plans.find((p) => p.metadata.number.value === '319-CTr/TU')!;
    expect(read('319-CTr/TU').plans.map((p) => p.id)).toEqual([plan.id]);
    expect(read('319').plans.map((p) => p.id)).toEqual([plan.id]);
    expect(read('57-nq/tw').documents.map((d) => d.number)).toContain('57-NQ/TW');
    expect(read('luat du lieu').documents.map((d) => d.title)).toContain('Luật Dữ liệu');
  });
});
