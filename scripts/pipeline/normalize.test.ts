import { describe, expect, it } from 'vitest';
import { isPageDebris, toParagraphs, unescapeMarkdown } from './normalize.ts';
import { SEED, seedText } from '../../tests/seeds.ts';

const texts = (source: string) => toParagraphs(source).map((p) => p.text);

describe('toParagraphs', () => {
  it('gives the same paragraphs for NFD and CRLF copies of a seed', () => {
    const source = seedText(SEED.ninhThuan);
    const nfdCrlf = source.normalize('NFD').replace(/\n/g, '\r\n');
    expect(nfdCrlf).not.toBe(source);
    expect(texts(nfdCrlf)).toEqual(texts(source));
    expect(texts(nfdCrlf).every((t) => t === t.normalize('NFC'))).toBe(true);
  });

  it('rejoins the hard-wrapped lines of the scan into paragraphs', () => {
    const paragraphs = texts(seedText(SEED.rachGia));
    expect(paragraphs).toContain(
      '- Phu séng 5G toan thanh phé; hoan thanh x4y dung db thi théng minh.',
    );
    // Three scanned lines, one list item; the "57-" / "NQ/TW" split is joined without a space.
    expect(paragraphs).toContain(
      '5. Phong Tai chinh - K& hoach chu tri, phéi hop véi cac co quan, don vi, dia phuong bao dam ngudn kinh phi thuc hién hing nim theo Nghi quyét s6 57-NQ/TW.',
    );
  });

  it('drops page numbers and rejoins a paragraph cut by a page break', () => {
    const paragraphs = texts(seedText(SEED.rachGia));
    expect(paragraphs.some((p) => /^\/?\d+$/.test(p))).toBe(false);
    expect(paragraphs).toContain(
      '2. Khan truong, quyet liét hoan thién thé ché; xoa bd moi tw tudng, quan niém, rao can dang cén tré sy phat trién; dua thé ché thanh mét loi thé canh tranh trong phat trién khoa hoc, cong nghé, d6i méi sang tao va chuyen dbi sb',
    );
    expect(paragraphs.find((p) => p.startsWith('2. Céc co quan'))).toMatch(/Chuong trinh hanh dong cua Chinh phu da ban hanh, con hiéu luc/);
  });

  it('rejoins a clean plan paragraph split by a blank line mid-sentence', () => {
    const paragraphs = texts(seedText(SEED.phanRang));
    expect(paragraphs.find((p) => p.startsWith('3. Đẩy mạnh các hoạt động thông tin'))).toMatch(
      /khơi dậy tiềm năng để khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số phát triển, nhất là các chương trình, dự án lớn ở địa phương\.$/,
    );
  });

  it('keeps short header lines as line breaks and starts a new paragraph at each bullet', () => {
    const paragraphs = texts(seedText(SEED.yetKieu));
    expect(paragraphs[0]).toBe('**ĐẢNG BỘ THÀNH PHỐ HÀI PHÒNG\nĐẢNG ỦY XÃ YẾT KIÊU**');
    const recipients = paragraphs.filter((p) => p.startsWith('- ') && /xã,$/.test(p));
    expect(recipients).toEqual(['- Ban Chấp hành Đảng bộ xã,', '- Thường trực HĐND xã,', '- Lãnh đạo UBND xã,', '- Ủy ban MTTQ Việt Nam xã,', '- Các phòng, ban xã,']);
  });

  it('does not merge a heading with the lettered heading after it', () => {
    const paragraphs = texts(seedText(SEED.yetKieu));
    expect(paragraphs).toContain('2.1. Đến hết năm 2025');
    expect(paragraphs).toContain('a) Phát triển hạ tầng');
  });

  it('recognises page debris only when it is alone on its line', () => {
    for (const line of ['9', '/4', ' 12 ', '- 3 -', 'Trang 2', '2/12']) expect(isPageDebris(line)).toBe(true);
    for (const line of ['2030', '5G', '9 nhiệm vụ', '30%']) expect(isPageDebris(line)).toBe(false);
  });

  it('reads Markdown backslash escapes as the character itself', () => {
    expect(unescapeMarkdown('1\\. Đến năm 2030')).toBe('1. Đến năm 2030');
    expect(unescapeMarkdown('\\- R\\&D')).toBe('- R&D');
  });
});

describe('invisible and control characters', () => {
  it('are removed before anything reads the text: "1\u200b00%" is 100%', () => {
    const source = 'KẾ HOẠCH\n\nĐạt 1\u200b00% hồ sơ trực tuyến; 5\u00ad0% doanh nghiệp\u2060 số\u200d.\n\n\u202eTiêu đề\u202c \u2066ngược\u2069\u200f\n';
    expect(texts(source)).toEqual(['KẾ HOẠCH', 'Đạt 100% hồ sơ trực tuyến; 50% doanh nghiệp số.', 'Tiêu đề ngược']);
  });

  it('turns line and paragraph separators into line breaks, and private-use bullets into "•"', () => {
    const source = 'Mục tiêu\u2029\uf0b7 Phủ sóng\u2028toàn tỉnh\u0085năm 2030.';
    expect(texts(source)).toEqual(['Mục tiêu', '• Phủ sóng toàn tỉnh năm 2030.']);
  });
});

describe('page numbers and numbers in tables', () => {
  // A table copied from Word one cell per line: its numbers are data.
  const table = ['Bảng 1. Chỉ tiêu chủ yếu', 'STT', 'Chỉ tiêu', 'Năm 2025', 'Năm 2030', '1', 'Dịch vụ công trực tuyến toàn trình (%)', '80', '100', '2', 'Doanh nghiệp số', '15', '25'];

  it('keeps every number of a table copied one cell per line', () => {
    const paragraphs = texts(`Mở đầu.\n\n${table.join('\n')}\n\nKết thúc.\n`);
    expect(paragraphs).toHaveLength(3);
    const numbers = (cells: string) => cells.match(/(?<![\d.])\d+(?![\d.])/g);
    expect(numbers(paragraphs[1]!)).toEqual(numbers(table.join('\n')));
    expect(numbers(paragraphs[1]!)).toEqual(['2025', '2030', '1', '80', '100', '2', '15', '25']);
  });

  it('keeps them when the cells are separated by blank lines too', () => {
    const paragraphs = texts(`Mở đầu.\n\n${table.join('\n\n')}\n\nKết thúc.\n`);
    expect(paragraphs.slice(1, -1)).toEqual(table);
  });

  it('keeps them when the cells are separated by blank lines and the names are long', () => {
    const long = ['1', 'Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính (%)', '80', '100', '2', 'Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số trong quản trị (%)', '50', '70'];
    const paragraphs = texts(`Mở đầu.\n\n${long.join('\n\n')}\n\nKết thúc.\n`);
    expect(paragraphs.slice(1, -1)).toEqual(long);
  });

  it('removes a page number where the layout shows a page break (a blank line before it, prose around)', () => {
    const prose = 'Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng đầu,';
    const paragraphs = texts(`${prose}\n\n12\n\nlà động lực chính để phát triển nhanh lực lượng sản xuất hiện đại.\n\n\f- 13 -\nTiếp theo.`);
    expect(paragraphs).toEqual([`${prose} là động lực chính để phát triển nhanh lực lượng sản xuất hiện đại.`, 'Tiếp theo.']);
  });
});
