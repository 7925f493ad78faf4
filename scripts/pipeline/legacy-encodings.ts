// Vietnamese text from before Unicode: raw bytes in windows-1258, TCVN3 (ABC) or
// VNI-Windows, and the same text already mis-converted to UTF-8 (read as
// windows-1252: "CH¦¥NG TR×NH", "Vieät Nam"), and UTF-8 encoded twice ("Sá»‘").
// Each reading is scored by the share of its words that are Vietnamese
// syllables; a reading is taken only when that evidence is clear.
// The TCVN3 and VNI tables are data: content/encodings/.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadLexicon } from './ocr/lexicon.ts';
import { toKey } from './ocr/syllable.ts';

export type LegacyEncoding = 'windows-1258' | 'TCVN3' | 'VNI-Windows' | 'UTF-8 encoded twice';

/** How each legacy encoding is named for readers (report, page provenance). */
export const ENCODING_LABEL: Record<LegacyEncoding, string> = {
  'windows-1258': 'Windows-1258 (CP1258)',
  TCVN3: 'TCVN3 (ABC, phông .VnTime)',
  'VNI-Windows': 'VNI-Windows (phông VNI-Times)',
  'UTF-8 encoded twice': 'UTF-8 bị mã hoá hai lần',
};

const load = <T extends z.ZodType>(name: string, schema: T): z.infer<T> =>
  schema.parse(JSON.parse(readFileSync(new URL(`../../content/encodings/${name}`, import.meta.url), 'utf8')));

let tables: { tcvn3: Map<number, string>; vni: Map<string, string>; vniLongest: number } | null = null;
function legacyTables() {
  if (tables) return tables;
  const tcvn3 = load('tcvn3.json', z.object({ bytes: z.record(z.string().regex(/^[0-9A-F]{2}$/), z.string().length(1)) })).bytes;
  const vni = load('vni-windows.json', z.object({ sequences: z.record(z.string().min(1), z.string().min(1)) })).sequences;
  tables = {
    tcvn3: new Map(Object.entries(tcvn3).map(([b, c]) => [parseInt(b, 16), c])),
    vni: new Map(Object.entries(vni)),
    vniLongest: Math.max(...Object.keys(vni).map((k) => k.length)),
  };
  return tables;
}

const CP1252 = new TextDecoder('windows-1252');
/** Character → byte for text read as windows-1252 (or Latin-1, whose C1 controls fill windows-1252's holes). */
const CP1252_BYTE = new Map<string, number>();
for (let b = 0; b < 256; b++) {
  CP1252_BYTE.set(CP1252.decode(new Uint8Array([b])), b);
  if (b >= 0x80 && b < 0xa0 && !CP1252_BYTE.has(String.fromCharCode(b))) CP1252_BYTE.set(String.fromCharCode(b), b);
}

/** The bytes a windows-1252 reading came from; null when a character has no byte there. */
export function cp1252Bytes(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = CP1252_BYTE.get(text[i]!);
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}

/** Words split on ASCII blank space only: a mis-converted byte may read as a no-break space. */
const WORD = /[^ \t\r\n]+/g;

/** At least `min` ASCII letters, all capitals. */
const inCapitals = (text: string, min: number) => !/[a-z]/.test(text) && (text.match(/[A-Z]/g) ?? []).length >= min;

/** TCVN3 bytes → text. A word written in capitals with a .VnTimeH font uses the lower-case codes: they are raised. */
export function decodeTcvn3(bytes: Uint8Array): string {
  const { tcvn3 } = legacyTables();
  let text = '';
  for (const b of bytes) text += tcvn3.get(b) ?? CP1252.decode(new Uint8Array([b]));
  return text.replace(/[^\n]+/g, (line) =>
    inCapitals(line, 3) ? line.toUpperCase() : line.replace(WORD, (word) => (inCapitals(word, 2) ? word.toUpperCase() : word)),
  );
}

/** VNI-Windows text as read in windows-1252 → Vietnamese: a letter and its mark bytes become one letter. */
export function fromVniSequences(text: string): string {
  const { vni, vniLongest } = legacyTables();
  let out = '';
  for (let i = 0; i < text.length; ) {
    let n = Math.min(vniLongest, text.length - i);
    for (; n > 0; n--) {
      const hit = vni.get(text.slice(i, i + n));
      if (hit !== undefined) { out += hit; break; }
    }
    if (n === 0) { out += text[i]; n = 1; }
    i += n;
  }
  return out;
}

export interface VietnameseEvidence {
  /** Words (runs of letters) read. */
  words: number;
  /** Share of them that are Vietnamese syllables (0–1). */
  known: number;
}

/** How much a text reads as Vietnamese: the share of its words that are syllables of the lexicon. */
export function vietnameseEvidence(text: string): VietnameseEvidence {
  const { keys } = loadLexicon();
  const words = text.normalize('NFC').toLowerCase().match(/\p{L}+/gu) ?? [];
  const known = words.filter((w) => keys.has(toKey(w))).length;
  return { words: words.length, known: words.length ? known / words.length : 0 };
}

const isSyllables = (word: string) => {
  const letters = word.normalize('NFC').toLowerCase().match(/\p{L}+/gu);
  const { keys } = loadLexicon();
  return !!letters && letters.every((w) => keys.has(toKey(w)));
};

/**
 * Repair text read the wrong way, a line at a time (a word at a time where a line holds a character
 * the repair cannot take). A word that already reads as Vietnamese and would not after the repair
 * is kept: a converter may have got some letters right.
 */
function repairWords(text: string, repair: (text: string) => string | null): string {
  return text.replace(/[^\n]+/g, (line) => {
    const whole = repair(line);
    const words = line.match(WORD) ?? [];
    const fixedWords = whole?.match(WORD) ?? [];
    let i = 0;
    return line.replace(WORD, (word) => {
      const fixed = whole !== null && fixedWords.length === words.length ? fixedWords[i++]! : repair(word);
      if (fixed === null || fixed === word) return word;
      return isSyllables(word) && !isSyllables(fixed) ? word : fixed;
    });
  });
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Readings of a file's bytes that are not valid UTF-8. */
export function byteReadings(bytes: Uint8Array): { encoding: LegacyEncoding; text: string }[] {
  const asCp1252 = CP1252.decode(bytes);
  return [
    { encoding: 'windows-1258', text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC') },
    { encoding: 'TCVN3', text: decodeTcvn3(bytes) },
    { encoding: 'VNI-Windows', text: fromVniSequences(asCp1252) },
  ];
}

/** Readings of valid UTF-8 text that may be mojibake: legacy bytes or UTF-8 shown as windows-1252. */
export function mojibakeReadings(text: string): { encoding: LegacyEncoding; text: string }[] {
  return [
    {
      encoding: 'UTF-8 encoded twice',
      text: repairWords(text, (w) => {
        const bytes = cp1252Bytes(w);
        try { return bytes ? UTF8.decode(bytes) : null; } catch { return null; }
      }),
    },
    { encoding: 'TCVN3', text: repairWords(text, (w) => { const bytes = cp1252Bytes(w); return bytes ? decodeTcvn3(bytes) : null; }) },
    { encoding: 'VNI-Windows', text: repairWords(text, fromVniSequences) },
  ];
}

/** Characters of windows-1252/Latin-1 that Vietnamese text never uses: the trace of mojibake. */
const FOREIGN = /[\u0080-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2030\u2039\u203a\u20ac\u2122]/gu;

/** Count of characters that suggest mojibake (typographic quotes and dashes are left out: plans use them). */
export function foreignCharacters(text: string): number {
  return (text.match(FOREIGN) ?? []).length;
}
