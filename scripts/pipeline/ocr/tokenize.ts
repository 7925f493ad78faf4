// Splits a paragraph into word tokens with UTF-16 offsets. Numbers, dates and
// document identifiers are tagged `protected`: the restorer never changes them.

export interface Token {
  start: number;
  end: number;
  text: string;
  kind: 'word' | 'protected';
  /** A sentence-like boundary (. ; : ! ? brackets, line break) follows this token. */
  breakAfter: boolean;
}

import { fold } from './syllable.ts';

const LEAD = new Set([...'([{"“‘\'«*•…_–—']);
const TRAIL = new Set([...',.;:!?)]}"”’\'»…*-']);
const STRONG = /[.;:!?()[\]{}\n…]/;
const ROMAN = /^[IVXLCDM]+$/;

export function isProtected(core: string): boolean {
  if (/\d/.test(core)) {
    if (/^\d+$/.test(core) || /\d\d/.test(core) || /[\/%]/.test(core) || /\d[.,:\-]\d?/.test(core) || /-\d/.test(core)) return true;
    if (/^\d+[A-Z]+$/.test(core)) return true; // 5G, 4G
  }
  if (/[\p{L}\d]\/[\p{L}\d]/u.test(core)) return true; // T/M, d/c
  // capitals without a vowel cannot be a misread syllable: acronyms such as PPP, TP, XHCN, HĐND
  if (/^[\p{Lu}&]{2,}$/u.test(core) && !/[aeiouy]/.test(fold(core))) return true;
  return ROMAN.test(core);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const chunk = m[0];
    let a = 0;
    let b = chunk.length;
    while (a < b && LEAD.has(chunk[a])) a++;
    while (b > a && TRAIL.has(chunk[b - 1])) b--;
    const lead = chunk.slice(0, a);
    const trail = chunk.slice(b);
    if (tokens.length && STRONG.test(lead)) tokens[tokens.length - 1].breakAfter = true;
    const core = chunk.slice(a, b);
    if (!/[\p{L}\d]/u.test(core)) {
      if (tokens.length && STRONG.test(chunk)) tokens[tokens.length - 1].breakAfter = true;
      continue;
    }
    const base = m.index + a;
    // "tri-xa" is two syllables; "57-NQ/TW" and "I-" are identifiers or labels
    const parts = !/\d/.test(core) && /\p{L}-\p{L}/u.test(core) ? splitHyphens(core) : [[0, core.length]];
    parts.forEach(([s, e], i) => {
      const t = core.slice(s, e);
      tokens.push({ start: base + s, end: base + e, text: t, kind: isProtected(t) ? 'protected' : 'word', breakAfter: false });
      if (i === parts.length - 1 && STRONG.test(trail)) tokens[tokens.length - 1].breakAfter = true;
    });
    if (text[re.lastIndex] === '\n') tokens[tokens.length - 1].breakAfter = true;
  }
  return tokens;
}

function splitHyphens(core: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = 0;
  for (let i = 0; i < core.length; i++) {
    if (core[i] === '-') {
      if (i > s) out.push([s, i]);
      s = i + 1;
    }
  }
  if (s < core.length) out.push([s, core.length]);
  return out;
}
