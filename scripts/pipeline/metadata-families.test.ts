// Metadata of every family a tracker meets, as documents really arrive. The real documents of
// ../shared/corpus/ are read in place (skipped when it is absent); the other families are short
// texts written for this test in the layouts those offices use.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from './metadata.ts';
import { parseBlocks } from './parse.ts';
import { toParagraphs } from './normalize.ts';
import { loadVocabulary } from './document-types.ts';
import { buildLibrary } from '../build/library.ts';
import { displayTitle } from '../build/site-data.ts';
import { libraryTargets } from './targets/site-targets.ts';
import { sharedCorpusDir as corpusDir } from '../shared-folder.ts';

const vocabulary = loadVocabulary();
const hasCorpus = existsSync(`${corpusDir}labels.json`);

const read = (text: string) => {
  const m = extractMetadata(parseBlocks(toParagraphs(text), vocabulary), vocabulary);
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Array.isArray(v) ? v.length : typeof v === 'boolean' ? v : v.value]));
};
const corpusFile = (name: string) => read(readFileSync(`${corpusDir}${name}`, 'utf8'));

describe.skipIf(!hasCorpus)('portal conversions of real documents (../shared/corpus, read in place)', () => {
  it('a provincial People\'s Committee plan: header and signature cells between "|" lines, bold split over lines', () => {
    expect(corpusFile('dong-thap-552-kh-ubnd.txt')).toMatchObject({
      type: 'Kế hoạch', number: '552/KH-UBND', date: '2025-11-19', place: 'Đồng Tháp',
      issuer: 'Ủy ban nhân dân tỉnh', locality: 'Đồng Tháp', level: 'tỉnh', province: 'Đồng Tháp', provinceNow: 'Đồng Tháp',
      signer: 'Huỳnh Minh Tuấn', signerCapacity: 'TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH', recipients: 6, summary: false,
    });
    expect(corpusFile('dong-thap-597-kh-ubnd.txt')).toMatchObject({ number: '597/KH-UBND', date: '2025-11-27', signer: 'Nguyễn Thành Diệu', recipients: 7 });
  });

  it('a centrally-run city\'s People\'s Committee', () => {
    expect(corpusFile('ha-noi-310-kh-ubnd.txt')).toMatchObject({
      type: 'Kế hoạch', number: '310/KH-UBND', date: '2025-11-24', issuer: 'Ủy ban nhân dân thành phố',
      locality: 'Hà Nội', level: 'thành phố', province: 'Hà Nội', signer: 'Trương Việt Dũng',
    });
    expect(corpusFile('nghe-an-987-kh-ubnd.txt')).toMatchObject({ number: '987/KH-UBND', date: '2025-11-20', locality: 'Nghệ An', level: 'tỉnh', signer: 'Hoàng Phú Hiền' });
  });

  it('a Prime Minister\'s decision approving a programme, under the portal\'s metadata block: the page says both', () => {
    expect(corpusFile('viet-nam-2629-qd-ttg.txt')).toMatchObject({
      type: 'Quyết định', number: '2629/QĐ-TTg', date: '2025-12-01', place: 'Hà Nội',
      issuer: 'Thủ tướng Chính phủ', locality: 'Việt Nam', level: 'trung ương', province: null,
      signer: 'Nguyễn Chí Dũng', signerCapacity: 'KT. THỦ TƯỚNG, PHÓ THỦ TƯỚNG',
      subject: 'VỀ VIỆC PHÊ DUYỆT CHƯƠNG TRÌNH PHÁT TRIỂN CHÍNH PHỦ SỐ', approves: 'Chương trình phát triển Chính phủ số',
    });
  });

  it('titles a decision with what it approves', () => {
    const input = { file: 'qd.txt', bytes: new Uint8Array(readFileSync(`${corpusDir}viet-nam-2629-qd-ttg.txt`)), sidecar: null };
    expect(displayTitle(buildLibrary([input]).plans[0]!)).toBe('Quyết định số 2629/QĐ-TTg của Thủ tướng Chính phủ phê duyệt Chương trình phát triển Chính phủ số');
  });

  it('reads what each corpus document implements as labels.json lists it', () => {
    const labels = JSON.parse(readFileSync(`${corpusDir}labels.json`, 'utf8')) as { documents: { file: string; implements: string[] }[] };
    const inputs = labels.documents.map((d) => ({ file: d.file, bytes: new Uint8Array(readFileSync(`${corpusDir}${d.file}`)), sidecar: null }));
    const plans = buildLibrary(inputs).plans;
    for (const d of labels.documents) expect([...plans.find((p) => p.sourceFile === d.file)!.implements].sort(), d.file).toEqual([...d.implements].sort());
  });
});

