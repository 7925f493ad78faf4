import { describe, expect, it } from 'vitest';
import { citedDocumentUrl, clauseHref, comparisonUrl, documentHref, indicatorCsvUrl, distinguishingProvince, localitySlug, localityUrl, planAnchorUrl, planUrl, provinceUrl } from './addresses.ts';

describe('addresses', () => {
  it('sends a cited document to the plan itself when the library has it, else to its citations page', () => {
    expect(documentHref({ slug: '233-kh-tu', planId: 'rach-gia-233-kh-tu' })).toBe(planUrl('rach-gia-233-kh-tu'));
    expect(documentHref({ slug: '57-nq-tw', planId: null })).toBe(citedDocumentUrl('57-nq-tw'));
    expect(citedDocumentUrl('57-nq-tw')).toBe('/van-ban-dan-chieu/57-nq-tw/');
  });

  it('keeps two localities of one name and different levels apart, and folds Vietnamese into the slug', () => {
    expect(localitySlug({ name: 'Rạch Giá', level: 'thành phố', province: null })).toBe('thanh-pho-rach-gia');
    expect(localityUrl({ name: 'Rạch Giá', level: 'xã', province: null })).not.toBe(localityUrl({ name: 'Rạch Giá', level: 'thành phố', province: null }));
    expect(provinceUrl('Khánh Hòa')).toBe('/tinh-thanh/khanh-hoa/');
  });

  it('keeps namesakes of two provinces apart: below the province level, the province joins the slug', () => {
    expect(localityUrl({ name: 'Yết Kiêu', level: 'xã', province: 'Hải Phòng' })).toBe('/dia-phuong/xa-yet-kieu-hai-phong/');
    expect(localityUrl({ name: 'Tân Phú', level: 'xã', province: 'Đồng Tháp' })).not.toBe(localityUrl({ name: 'Tân Phú', level: 'xã', province: 'Tây Ninh' }));
    expect(distinguishingProvince({ name: 'Phan Rang - Tháp Chàm', level: 'thành phố', province: 'Ninh Thuận' })).toBe('Ninh Thuận');
    // A province's own bodies, a centrally-run city named as a city, the centre: no province added.
    expect(localityUrl({ name: 'Đồng Tháp', level: 'tỉnh', province: 'Đồng Tháp' })).toBe('/dia-phuong/tinh-dong-thap/');
    expect(localitySlug({ name: 'Hải Phòng', level: 'thành phố', province: 'Hải Phòng' })).toBe('thanh-pho-hai-phong');
    expect(distinguishingProvince({ name: 'Việt Nam', level: 'trung ương', province: 'Hà Nội' })).toBeNull();
  });

  it('encodes what it is given, so an odd id cannot break out of its path segment', () => {
    expect(planUrl('a/b?c')).toBe('/van-ban/a%2Fb%3Fc/');
    expect(comparisonUrl('x', 'nghi-quyet-57')).toBe('/so-sanh/x/nghi-quyet-57/');
    expect(indicatorCsvUrl('coverage-5g', true)).toBe('/data/chi-tieu/coverage-5g.vi.csv');
  });

  it("points a target at its clause, and a national fact at its own row (no text is held)", () => {
    const url = planAnchorUrl('p', 'pab12c');
    expect(clauseHref({ blockId: 'pab12c', quoteStart: 57, url, paraphrase: false })).toBe('/van-ban/p/#pab12c_57');
    expect(clauseHref({ blockId: 't3', quoteStart: 0, url: planAnchorUrl('viet-nam-57-nq-tw', 't3'), paraphrase: true })).toBe('/van-ban/viet-nam-57-nq-tw/#t3');
  });
});
