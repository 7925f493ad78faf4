import { describe, expect, it } from 'vitest';
import { excerptParts, formatDate, longestRun, mergeRuns, preferPhrase, topSubResults } from './results.ts';

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

describe('topSubResults', () => {
  const at = (...ls: number[]) => ls.map((location) => ({ location, balanced_score: 1 }));
  const subs = [
    { url: '#d1', weighted_locations: at(3) },
    { url: '#d2', weighted_locations: [] },
    { url: '#d3', weighted_locations: at(10, 20, 30) },
    { url: '#d4', weighted_locations: at(40, 41) },
  ];
  it('prefers paragraphs where the words stand together, then the score', () => {
    expect(topSubResults(subs, 3).map((s) => s.url)).toEqual(['#d4', '#d3', '#d1']);
  });
  it('keeps only paragraphs holding the whole phrase when asked', () => {
    expect(topSubResults(subs, 3, 2).map((s) => s.url)).toEqual(['#d4']);
  });
  it('measures runs of adjacent words', () => {
    expect(longestRun(at(5, 1, 2, 3, 9))).toBe(3);
    expect(longestRun([])).toBe(0);
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
