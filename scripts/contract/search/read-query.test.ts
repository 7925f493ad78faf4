import { describe, expect, it } from 'vitest';
import { seedSiteData } from '../../../tests/seeds.ts';
import { buildAnswerTable, literalPart, splitAnswerTable } from '../../search/answers.ts';
import { assembleTable, queryShards, shardOf, type AnswerTable } from './table.ts';
import { syntheticPlans } from '../../search/synthetic.ts';
import { localityUrl, planUrl } from '../addresses.ts';
import { readQuery } from './read-query.ts';
import { parseQuery } from './query.ts';
import { loadTaxonomy } from '../../pipeline/targets/taxonomy.ts';

const library = seedSiteData();
const table = buildAnswerTable({ plans: library.plans, documents: library.documents, indicators: loadTaxonomy().indicators, bundles: {} });
const read = (q: string) => readQuery(table, parseQuery(q).words);

describe('answer table', () => {
  it('lists every locality with its plan count, and every plan and cited document', () => {
    const localities = new Set(library.plans.filter((p) => p.metadata.level.value !== 'trung ương').map((p) => p.metadata.locality.value));
    expect(new Set(table.localities.map((l) => l.name))).toEqual(localities);
    expect(table.localities.reduce((n, l) => n + l.plans, 0)).toBe(library.plans.filter((p) => p.metadata.level.value !== 'trung ương').length);
    expect(table.plans.map((p) => p[0])).toEqual(library.plans.map((p) => p.id));
    expect(table.documents.length).toBe(library.documents.length);
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
    const plan = library.plans.find((p) => p.metadata.number.value === '319-CTr/TU')!;
    expect(read('319-CTr/TU').plans.map((p) => p.id)).toEqual([plan.id]);
    expect(read('319').plans.map((p) => p.id)).toEqual([plan.id]);
    expect(read('57-nq/tw').documents.map((d) => d.number)).toContain('57-NQ/TW');
    expect(read('luat du lieu').documents.map((d) => d.title)).toContain('Luật Dữ liệu');
  });
});

describe('namesakes: communes of one name in two provinces', () => {
  // A seed commune's plan, and the same plan issued in another seed plan's province.
  const commune = library.plans.find((p) => p.metadata.level.value === 'xã' && p.metadata.province.value)!;
  const elsewhere = library.plans.find((p) => p.metadata.provinceNow.value && p.metadata.province.value !== commune.metadata.province.value)!.metadata;
  const twin = { ...commune, id: `${commune.id}-twin`, metadata: { ...commune.metadata, province: elsewhere.province, provinceNow: elsewhere.provinceNow } };
  const both = buildAnswerTable({ plans: [...library.plans, twin], documents: library.documents, indicators: loadTaxonomy().indicators, bundles: {} });
  const name = commune.metadata.locality.value!;
  const namesakes = both.localities.filter((l) => l.name === name);
  const readBoth = (q: string) => readQuery(both, parseQuery(q).words);

  it('holds both, each with its province, its bundle and its own page', () => {
    expect(namesakes.map((l) => l.province).sort()).toEqual([commune.metadata.province.value, elsewhere.province.value].sort());
    expect(new Set(namesakes.map(localityUrl)).size).toBe(2);
    expect(new Set(namesakes.map((l) => l.bundle)).size).toBe(2);
    for (const [id, , li] of both.plans.filter(([id]) => id === commune.id || id === twin.id)) {
      expect(both.localities[li]!.province).toBe((id === twin.id ? elsewhere : commune.metadata).province.value);
    }
    // In shards too, and every page shard knows each page's province.
    const { core, shards, pageShards } = splitAnswerTable(both, 64);
    const assembled = assembleTable(core, queryShards(parseQuery(name).words, core.shards).map((i) => shards[i] ?? core.shard!));
    expect(assembled.localities.filter((l) => l.name === name)).toEqual(namesakes);
    const pages = Object.assign({}, core.pages, ...pageShards) as Record<string, string>;
    for (const l of namesakes) expect(pages[localityUrl(l)]).toBe(l.bundle);
  });

  it('reads the province beside the name as which one, its words taken; without it, the first and the others as namesakes', () => {
    for (const l of namesakes) {
      const r = readBoth(`${name} ${l.province} chuyển đổi số`);
      expect(r.locality).toBe(l);
      expect(r.bundle).toBe(l.bundle);
      expect(r.rest).toEqual(['chuyển', 'đổi', 'số']);
    }
    const r = readBoth(`xã ${name}`);
    expect([r.locality, ...r.namesakes]).toEqual(namesakes);
  });
});

describe('the answer table in shards (700 synthetic plans)', () => {
  const plans = syntheticPlans(library.plans, 700);
  const full = buildAnswerTable({ plans, documents: library.documents, indicators: loadTaxonomy().indicators, bundles: {} });
  const { core, shards } = splitAnswerTable(full);
  const tableFor = (words: string[]) => assembleTable(core, queryShards(words, core.shards).map((i) => shards[i]!));

  it('splits a large table, keeping the core free of localities and plans', () => {
    expect(core.shards).toBeGreaterThan(1);
    expect(shards.length).toBe(core.shards);
    expect(core).not.toHaveProperty('localities');
    expect(core).not.toHaveProperty('plans');
  });

  it('reads every locality from the shards of its own words as from the whole table, with or without its level', () => {
    const reading = (t: AnswerTable, words: string[]) => {
      const { locality, missingPlace, bundle, rest } = readQuery(t, words);
      return { locality, missingPlace, bundle, rest };
    };
    for (const l of full.localities) {
      for (const q of [l.name, `${l.level} ${l.name} chuyển đổi số`]) {
        const words = parseQuery(q).words;
        const whole = reading(full, words);
        expect(whole.locality, q).not.toBeNull();
        expect(reading(tableFor(words), words), q).toEqual(whole);
      }
    }
  });

  it('finds every plan by its number from the shard of that number', () => {
    for (const [id, number] of full.plans.filter((p) => p[1])) {
      expect(tableFor([number]).plans.map((p) => p[0]), number).toContain(id);
    }
  });

  it('knows the province of every plan and locality page from the page shard of its path', () => {
    const { pageShards } = splitAnswerTable(full);
    expect(pageShards.length).toBe(core.pageShards);
    const pageOf = (path: string) => pageShards[shardOf(path, core.pageShards)]![path];
    for (const [id, , li] of full.plans) expect(pageOf(planUrl(id))).toBe(full.localities[li]!.bundle);
    for (const l of full.localities) expect(pageOf(localityUrl(l))).toBe(l.bundle);
  });
});

describe('the answer table of the seeds', () => {
  it('is one file: its only shard is inline', () => {
    const { core, shards, pageShards } = splitAnswerTable(table);
    expect([core.shards, shards.length, core.pageShards, pageShards.length]).toEqual([1, 0, 1, 0]);
    expect(Object.keys(core.pages!).length).toBeGreaterThan(0);
    const assembled = assembleTable(core, [core.shard!]);
    expect(assembled.localities).toEqual(table.localities);
    expect(assembled.provinces).toEqual(table.provinces);
  });
});
