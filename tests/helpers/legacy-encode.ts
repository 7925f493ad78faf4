// Test fixtures in the encodings real offices used before Unicode, made from real seeds:
// the inverse of the tables in content/encodings/ (TCVN3, VNI) and of the WHATWG
// windows-1258 and windows-1252 decoders. Characters an encoding cannot hold become "?".
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const table = (name: string) => JSON.parse(readFileSync(new URL(`content/encodings/${name}`, root), 'utf8'));

function byteMap(encoding: string): Map<string, number> {
  const decoder = new TextDecoder(encoding);
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(new Uint8Array([b]));
    if (!map.has(ch)) map.set(ch, b);
  }
  return map;
}
const CP1252 = byteMap('windows-1252');
const CP1258 = byteMap('windows-1258');
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;

/** TCVN3 (ABC): capitals outside its seven (Ă Â Ê Ô Ơ Ư Đ) are written with the lower-case code, as a .VnTimeH font does. */
export function toTcvn3(text: string): Uint8Array {
  const inverse = new Map<string, number>(Object.entries(table('tcvn3.json').bytes as Record<string, string>).map(([b, c]) => [c, parseInt(b, 16)]));
  return new Uint8Array([...text.normalize('NFC')].map((c) => inverse.get(c) ?? inverse.get(c.toLowerCase()) ?? CP1252.get(c) ?? 63));
}

export function toVni(text: string): Uint8Array {
  const inverse = new Map<string, string>(Object.entries(table('vni-windows.json').sequences as Record<string, string>).map(([k, v]) => [v, k]));
  const chars = [...text.normalize('NFC')].map((c) => inverse.get(c) ?? c).join('');
  return new Uint8Array([...chars].map((c) => CP1252.get(c) ?? 63));
}

/** Windows-1258: a letter it lacks is written as its base letter and a combining tone mark. */
export function toCp1258(text: string): Uint8Array {
  const out: number[] = [];
  for (const c of text.normalize('NFC')) {
    const direct = CP1258.get(c);
    if (direct !== undefined) { out.push(direct); continue; }
    const nfd = c.normalize('NFD');
    const base = nfd.replace(TONE, '').normalize('NFC');
    const mark = nfd.match(TONE)?.[0] ?? '';
    const pair = [CP1258.get(base), CP1258.get(mark)];
    out.push(...(pair.every((b) => b !== undefined) ? (pair as number[]) : [63]));
  }
  return new Uint8Array(out);
}

/** Bytes shown as windows-1252 text and saved as UTF-8: what a wrong conversion leaves behind. */
export function misreadAsCp1252(bytes: Uint8Array): Uint8Array {
  return new TextEncoder().encode(new TextDecoder('windows-1252').decode(bytes));
}
