import { describe, expect, it } from 'vitest';
import { excerptParts, foldedTokens, paragraphExcerpt, formatDate, mergeRuns, paragraphScore, preferPhrase, titledFirst, topParagraphs } from './results.ts';

describe('mergeRuns', () => {
  it('keeps one entry per page with its best weighted score', () => {
    const merged = mergeRuns([
      { weight: 1, results: [{ id: 'a', score: 2 }, { id: 'b', score: 1 }] },
      { weight: 0.8, results: [{ id: 'b', score: 5 }, { id: 'c', score: 1 }] },
    ]);
    expect(merged.map((m) => [m.hit.id, m.score])).toEqual([['b', 4], ['a', 2], ['c', 0.8]]);
  });
});

describe('preferPhrase', () => {
  const loose = ['a', 'b', 'c'].map((id, i) => ({ hit: { id, score: 3 - i }, score: 3 - i }));
  it('puts pages with the words together first, each group in score order', () => {
    expect(preferPhrase(loose, new Set(['c', 'b'])).map((p) => p.hit.id)).toEqual(['b', 'c', 'a']);
  });
  it('keeps only phrase pages for a quoted query', () => {
    expect(preferPhrase(loose, new Set(['c']), true).map((p) => p.hit.id)).toEqual(['c']);
  });
});

// Real sentences from seeds/001 (Đồng Tháp) and seeds/003 (Yết Kiêu).
const DONG_THAP = 'Phát huy vai trò Đại học Đồng Tháp trong tham gia nghiên cứu các giải pháp khoa học, công nghệ ứng dụng trên các lĩnh vực kinh tế- xã hội của Tỉnh.';
const DONG = 'Nâng cao chất lượng mạng di động băng rộng 4G, mạng lưới di động băng rộng thế hệ thứ 5 (5G).';
const CDS = '- e) Phát triển chuyển đổi số - Chỉ số chuyển đổi số cấp xã ≥ 0,75.';

describe('paragraphScore', () => {
  it('ranks the words standing together above the words apart, marks and đ folded', () => {
    const together = paragraphScore(DONG_THAP, ['dong', 'thap']);
    const apart = paragraphScore(DONG, ['dong', 'thap']);
    expect(together.phrase).toBe(true);
    expect(apart.phrase).toBe(false);
    expect(together.score).toBeGreaterThan(apart.score);
  });
  it('counts a phrase as phrase only when its syllables are adjacent', () => {
    expect(paragraphScore(CDS, ['chuyển', 'đổi', 'số']).phrase).toBe(true);
    expect(paragraphScore(CDS, ['kinh', 'tế', 'số']).phrase).toBe(false);
  });
  it('prefers the spelling typed', () => {
    expect(paragraphScore(DONG_THAP, ['Đồng', 'Tháp']).score).toBeGreaterThan(paragraphScore(DONG_THAP, ['dong', 'thap']).score);
  });
  it('keeps percentages and document numbers whole', () => {
    expect(foldedTokens('Quy mô kinh tế số đạt 30%.')).toContain('30%');
    expect(foldedTokens('Nghị quyết số 57-NQ/TW, ngày 22/12/2024')).toContain('57-nq/tw');
  });
});

describe('topParagraphs', () => {
  const subs = [DONG, CDS, DONG_THAP].map((text, i) => ({ sub: `#d${i}`, text }));
  it('orders paragraphs by their own text and drops those without the words', () => {
    expect(topParagraphs(subs, ['dong', 'thap'], 3).map((s) => s.sub)).toEqual(['#d2', '#d0']);
  });
  it('keeps only the paragraphs holding a quoted phrase', () => {
    expect(topParagraphs(subs, ['chuyen', 'doi', 'so'], 3, true).map((s) => s.sub)).toEqual(['#d1']);
  });
});

describe('paragraphExcerpt', () => {
  it('marks the words whatever their spelling and centres on the phrase', () => {
    const ex = paragraphExcerpt(DONG_THAP, ['dong', 'thap'], 8);
    expect(ex.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Đồng Tháp']);
    expect(ex.before).toBe(true);
    expect(ex.after).toBe(true);
    expect(ex.parts.map((p) => p.text).join('')).toContain('Đại học Đồng Tháp trong');
  });
  it('keeps the whole paragraph when it is short, without cut marks', () => {
    const ex = paragraphExcerpt(CDS, ['chuyển', 'đổi', 'số']);
    expect(ex.parts.map((p) => p.text).join('')).toBe(CDS);
    expect(ex.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['chuyển đổi số', 'số chuyển đổi số']);
  });
  it('leaves punctuation outside the highlight', () => {
    const ex = paragraphExcerpt('Chính quyền số, kinh tế số.', ['kinh', 'tế', 'số']);
    expect(ex.parts).toEqual([
      { text: 'Chính quyền ', mark: false },
      { text: 'số', mark: true },
      { text: ', ', mark: false },
      { text: 'kinh tế số', mark: true },
      { text: '.', mark: false },
    ]);
    expect([ex.before, ex.after]).toEqual([false, false]);
  });
});

describe('excerptParts', () => {
  it('turns marks into parts and unescapes the text for textContent', () => {
    const ex = 'đưa <mark>Đồng</mark> <mark>Tháp</mark> phát triển &lt;b&gt; & bền vững';
    expect(excerptParts(ex)).toEqual([
      { text: 'đưa ', mark: false },
      { text: 'Đồng Tháp', mark: true },
      { text: ' phát triển <b> & bền vững', mark: false },
    ]);
  });
});

describe('formatDate', () => {
  it('writes ISO dates the Vietnamese way', () => {
    expect(formatDate('2025-02-19')).toBe('19/02/2025');
    expect(formatDate('2025')).toBe('2025');
  });
});

describe('topParagraphs with a restored paragraph', () => {
  it('shows the scanned original only when the restored text does not match', () => {
    const subs = [
      { url: '/van-ban/x/#d1', text: 'chuyển đổi số quốc gia' },
      { url: '/van-ban/x/#d1', text: 'chuyen dbi so quoc gia' },
      { url: '/van-ban/x/#d2', text: 'phát triển kinh tế' },
      { url: '/van-ban/x/#d2', text: 'Rach Gi4 tro thanh' },
    ];
    expect(topParagraphs(subs, ['so', 'quoc'], 5).map((s) => s.text)).toEqual(['chuyển đổi số quốc gia']);
    expect(topParagraphs(subs, ['Gi4'], 5).map((s) => s.text)).toEqual(['Rach Gi4 tro thanh']);
  });
});

describe('titledFirst', () => {
  it('puts the pages titled with every query word first, keeping rank order in each group', () => {
    const ranked = [
      { url: 'a', title: 'Kế hoạch chuyển đổi số doanh nghiệp' },
      { url: 'b', title: 'Kế hoạch phát triển hạ tầng 5G và IoT trong các khu công nghiệp' },
      { url: 'c', title: 'Chương trình hành động thực hiện Nghị quyết 57' },
      { url: 'd', title: 'Kế hoạch IoT khu cong nghiep' },
    ];
    expect(titledFirst(ranked, (r) => r.title, ['IoT', 'khu', 'công', 'nghiệp']).map((r) => r.url)).toEqual(['b', 'd', 'a', 'c']);
    expect(titledFirst(ranked, (r) => r.title, ['hoa']).map((r) => r.url)).toEqual(['a', 'b', 'c', 'd']);
  });
});
