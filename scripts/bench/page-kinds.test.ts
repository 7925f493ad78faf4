import { describe, expect, it } from 'vitest';
import { pageKind, summarizeKinds } from './page-kinds.ts';

describe('pageKind', () => {
  it('names a page by its route: the first segment and "trang" kept, the rest starred', () => {
    expect(pageKind('/')).toBe('/');
    expect(pageKind('/404.html')).toBe('/404.html');
    expect(pageKind('/van-ban/')).toBe('/van-ban/');
    expect(pageKind('/van-ban/ninh-thuan-319-ctr-tu/')).toBe('/van-ban/*/');
    expect(pageKind('/van-ban/trang/3/')).toBe('/van-ban/trang/*/');
    expect(pageKind('/van-ban-dan-chieu/57-nq-tw/trang/12/')).toBe('/van-ban-dan-chieu/*/trang/*/');
    expect(pageKind('/so-sanh/a/b/')).toBe('/so-sanh/*/*/');
  });
});

describe('summarizeKinds', () => {
  it('gives each kind its count, median and largest page, the largest kinds first', () => {
    const kinds = summarizeKinds([
      { path: '/van-ban/a/', gzip: 10 },
      { path: '/van-ban/b/', gzip: 30 },
      { path: '/van-ban/c/', gzip: 20 },
      { path: '/', gzip: 25 },
    ]);
    expect(kinds).toEqual([
      { kind: '/van-ban/*/', pages: 3, median: 20, largest: { path: '/van-ban/b/', gzip: 30 } },
      { kind: '/', pages: 1, median: 25, largest: { path: '/', gzip: 25 } },
    ]);
  });
});
