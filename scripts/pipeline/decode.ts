// Stage 1: bytes → text. UTF-8 (with or without BOM), UTF-16 (with a BOM, or
// without one when the zero bytes prove it), and legacy Vietnamese encodings
// when the evidence is clear (legacy-encodings.ts). Files that are not plain
// text (PDF, Word, HTML… by their first bytes) and text whose encoding is
// unclear stop the build naming the file, what it is and what to do.
import { SeedError } from './types.ts';
import { percent } from './text.ts';
import { describeFileType, sniffFileType } from './file-type.ts';
import { byteReadings, ENCODING_LABEL, foreignCharacters, mojibakeReadings, vietnameseEvidence, type LegacyEncoding } from './legacy-encodings.ts';

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

export interface DecodedSeed {
  text: string;
  /** The encoding the bytes were read in: "UTF-8", "UTF-16LE", "TCVN3"… */
  encoding: string;
  /** Set when the text was converted from a legacy encoding or repaired: said in the report and on the page. */
  conversion?: { from: LegacyEncoding; note: string };
}

/** A reading is taken when at least this share of its words are Vietnamese syllables… */
const CLEAR_KNOWN = 0.8;
/** …and it beats the next reading (or the text as it is) by this much. */
const CLEAR_MARGIN = 0.15;
/** Fewer words than this are too little evidence for any legacy reading. */
const MIN_WORDS = 20;

/** The best reading, and whether the evidence for it is clear against `baseline` (the other readings' best). */
function bestReading(readings: { encoding: LegacyEncoding; text: string }[], baseline: number) {
  const scored = readings.map((r) => ({ ...r, evidence: vietnameseEvidence(r.text) })).sort((a, b) => b.evidence.known - a.evidence.known);
  const [best, second] = scored as [(typeof scored)[number], ...(typeof scored)[number][]];
  const runnerUp = Math.max(baseline, second?.evidence.known ?? 0);
  const clear = best.evidence.words >= MIN_WORDS && best.evidence.known >= CLEAR_KNOWN && best.evidence.known - runnerUp >= CLEAR_MARGIN;
  return { best, clear };
}

function converted(text: string, from: LegacyEncoding, what: string): DecodedSeed {
  return {
    text,
    encoding: from,
    conversion: { from, note: `${what} ${ENCODING_LABEL[from]}; văn bản trên trang đã được chuyển sang Unicode, tệp gốc tải về được giữ nguyên.` },
  };
}

/** UTF-16 without a byte-order mark: ASCII characters give a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = bytes.length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Decode a seed file's bytes. Returns the text without any byte-order mark;
 * line endings and Unicode normalization are left to `normalize`.
 */
export function decodeSeed(bytes: Uint8Array, file: string): DecodedSeed {
  let decoded: DecodedSeed;
  let noBom: 'utf-16le' | 'utf-16be' | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = { text: decodeUtf16(bytes.subarray(2), 'utf-16le', file), encoding: 'UTF-16LE' };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = { text: decodeUtf16(bytes.subarray(2), 'utf-16be', file), encoding: 'UTF-16BE' };
  else if ((noBom = utf16WithoutBom(bytes))) decoded = { text: decodeUtf16(bytes, noBom, file), encoding: `${noBom.toUpperCase()} (no byte-order mark)` };
  else {
    const bom = startsWith(bytes, UTF8_BOM);
    const body = bom ? bytes.subarray(3) : bytes;
    const bad = firstInvalidUtf8(body);
    if (bad >= 0) {
      const type = sniffFileType(bytes);
      if (type) throw new SeedError(file, null, describeFileType(type));
      decoded = decodeLegacyBytes(bytes, bad + (bom ? 3 : 0), file);
    } else {
      decoded = repairMojibake(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), file);
      if (bom) decoded.encoding = 'UTF-8 with byte-order mark';
    }
  }
  const { text } = decoded;
  const binaryAt = firstBinaryChar(text);
  if (binaryAt >= 0) {
    const type = sniffFileType(bytes);
    throw new SeedError(
      file,
      lineOfIndex(text, binaryAt),
      `looks like a binary file (control character U+${text.charCodeAt(binaryAt).toString(16).padStart(4, '0').toUpperCase()}), not plain text` +
        (type ? `: it ${describeFileType(type)}` : ''),
    );
  }
  const type = sniffFileType(bytes);
  if (type) throw new SeedError(file, null, describeFileType(type));
  if (text.trim() === '') throw new EmptySeedError(file, null, 'is empty: no text to publish');
  return decoded;
}

/** Bytes that are not UTF-8: a legacy Vietnamese encoding when the evidence is clear, else stop naming the likely one. */
function decodeLegacyBytes(bytes: Uint8Array, byteOffset: number, file: string): DecodedSeed {
  const { best, clear } = bestReading(byteReadings(bytes), 0);
  if (clear) return converted(best.text, best.encoding, 'Tệp gốc được soạn bằng bảng mã');
  const guess = best.evidence.words >= MIN_WORDS && best.evidence.known >= 0.5
    ? ` It may be ${best.encoding} (${percent(best.evidence.known)} of its words read as Vietnamese that way, too few to convert it safely).`
    : '';
  throw new SeedError(
    file,
    lineAt(bytes, byteOffset),
    `not valid UTF-8 (byte 0x${bytes[byteOffset]!.toString(16).padStart(2, '0')} at offset ${byteOffset}).${guess} ` +
      'Save the plan as UTF-8 text.',
  );
}

/**
 * Valid UTF-8 that may still be mojibake (legacy text converted the wrong way, or UTF-8 encoded
 * twice): repaired when a reading is clearly Vietnamese, stopped when the text is clearly not.
 */
function repairMojibake(text: string, file: string): DecodedSeed {
  const plain: DecodedSeed = { text, encoding: 'UTF-8' };
  const foreign = foreignCharacters(text);
  if (foreign < 3 || foreign < text.length * 0.002) return plain;
  const asIs = vietnameseEvidence(text);
  const { best, clear } = bestReading(mojibakeReadings(text), asIs.known);
  if (clear) return converted(best.text, best.encoding, 'Tệp gốc là văn bản đã bị chuyển sai bảng mã:');
  const better = best.evidence.known - asIs.known;
  if (asIs.words >= MIN_WORDS && asIs.known < 0.6 && better >= CLEAR_MARGIN) {
    throw new SeedError(
      file,
      null,
      `reads as mis-encoded text: only ${percent(asIs.known)} of its words are Vietnamese as written, ${percent(best.evidence.known)} when read as ${best.encoding}, ` +
        'too few to repair it safely. Convert the original file to UTF-8 (Unikey\'s converter, say) and add it again.',
    );
  }
  return plain;
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
  if (hasBom) return bytes;
  // Copied in two blocks: spreading a file's bytes into an array took seconds at thousands of seeds.
  const out = new Uint8Array(UTF8_BOM.length + bytes.length);
  out.set(UTF8_BOM);
  out.set(bytes, UTF8_BOM.length);
  return out;
}
