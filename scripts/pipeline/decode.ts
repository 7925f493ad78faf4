// Stage 1: bytes → text. Strict: UTF-8 (with or without BOM) or UTF-16 with a BOM.
// Anything else stops the build with the file, line and byte of the first bad byte.
import { SeedError } from './types.ts';

/** Thrown for a seed with no text at all; the build skips it with a warning. */
export class EmptySeedError extends SeedError {}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** Control characters other than tab, LF, CR and form feed mean the file is not text. */
function firstBinaryChar(text: string): number {
  // eslint-disable-next-line no-control-regex
  const m = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.exec(text);
  return m ? m.index : -1;
}

function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Decode a seed file's bytes. Returns the text without any byte-order mark;
 * line endings and Unicode normalization are left to `normalize`.
 */
export function decodeSeed(bytes: Uint8Array, file: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decodeUtf16(bytes.subarray(2), 'utf-16le', file);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decodeUtf16(bytes.subarray(2), 'utf-16be', file);
  else {
    const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
    const bad = firstInvalidUtf8(body);
    if (bad >= 0) {
      const byteOffset = bad + (body === bytes ? 0 : 3);
      throw new SeedError(
        file,
        lineAt(bytes, byteOffset),
        `not valid UTF-8 (byte 0x${bytes[byteOffset]!.toString(16).padStart(2, '0')} at offset ${byteOffset}). ` +
          'Save the plan as UTF-8 text.',
      );
    }
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  }
  const binaryAt = firstBinaryChar(text);
  if (binaryAt >= 0) {
    throw new SeedError(
      file,
      lineOfIndex(text, binaryAt),
      `looks like a binary file (control character U+${text.charCodeAt(binaryAt).toString(16).padStart(4, '0').toUpperCase()}), not plain text`,
    );
  }
  if (text.trim() === '') throw new EmptySeedError(file, null, 'is empty: no text to publish');
  return text;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  if (bytes.length % 2 !== 0) throw new SeedError(file, null, `odd number of bytes for ${encoding.toUpperCase()}`);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new SeedError(file, null, `not valid ${encoding.toUpperCase()} (unpaired surrogate)`);
  }
}

/**
 * The seed as published at /nguon/<id>.txt: its own bytes, after a UTF-8 byte order mark
 * when it has no BOM (a valid seed without one is UTF-8), so that a browser shows it as
 * UTF-8 whatever charset the server sends. Dropping those 3 bytes gives the seed back.
 */
export function withByteOrderMark(bytes: Uint8Array): Uint8Array {
  const hasBom = startsWith(bytes, UTF8_BOM) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return hasBom ? bytes : new Uint8Array([...UTF8_BOM, ...bytes]);
}
