import { describe, expect, it } from 'vitest';
import { documentPart, partCosts } from './breakdown.ts';
import { gzipSize } from './measure.ts';

// A plan page in this site's markup, with incompressible-enough text to make gzip honest.
const words = Array.from({ length: 400 }, (_, i) => `từ${(i * 7919) % 1009}`).join(' ');
const blocks = Array.from({ length: 40 }, (_, i) => `<p><a id="d${i + 1}" href="#d${i + 1}">¶</a>${words.slice(i * 50, i * 50 + 120)}</p>`).join('');
const page = [
  '<html><head><style>body{margin:0}.doc{color:#111}</style></head><body>',
  '<a class="skip" href="#noi-dung">Bỏ qua</a><header>Nghị quyết 57</header>',
  '<dl class="meta"><dt>Số hiệu</dt><dd>09-KH/ĐU</dd></dl>',
  `<article class="doc">${blocks}</article>`,
  '<footer>chân trang</footer></body></html>',
].join('');

describe('partCosts', () => {
  const costs = new Map(partCosts(page).map((c) => [c.name, c]));

  it('counts each part and prices it as the gzip bytes the page loses without it', () => {
    expect(costs.get('Liên kết ¶')).toMatchObject({ count: 40 });
    expect(costs.get('Liên kết ¶')!.bytes).toBe(gzipSize(page) - gzipSize(page.replace(/<a id="d\d+" href="#d\d+">¶<\/a>/g, '')));
    expect(costs.get('Liên kết ¶')!.bytes).toBeGreaterThan(40);
    expect(costs.get('CSS')).toMatchObject({ count: 1 });
    expect(costs.get('Đầu, chân trang')).toMatchObject({ count: 2 });
    expect(costs.get('Thông tin văn bản')!.bytes).toBeGreaterThan(0);
  });

  it('gives 0 for a part the page does not have', () => {
    expect(costs.get('Bảng chỉ tiêu')).toEqual({ name: 'Bảng chỉ tiêu', count: 0, bytes: 0 });
    expect(costs.get('JSON-LD')).toEqual({ name: 'JSON-LD', count: 0, bytes: 0 });
  });
});

describe('documentPart', () => {
  it('is the <article>, or null', () => {
    expect(documentPart(page)).toMatch(/^<article class="doc">[\s\S]*<\/article>$/);
    expect(documentPart(page)).not.toContain('<dl');
    expect(documentPart('<main><p>x</p></main>')).toBeNull();
  });
});