const lines = (...ls: string[]) => ls.join('\n');

describe('families written out', () => {
  it('a provincial party committee (Tỉnh ủy), plain text', () => {
    const text = lines('TỈNH ỦY LÀO CAI', '*', 'Số 45-CTr/TU', '', 'ĐẢNG CỘNG SẢN VIỆT NAM', '', 'Lào Cai, ngày 15 tháng 3 năm 2025', '',
      'CHƯƠNG TRÌNH HÀNH ĐỘNG', '', 'thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị', '',
      'Thực hiện Nghị quyết số 57-NQ/TW, Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động như sau:', '', 'I. MỤC TIÊU', '',
      'Nơi nhận:', '- Ban Bí thư Trung ương Đảng,', '- Lưu Văn phòng Tỉnh ủy.', '', 'T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ THƯỜNG TRỰC', '', 'Nguyễn Văn Bình');
    expect(read(text)).toMatchObject({
      type: 'Chương trình hành động', number: '45-CTr/TU', date: '2025-03-15', issuer: 'Ban Thường vụ Tỉnh ủy Lào Cai', locality: 'Lào Cai', level: 'tỉnh',
      province: 'Lào Cai', signer: 'Nguyễn Văn Bình', signerCapacity: 'T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ THƯỜNG TRỰC', recipients: 2,
    });
  });

  it('a ward\'s party committee in a Markdown table with <br>, its city named above it', () => {
    const text = lines('| **ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH**<br>**ĐẢNG ỦY PHƯỜNG BẾN THÀNH** | **ĐẢNG CỘNG SẢN VIỆT NAM** |', '|---|---|',
      '| Số: 12-KH/ĐU | *Bến Thành, ngày 02 tháng 9 năm 2025* |', '', '**KẾ HOẠCH**', '', '**Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị**', '',
      'Thực hiện Kế hoạch số 30-KH/TU ngày 10/8/2025 của Ban Thường vụ Thành ủy; Ban Thường vụ Đảng ủy phường ban hành Kế hoạch như sau:');
    expect(read(text)).toMatchObject({
      type: 'Kế hoạch', number: '12-KH/ĐU', date: '2025-09-02', issuer: 'Ban Thường vụ Đảng ủy phường Bến Thành', locality: 'Bến Thành', level: 'phường',
      province: 'Hồ Chí Minh', provinceNow: 'Hồ Chí Minh',
    });
  });

  it('the party committee of an agency takes its place from the line above', () => {
    const text = lines('ĐẢNG BỘ TỈNH QUẢNG NINH', 'ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH', '*', 'Số 21-KH/ĐU', '', 'Hạ Long, ngày 20 tháng 5 năm 2025', '', 'KẾ HOẠCH', '',
      'thực hiện Chương trình hành động số 10-CTr/TU của Tỉnh ủy', '', 'Thực hiện Chương trình hành động số 10-CTr/TU, Ban Thường vụ Đảng ủy ban hành Kế hoạch như sau:');
    expect(read(text)).toMatchObject({ number: '21-KH/ĐU', issuer: 'Đảng ủy các cơ quan đảng tỉnh', locality: 'Quảng Ninh', level: 'tỉnh', province: 'Quảng Ninh' });
  });

  it('a commune\'s People\'s Committee in portal cells; its province from the text', () => {
    const text = lines('|', '**ỦY BAN NHÂN DÂN', 'XÃ TÂN HƯNG**', '-------', '|', '**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**', 'Độc lập - Tự do - Hạnh phúc', '|', '|',
      'Số: 88/KH-UBND', '|', '*Tân Hưng, ngày 05 tháng 10 năm', '2025*', '|', '', '**KẾ HOẠCH**', '', 'Chuyển đổi số trên địa bàn xã Tân Hưng năm 2026', '',
      'Thực hiện Kế hoạch số 617/KH-UBND ngày 01/12/2025 của Ủy ban nhân dân tỉnh Đồng Tháp; Ủy ban nhân dân xã ban hành Kế hoạch như sau:');
    expect(read(text)).toMatchObject({
      number: '88/KH-UBND', date: '2025-10-05', issuer: 'Ủy ban nhân dân xã', locality: 'Tân Hưng', level: 'xã', province: 'Đồng Tháp',
    });
  });

  it('a plain-text header in two columns (the body and the motto side by side)', () => {
    const text = lines('ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỈNH ĐỒNG NAI                      Độc lập - Tự do - Hạnh phúc', '',
      'Số: 179/KH-UBND                    Đồng Nai, ngày 01 tháng 12 năm 2025', '', 'KẾ HOẠCH', 'Triển khai chuyển đổi số năm 2026', '',
      'Thực hiện Nghị quyết số 57-NQ/TW, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:', '', 'I. MỤC TIÊU');
    expect(read(text)).toMatchObject({
      type: 'Kế hoạch', number: '179/KH-UBND', date: '2025-12-01', issuer: 'Ủy ban nhân dân tỉnh', locality: 'Đồng Nai', level: 'tỉnh', province: 'Đồng Nai',
    });
  });

  it('a province\'s department, its province on the line above; "SỐ" in a title is not "Sở"', () => {
    const text = lines('UBND TỈNH LẠNG SƠN', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', '', 'Số: 77/KH-SKHCN', '', 'Lạng Sơn, ngày 3 tháng 6 năm 2025', '', 'KẾ HOẠCH', '',
      'CHUYỂN ĐỔI SỐ CỦA SỞ', '', 'I. MỤC TIÊU');
    expect(read(text)).toMatchObject({ number: '77/KH-SKHCN', issuer: 'Sở Khoa học và Công nghệ', locality: 'Lạng Sơn', level: 'tỉnh', subject: 'CHUYỂN ĐỔI SỐ CỦA SỞ' });
  });

  it('a ministry\'s letter (công văn: no type line, a "V/v" subject under its number)', () => {
    const text = lines('|', '**BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH**', '-------', '|', '**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**', '|', 'Số: 6225/BVHTTDL-VP',
      'V/v triển khai Nghị quyết số 57-NQ/TW', '|', '*Hà Nội, ngày 10 tháng 12 năm 2025*', '|', '', 'Kính gửi: Các cơ quan, đơn vị thuộc Bộ.', '',
      '|', '*Nơi nhận:*', '- Như trên;', '- Lưu: VT, VP.', '|', '**KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG**', '**Hoàng Đạo Cương**', '|');
    expect(read(text)).toMatchObject({
      type: 'Công văn', number: '6225/BVHTTDL-VP', date: '2025-12-10', subject: 'triển khai Nghị quyết số 57-NQ/TW',
      issuer: 'Bộ Văn hóa, Thể thao và Du lịch', locality: 'Việt Nam', level: 'trung ương', signer: 'Hoàng Đạo Cương', signerCapacity: 'KT. BỘ TRƯỞNG, THỨ TRƯỞNG',
    });
  });

  it('the Government\'s resolution', () => {
    const text = lines('CHÍNH PHỦ', '-------', 'Số: 71/NQ-CP', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '', 'Hà Nội, ngày 01 tháng 4 năm 2025', '', 'NGHỊ QUYẾT', '',
      'SỬA ĐỔI, BỔ SUNG CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ', '', 'Điều 1. Sửa đổi Chương trình hành động.', '', 'TM. CHÍNH PHỦ', 'THỦ TƯỚNG', '', 'Phạm Minh Chính');
    expect(read(text)).toMatchObject({ type: 'Nghị quyết', number: '71/NQ-CP', issuer: 'Chính phủ', locality: 'Việt Nam', level: 'trung ương', signer: 'Phạm Minh Chính', approves: null });
  });

  it('a steering committee\'s concluding notice (Thông báo kết luận)', () => {
    const text = lines('TỈNH ỦY AN GIANG', 'BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ', '*', 'Số 05-TB/BCĐ', '',
      'Long Xuyên, ngày 12 tháng 8 năm 2025', '', 'THÔNG BÁO', '', 'kết luận của Trưởng Ban Chỉ đạo tại phiên họp thứ nhất', '', 'Ngày 8/8/2025, Ban Chỉ đạo họp phiên thứ nhất.');
    expect(read(text)).toMatchObject({
      type: 'Thông báo kết luận', number: '05-TB/BCĐ', date: '2025-08-12', place: 'Long Xuyên',
      issuer: 'Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số', locality: 'An Giang', level: 'tỉnh',
    });
  });

  it('a press summary of a plan: accepted, read from its headline and first sentence, marked as a summary', () => {
    const text = lines('Lào Cai: Ban hành Kế hoạch thực hiện Nghị quyết 57 về chuyển đổi số', '',
      'UBND tỉnh Lào Cai vừa ban hành Kế hoạch số 123/KH-UBND ngày 5/6/2025 thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị.', '',
      'Theo kế hoạch, đến năm 2030, kinh tế số của tỉnh đạt 20% GRDP.');
    expect(read(text)).toMatchObject({
      summary: true, type: 'Kế hoạch', number: '123/KH-UBND', date: '2025-06-05', issuer: 'Ủy ban nhân dân tỉnh', locality: 'Lào Cai', level: 'tỉnh',
      subject: 'Lào Cai: Ban hành Kế hoạch thực hiện Nghị quyết 57 về chuyển đổi số',
    });
    const dated = lines('Đồng Nai triển khai Nghị quyết 57', '', 'Ngày 12/6/2025, Ủy ban nhân dân tỉnh Đồng Nai ban hành Kế hoạch số 179/KH-UBND ngày 10/6/2025 về chuyển đổi số.');
    expect(read(dated)).toMatchObject({ summary: true, type: 'Kế hoạch', number: '179/KH-UBND', date: '2025-06-10', locality: 'Đồng Nai', level: 'tỉnh' });
    const unnumbered = lines('Nghệ An đẩy mạnh chuyển đổi số', '', 'Ủy ban nhân dân tỉnh Nghệ An vừa ban hành kế hoạch chuyển đổi số năm 2026.');
    expect(read(unnumbered)).toMatchObject({ summary: true, type: 'Kế hoạch', number: null, locality: 'Nghệ An', level: 'tỉnh' });
  });
});

