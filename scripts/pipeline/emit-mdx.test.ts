import { describe, expect, it } from 'vitest';
import { emitPlanMdx, renderInline, textLiteral } from './emit-mdx.ts';
import { tableBlock } from './parse.ts';
import type { Block, Plan } from './types.ts';

const block = (text: string, extra: Partial<Block> = {}): Block => ({
  id: 'd1', kind: 'paragraph', depth: 0, label: null, text, emphasis: [], line: 1, part: 'body', ...extra,
});

describe('textLiteral', () => {
  it('writes text as a JS string with no brace, angle bracket or line terminator left raw', () => {
    const literal = textLiteral('{x} <script>`a`</script>\u2028"q"\\');
    expect(literal.slice(1, -1)).not.toMatch(/[{}<>\u2028]/);
    // The string it denotes is the text itself.
    expect(JSON.parse(literal.slice(1, -1))).toBe('{x} <script>`a`</script>\u2028"q"\\');
  });
});

describe('renderInline', () => {
  it('nests emphasis and lays links over the right characters', () => {
    const b = block('Quy mô kinh tế số đạt tối thiểu 30% GRDP', { emphasis: [{ kind: 'strong', start: 0, end: 17 }] });
    const html = renderInline(b, [{ blockId: 'd1', start: 32, end: 40, href: '/chi-tieu/kinh-te-so/', className: 't' }]);
    expect(html).toBe('<strong>{"Quy mô kinh tế số"}</strong>{" đạt tối thiểu "}<a href="/chi-tieu/kinh-te-so/" class="t">{"30% GRDP"}</a>');
  });

  it('shows a header layout\'s "|" cell separators as line breaks, never as characters', () => {
    const b = block('ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n|\nSố: 552/KH-UBND', { part: 'header', emphasis: [{ kind: 'strong', start: 0, end: 15 }] });
    expect(renderInline(b, [])).toBe('<strong>{"ỦY BAN NHÂN DÂN"}</strong>{""}<br />{"TỈNH ĐỒNG THÁP"}<br />{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}<br />{"Số: 552/KH-UBND"}');
  });

  it('turns kept line breaks into <br /> and drops overlapping links', () => {
    const b = block('T/M BAN THƯỜNG VỤ\nBÍ THƯ');
    const links = [
      { blockId: 'd1', start: 0, end: 3, href: '/a/' },
      { blockId: 'd1', start: 2, end: 6, href: '/b/' },
    ];
    expect(renderInline(b, links)).toBe('<a href="/a/">{"T/M"}</a>{" BAN THƯỜNG VỤ"}<br />{"BÍ THƯ"}');
  });
});

describe('emitPlanMdx', () => {
  it('groups items into lists, parts into divs, and shows a restored block\'s scan one click away', () => {
    const plan = {
      id: 'x',
      blocks: [
        block('KẾ HOẠCH', { id: 'd1', part: 'header' }),
        block('I. MỤC TIÊU', { id: 'd2', kind: 'heading', depth: 1 }),
        block('Một', { id: 'd3', kind: 'item' }),
        block('Hai', { id: 'd4', kind: 'item' }),
        block('Chuyển đổi số', { id: 'd5', original: 'Chuyen dbi sb' }),
      ],
    } as Plan;
    expect(emitPlanMdx(plan)).toBe(
      [
        '---', 'planId: "x"', '---', '',
        '<div class="doc-head">',
        '<p><a id="d1" href="#d1">¶</a>{"KẾ HOẠCH"}</p>',
        '</div>',
        '<div class="doc-body">',
        '<h2><a id="d2" href="#d2">¶</a>{"I. MỤC TIÊU"}</h2>',
        '<ul>',
        '<li><a id="d3" href="#d3">¶</a>{"Một"}</li>',
        '<li><a id="d4" href="#d4">¶</a>{"Hai"}</li>',
        '</ul>',
        '<div class="restored"><p><a id="d5" href="#d5">¶</a>{"Chuyển đổi số"}</p><details class="scan"><summary>Bản quét gốc</summary>{"Chuyen dbi sb"}</details></div>',
        '</div>',
        '',
      ].join('\n'),
    );
  });

  it('puts a quiet "chép" mark, kept out of the search index, after a copied block', () => {
    const plan = { id: 'x', blocks: [block('Một')] } as Plan;
    const mdx = emitPlanMdx(plan, [], new Map([['d1', { href: '/van-ban/y/#d9', title: 'Chép nguyên văn từ 1-KH/TU' }]]));
    expect(mdx).toContain('<p><a id="d1" href="#d1">¶</a>{"Một"} <sup data-pagefind-ignore><a href="/van-ban/y/#d9" title="Chép nguyên văn từ 1-KH/TU">chép</a></sup></p>');
  });
});

describe('tables and clause marks', () => {
  it('renders a table block as a table in a scrolling region: every cell, no pipes, a merged row spanning the rest', () => {
    const b: Block = { ...block(''), ...tableBlock([['**TT**', '**Chỉ tiêu**', '**Năm 2030**'], ['**I**', '**Giai đoạn 2025-2030**'], ['1', 'Tỷ lệ phủ sóng 5G', '100%']]), kind: 'table' };
    const mdx = emitPlanMdx({ id: 'x', blocks: [b] } as unknown as Plan);
    expect(mdx).toContain('<div class="tbl" role="region" aria-label="Bảng 1" tabindex="0"><table>');
    expect(mdx).toContain('<th scope="col"><a id="d1" href="#d1">¶</a><strong>{"TT"}</strong></th>');
    expect(mdx).toContain('<td colspan="2"><strong>{"Giai đoạn 2025-2030"}</strong></td>');
    expect(mdx).toContain('<td>{"100%"}</td>');
    expect(mdx).not.toContain('|');
  });

  it('wraps the clause of a target in a mark with its id, the target link inside it', () => {
    const b = block('Phấn đấu: tỷ lệ phủ sóng 5G đạt 100%; kinh tế số đạt 30% GRDP.');
    const html = renderInline(b, [
      { blockId: 'd1', start: 10, end: 36, id: 'd1-10' },
      { blockId: 'd1', start: 10, end: 36, href: '/chi-tieu/coverage-5g/' },
    ]);
    expect(html).toBe('{"Phấn đấu: "}<span id="d1-10"><a href="/chi-tieu/coverage-5g/">{"tỷ lệ phủ sóng 5G đạt 100%"}</a></span>{"; kinh tế số đạt 30% GRDP."}');
  });
});
