import { describe, expect, it } from 'vitest';
import { decodeSeed, EmptySeedError, firstInvalidUtf8 } from './decode.ts';
import { SeedError } from './types.ts';
import { SEED, seedBytes, seedFiles, seedText } from '../../tests/seeds.ts';

const enc = new TextEncoder();

describe('decodeSeed', () => {
  it('decodes every real seed as UTF-8, unchanged', () => {
    for (const file of seedFiles()) expect(decodeSeed(seedBytes(file), file)).toBe(seedText(file));
  });

  it('strips a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...seedBytes(SEED.ninhThuan)]);
    expect(decodeSeed(bytes, 'bom.txt')).toBe(seedText(SEED.ninhThuan));
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
    expect(decodeSeed(le, 'le.txt')).toBe(text);
    expect(decodeSeed(be, 'be.txt')).toBe(text);
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