describe('a document whose family is not recognised', () => {
  const text = 'Một vài ghi chép về chuyển đổi số\n\nĐến năm 2030, kinh tế số đạt 30% GDP.\n';
  const summary = 'Lào Cai: Ban hành Kế hoạch chuyển đổi số\n\nUBND tỉnh Lào Cai vừa ban hành Kế hoạch số 123/KH-UBND ngày 5/6/2025.\n\nĐến năm 2030, kinh tế số của tỉnh đạt 20% GRDP.\n';
  const library = buildLibrary([
    { file: 'ghi-chep.txt', bytes: new TextEncoder().encode(text), sidecar: null },
    { file: 'tin-lao-cai.txt', bytes: new TextEncoder().encode(summary), sidecar: null },
  ]);
  const plan = library.plans.find((p) => p.sourceFile === 'ghi-chep.txt')!;

  it('is published whole, with "Chưa rõ" on what is unknown and an id from its file name, never "van-ban"', () => {
    expect(plan.id).toBe('ghi-chep');
    expect(plan.blocks.map((b) => b.text).join('\n')).toBe(text.trim().replace(/\n\n/g, '\n'));
    expect([plan.metadata.type.value, plan.metadata.number.value, plan.metadata.locality.value]).toEqual([null, null, null]);
  });

  it('makes the build print one line naming the file and what could not be read', () => {
    const lines = library.warnings.filter((w) => w.startsWith('ghi-chep.txt'));
    expect(lines).toEqual(['ghi-chep.txt: không đọc được loại văn bản, số hiệu, ngày ban hành, cơ quan ban hành, địa phương, cấp — trang ghi “Chưa rõ”']);
  });

  it('and a summary is its own page, never the plan it reports on', () => {
    const s = library.plans.find((p) => p.sourceFile === 'tin-lao-cai.txt')!;
    expect(s.id).toBe('lao-cai-123-kh-ubnd-tom-tat');
    expect(s.docId).toBeNull();
    expect(s.references.map((r) => r.docId)).toContain('123/KH-UBND');
    expect(displayTitle(s)).toBe('Tóm tắt: Kế hoạch số 123/KH-UBND của Ủy ban nhân dân tỉnh Lào Cai');
    // Every target record it yields says so.
    const targets = libraryTargets([s]);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.every((t) => t.summary)).toBe(true);
  });
});
