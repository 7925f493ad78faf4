import { describe, expect, it } from 'vitest';
import { decodeSeed, EmptySeedError, firstInvalidUtf8 } from './decode.ts';
import { SeedError } from './types.ts';
import { SEED, seedBytes, seedFiles, seedText } from '../../tests/seeds.ts';
import { misreadAsCp1252, toCp1258, toTcvn3, toVni } from '../../tests/helpers/legacy-encode.ts';

const enc = new TextEncoder();

describe('decodeSeed', () => {
  it('decodes every real seed as UTF-8, unchanged', () => {
    for (const file of seedFiles()) expect(decodeSeed(seedBytes(file), file).text).toBe(seedText(file));
  });

  it('strips a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...seedBytes(SEED.ninhThuan)]);
    expect(decodeSeed(bytes, 'bom.txt').text).toBe(seedText(SEED.ninhThuan));
  });

  it('decodes UTF-16 LE and BE with a byte-order mark (what Windows saves as "Unicode")', () => {
    const text = seedText(SEED.yetKieu);
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le[2 + 2 * i] = c & 0xff; le[3 + 2 * i] = c >> 8;
      be[2 + 2 * i] = c >> 8; be[3 + 2 * i] = c & 0xff;
    }
    expect(decodeSeed(le, 'le.txt').text).toBe(text);
    expect(decodeSeed(be, 'be.txt').text).toBe(text);
  });

  it('names the file, line and byte of invalid UTF-8 (a Windows-1258 file, say)', () => {
    const good = enc.encode('KẾ HOẠCH\n\nDòng hai\n');
    const bytes = new Uint8Array([...good, 0x54, 0xe0, 0x20, 0x0a]); // "Tà " in a legacy code page
    expect(() => decodeSeed(bytes, 'cp1258.txt')).toThrowError(/^cp1258\.txt:4: not valid UTF-8 \(byte 0xe0 at offset \d+\)/);
    expect(firstInvalidUtf8(bytes)).toBe(good.length + 1);
  });

  it('rejects overlong encodings and lone surrogates', () => {
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(enc.encode('Đồng Tháp 😀'))).toBe(-1);
  });

  it('rejects a binary file with the line of the first control byte', () => {
    const bytes = new Uint8Array([...enc.encode('PK\n'), 0x03, 0x04, 0x00, 0x00]);
    const error = (() => { try { decodeSeed(bytes, 'plan.docx'); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).message).toMatch(/^plan\.docx:2: looks like a binary file/);
  });

  it('reports an empty or blank file as empty', () => {
    expect(() => decodeSeed(new Uint8Array(), 'empty.txt')).toThrowError(EmptySeedError);
    expect(() => decodeSeed(enc.encode(' \n\n\t\n'), 'blank.txt')).toThrowError(/blank\.txt: is empty/);
  });
});

