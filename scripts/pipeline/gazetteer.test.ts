import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gazetteerSchema, isBeforeMerger, loadGazetteer, parseGazetteer } from './gazetteer.ts';

const gazetteer = loadGazetteer();
const raw = () => JSON.parse(readFileSync(new URL('../../content/gazetteer/provinces.json', import.meta.url), 'utf8'));

// The merger of 1 July 2025 (Resolution 202/2025/QH15), written out here a second time by hand:
// each new province or city and the old ones it was formed from.
const MERGERS: Record<string, string[]> = {
  'Tuyên Quang': ['Tuyên Quang', 'Hà Giang'],
  'Lào Cai': ['Lào Cai', 'Yên Bái'],
  'Thái Nguyên': ['Thái Nguyên', 'Bắc Kạn'],
  'Phú Thọ': ['Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình'],
  'Bắc Ninh': ['Bắc Ninh', 'Bắc Giang'],
  'Hưng Yên': ['Hưng Yên', 'Thái Bình'],
  'Hải Phòng': ['Hải Phòng', 'Hải Dương'],
  'Ninh Bình': ['Ninh Bình', 'Hà Nam', 'Nam Định'],
  'Quảng Trị': ['Quảng Trị', 'Quảng Bình'],
  'Đà Nẵng': ['Đà Nẵng', 'Quảng Nam'],
  'Quảng Ngãi': ['Quảng Ngãi', 'Kon Tum'],
  'Gia Lai': ['Gia Lai', 'Bình Định'],
  'Khánh Hòa': ['Khánh Hòa', 'Ninh Thuận'],
  'Lâm Đồng': ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận'],
  'Đắk Lắk': ['Đắk Lắk', 'Phú Yên'],
  'Đồng Nai': ['Đồng Nai', 'Bình Phước'],
  'Hồ Chí Minh': ['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu'],
  'Tây Ninh': ['Tây Ninh', 'Long An'],
  'Cần Thơ': ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang'],
  'Vĩnh Long': ['Vĩnh Long', 'Bến Tre', 'Trà Vinh'],
  'Đồng Tháp': ['Đồng Tháp', 'Tiền Giang'],
  'Cà Mau': ['Cà Mau', 'Bạc Liêu'],
  'An Giang': ['An Giang', 'Kiên Giang'],
};
const UNCHANGED = ['Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Cao Bằng'];
const CITIES = ['Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ'];

describe('the gazetteer', () => {
  it('holds the 34 provinces and cities since 1 July 2025 and the 63 before, and names its source', () => {
    expect(gazetteer.data.provinces).toHaveLength(34);
    expect(gazetteer.data.provincesBefore).toHaveLength(63);
    expect(gazetteer.data.source.document).toMatch(/202\/2025\/QH15/);
    expect(gazetteer.data.source.effective).toBe('2025-07-01');
  });

  it('merges every old province into the right new one', () => {
    const formedFrom = new Map<string, string[]>();
    for (const p of gazetteer.data.provincesBefore) formedFrom.set(p.mergedInto, [...(formedFrom.get(p.mergedInto) ?? []), p.name]);
    const expected = { ...MERGERS, ...Object.fromEntries(UNCHANGED.map((n) => [n, [n]])) };
    expect(Object.fromEntries([...formedFrom].map(([k, v]) => [k, [...v].sort()]))).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, [...v].sort()])));
  });

  it('knows which are centrally-run cities', () => {
    expect(gazetteer.data.provinces.filter((p) => p.kind === 'thành phố trực thuộc trung ương').map((p) => p.name).sort()).toEqual([...CITIES].sort());
  });

  it('tells an old province from what it is part of now, by any spelling', () => {
    expect(gazetteer.lookup('Ninh Thuận')).toEqual({ name: 'Ninh Thuận', kind: 'tỉnh', now: 'Khánh Hòa', merged: true });
    expect(gazetteer.lookup('Hoà Bình')?.now).toBe('Phú Thọ'); // old tone placement
    expect(gazetteer.lookup('Bà Rịa-Vũng Tàu')?.now).toBe('Hồ Chí Minh');
    expect(gazetteer.lookup('Thừa Thiên Huế')?.name).toBe('Huế');
    expect(gazetteer.lookup('TP. Hồ Chí Minh')?.name).toBe('Hồ Chí Minh');
    expect(gazetteer.lookup('Đồng Tháp')).toEqual({ name: 'Đồng Tháp', kind: 'tỉnh', now: 'Đồng Tháp', merged: false });
    expect(gazetteer.lookup('Rạch Giá')).toBeNull(); // a city of a province, not a province
  });

  it('finds province names in running text only when written as names', () => {
    const found = gazetteer.mentions('đưa Ninh Thuận trở thành tỉnh phát triển; giữ hòa bình; tỉnh Hòa Bình cũ').map((m) => m.province.name);
    expect(found).toEqual(['Ninh Thuận', 'Hòa Bình']);
  });

  it('knows the merger date', () => {
    expect(isBeforeMerger('2025-06-30', gazetteer)).toBe(true);
    expect(isBeforeMerger('2025-07-01', gazetteer)).toBe(false);
    expect(isBeforeMerger(null, gazetteer)).toBe(false);
  });

  it('rejects data that merges into an unknown province or drops one', () => {
    const bad = raw();
    bad.provincesBefore[0].mergedInto = 'Atlantis';
    expect(() => parseGazetteer(bad)).toThrow(/Atlantis/);
    const short = raw();
    short.provinces.pop();
    expect(gazetteerSchema.safeParse(short).success).toBe(false);
  });
});
