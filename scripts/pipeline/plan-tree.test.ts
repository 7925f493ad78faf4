import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { blockInline, planTree, shownText } from './plan-tree.ts';
import { tableBlock } from './parse.ts';
import type { Block } from './types.ts';

const block = (text: string, extra: Partial<Block> = {}): Block => ({
  id: 'd1', kind: 'paragraph', depth: 0, label: null, text, emphasis: [], line: 1, part: 'body', ...extra,
});
const inlineHtml = (...args: Parameters<typeof blockInline>) => toHtml(blockInline(...args));

describe('blockInline', () => {
  it('nests emphasis and lays links over the right characters', () => {
    const b = block('Quy mô kinh tế số đạt tối thiểu 30% GRDP', { emphasis: [{ kind: 'strong', start: 0, end: 17 }] });
    const html = inlineHtml(b, [{ blockId: 'd1', start: 32, end: 40, href: '/chi-tieu/kinh-te-so/', className: 't' }]);
    expect(html).toBe('<strong>Quy mô kinh tế số</strong> đạt tối thiểu <a href="/chi-tieu/kinh-te-so/" class="t">30% GRDP</a>');
  });

  it('shows a header layout\'s "|" cell separators as line breaks, never as characters', () => {
    const b = block('ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n|\nSố: 552/KH-UBND', { part: 'header', emphasis: [{ kind: 'strong', start: 0, end: 15 }] });
    expect(inlineHtml(b, [])).toBe('<strong>ỦY BAN NHÂN DÂN</strong><br>TỈNH ĐỒNG THÁP<br>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Số: 552/KH-UBND');
  });

  it('turns kept line breaks into <br> and drops overlapping links', () => {
    const b = block('T/M BAN THƯỜNG VỤ\nBÍ THƯ');
    const links = [
      { blockId: 'd1', start: 0, end: 3, href: '/a/' },
      { blockId: 'd1', start: 2, end: 6, href: '/b/' },
    ];
    expect(inlineHtml(b, links)).toBe('<a href="/a/">T/M</a> BAN THƯỜNG VỤ<br>BÍ THƯ');
  });

  it('wraps the clause of a target in a mark with its id, the target link inside it', () => {
    const b = block('Phấn đấu: tỷ lệ phủ sóng 5G đạt 100%; kinh tế số đạt 30% GRDP.');
    const html = inlineHtml(b, [
      { blockId: 'd1', start: 10, end: 36, id: 'd1-10' },
      { blockId: 'd1', start: 10, end: 36, href: '/chi-tieu/coverage-5g/' },
    ]);
    expect(html).toBe('Phấn đấu: <span id="d1-10"><a href="/chi-tieu/coverage-5g/">tỷ lệ phủ sóng 5G đạt 100%</a></span>; kinh tế số đạt 30% GRDP.');
  });

  it('keeps text as text: markup in a plan is escaped by the serializer', () => {
    expect(inlineHtml(block('<script>alert(1)</script> & {x}'), [])).toBe('&#x3C;script>alert(1)&#x3C;/script> &#x26; {x}');
  });
});

describe('planTree', () => {
  it('groups items into lists, parts into divs, and shows a restored block\'s scan one click away', () => {
    const tree = planTree({
      blocks: [
        block('KẾ HOẠCH', { id: 'd1', part: 'header' }),
        block('I. MỤC TIÊU', { id: 'd2', kind: 'heading', depth: 1 }),
        block('Một', { id: 'd3', kind: 'item' }),
        block('Hai', { id: 'd4', kind: 'item', original: 'Hal' }),
        block('Chuyển đổi số', { id: 'd5', original: 'Chuyen dbi sb' }),
      ],
    });
    expect(toHtml(tree)).toBe(
      '<div class="doc-head"><p><a id="d1" href="#d1">¶</a>KẾ HOẠCH</p></div>' +
        '<div class="doc-body"><h2><a id="d2" href="#d2">¶</a>I. MỤC TIÊU</h2>' +
        '<ul><li><a id="d3" href="#d3">¶</a>Một</li><li><div><a id="d4" href="#d4">¶</a>Hai</div><details class="scan"><summary>Bản quét gốc</summary>Hal</details></li></ul>' +
        '<div class="restored"><p><a id="d5" href="#d5">¶</a>Chuyển đổi số</p><details class="scan"><summary>Bản quét gốc</summary>Chuyen dbi sb</details></div></div>',
    );
  });

  it('puts a quiet "chép" mark, kept out of the search index, after a copied block', () => {
    const tree = planTree({ blocks: [block('Một')] }, [], new Map([['d1', { href: '/van-ban/y/#d9', title: 'Chép nguyên văn từ 1-KH/TU' }]]));
    expect(toHtml(tree)).toContain('<p><a id="d1" href="#d1">¶</a>Một <sup data-pagefind-ignore><a href="/van-ban/y/#d9" title="Chép nguyên văn từ 1-KH/TU">chép</a></sup></p>');
  });

  it('renders a table block as a numbered table in a scrolling region: every cell, no pipes, a merged row spanning the rest', () => {
    const table: Block = { ...block(''), ...tableBlock([['**TT**', '**Chỉ tiêu**', '**Năm 2030**'], ['**I**', '**Giai đoạn 2025-2030**'], ['1', 'Tỷ lệ phủ sóng 5G', '100%']]), kind: 'table' };
    const html = toHtml(planTree({ blocks: [block('Trước', { id: 'd0' }), table, { ...table, id: 'd2' }] }));
    expect(html).toContain('<div class="tbl" role="region" aria-label="Bảng 1" tabindex="0"><table><tr><th scope="col"><a id="d1" href="#d1">¶</a><strong>TT</strong></th>');
    expect(html).toContain('<td colspan="2"><strong>Giai đoạn 2025-2030</strong></td>');
    expect(html).toContain('<td>100%</td>');
    expect(html).toContain('aria-label="Bảng 2"');
    expect(html).not.toContain('|');
  });
});

describe('shownText', () => {
  it('is the text the page shows: breaks as new lines, layout "|" lines left out, cells apart, the scan as shown', () => {
    expect(shownText(block('A\n|\nB', { original: 'A\n|\nX', emphasis: [{ kind: 'em', start: 0, end: 1 }] }))).toEqual({ text: 'A\nB', scan: 'A\nX' });
    expect(shownText(block('Một', { original: 'Một' }))).toEqual({ text: 'Một' });
    const table: Block = { ...block(''), ...tableBlock([['a', 'b'], ['c', '']]), kind: 'table' };
    expect(shownText(table).text.trim().split(/\s+/)).toEqual(['a', 'b', 'c']);
  });
});