describe('decodeSeed with legacy Vietnamese encodings', () => {
  const text = seedText(SEED.yetKieu).normalize('NFC').replace(/[≥≤]/g, '>');
  const utf8 = enc.encode(text);

  it.each([
    ['TCVN3', toTcvn3(text)],
    ['VNI-Windows', toVni(text)],
    ['windows-1258', toCp1258(text)],
  ])('reads %s bytes and says it converted them', (encoding, bytes) => {
    expect(firstInvalidUtf8(bytes)).toBeGreaterThanOrEqual(0);
    const decoded = decodeSeed(bytes, 'old.txt');
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.conversion?.from).toBe(encoding);
    expect(decoded.conversion?.note).toMatch(/bảng mã/);
    const lines = decoded.text.normalize('NFC').split('\n');
    // TCVN3 keeps no capital for a letter written with a lower-case code (Ủy → ủy); every other letter is back.
    const same = lines.filter((l, i) => l === text.split('\n')[i]).length;
    expect(same / lines.length).toBeGreaterThan(encoding === 'TCVN3' ? 0.95 : 0.999);
    expect(decoded.text).toContain('Nghị quyết số 57-NQ/TW');
  });

  it.each([
    ['TCVN3', misreadAsCp1252(toTcvn3(text)), 'ch­¬ng tr×nh'],
    ['VNI-Windows', misreadAsCp1252(toVni(text)), 'Nghò quyeát'],
    ['UTF-8 encoded twice', misreadAsCp1252(utf8), 'Nghá»‹ quyáº¿t'],
  ])('repairs %s text already mis-converted to UTF-8', (encoding, bytes, mojibake) => {
    expect(firstInvalidUtf8(bytes)).toBe(-1);
    expect(new TextDecoder().decode(bytes)).toContain(mojibake);
    const decoded = decodeSeed(bytes, 'mojibake.txt');
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.conversion?.from).toBe(encoding);
    expect(decoded.text).toContain('Nghị quyết số 57-NQ/TW');
    if (encoding !== 'TCVN3') expect(decoded.text).toBe(text);
  });

  it('takes the capitals of a .VnTimeH heading, and keeps words a converter already got right', () => {
    const heading = new TextDecoder('windows-1252').decode(toTcvn3('CHƯƠNG TRÌNH HÀNH ĐỘNG'));
    expect(heading).toBe('CH¦¥NG TR×NH HµNH §éNG');
    const body = new TextDecoder('windows-1252').decode(toTcvn3(text.split('\n\n').slice(3, 12).join('\n\n')));
    const decoded = decodeSeed(enc.encode(`CH¦¥NG TRÌNH HµNH §éNG\n\n${body}`), 'mixed.txt');
    expect(decoded.text.split('\n')[0]).toBe('CHƯƠNG TRÌNH HÀNH ĐỘNG');
  });

  it('stops on unclear legacy bytes, naming the likely encoding', () => {
    const half = toTcvn3(text.slice(0, 400));
    const noise = new Uint8Array(Array.from({ length: 250 }, (_, i) => (i % 7 === 0 ? 0x20 : 0xa1 + ((i * 37) % 94))));
    expect(() => decodeSeed(new Uint8Array([...half, ...noise]), 'unclear.txt')).toThrowError(/^unclear\.txt:\d+: not valid UTF-8 \(byte 0x[0-9a-f]{2} at offset \d+\)\. It may be TCVN3 \(\d+% of its words/);
  });

  it('reads UTF-16 without a byte-order mark', () => {
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) { le[2 * i] = text.charCodeAt(i) & 0xff; le[2 * i + 1] = text.charCodeAt(i) >> 8; }
    const decoded = decodeSeed(le, 'utf16.txt');
    expect(decoded).toEqual({ text, encoding: 'UTF-16LE (no byte-order mark)' });
  });

  it('leaves every real seed as plain UTF-8', () => {
    for (const file of seedFiles()) expect(decodeSeed(seedBytes(file), file)).toEqual({ text: seedText(file), encoding: 'UTF-8' });
  });
});

describe('decodeSeed refuses files that are not plain text, by content', () => {
  it.each([
    ['report.txt', '%PDF-1.4\n1 0 obj << /Type /Catalog >>\nendobj\n', /is a PDF document, not a plain-text plan: .*export it as plain text/],
    ['plan.TXT', '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\nKe hoach\n}', /is an RTF document.*save it as plain text/],
    ['page.txt', '<!DOCTYPE html>\n<html><head><title>Kế hoạch</title><script>var a=1</script></head><body><nav>Trang chủ</nav><p>Kế hoạch</p></body></html>', /is a web page \(HTML\).*without menus/],
    ['flat.txt', '<?xml version="1.0"?>\n<w:document/>', /is an XML document/],
  ])('%s', (file, content, message) => {
    expect(() => decodeSeed(enc.encode(content), file)).toThrowError(message);
  });

  it('a Word file and a ZIP (.docx) by their signatures', () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00, 0x3e, 0x00, 0xff, 0xfe]);
    expect(() => decodeSeed(doc, 'old.doc.txt')).toThrowError(/old\.doc\.txt: is a Word 97–2003 \(\.doc\) document/);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xc3, 0x28]);
    expect(() => decodeSeed(zip, 'new.txt')).toThrowError(/new\.txt: .*is a ZIP archive \(a \.docx/);
  });
});
