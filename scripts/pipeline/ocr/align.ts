// Free labelled data: scans repeat long boilerplate phrases that clean plans
// contain verbatim ("đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo
// và chuyển đổi số quốc gia"). Anchored on a run of tokens whose folded letters
// agree, a scanned phrase is aligned token by token with its clean twin, which
// yields (intended syllable, scanned token) pairs to learn the channel from.
import type { Pair } from './confusion.ts';
import { fold } from './syllable.ts';
import { tokenize } from './tokenize.ts';

interface Tok {
  raw: string; // lowercase
  folded: string;
  prot: boolean;
}

const MIN_RUN = 8;
const ANCHOR = 3;

function toks(text: string): Tok[] {
  return tokenize(text).map((t) => {
    const raw = t.text.toLowerCase();
    return { raw, folded: fold(raw), prot: t.kind === 'protected' };
  });
}

/** Edit distance, giving up (returning limit + 1) once it must exceed `limit`. */
let rowA = new Int32Array(32);
let rowB = new Int32Array(32);

export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rowA.length <= b.length) [rowA, rowB] = [new Int32Array(b.length * 2 + 2), new Int32Array(b.length * 2 + 2)];
  // two reused rows: this runs for every candidate folding of every token
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

function compatible(s: Tok, c: Tok): boolean {
  if (s.prot || c.prot) return s.prot && c.prot;
  const limit = c.folded.length <= 2 ? 1 : 2;
  return levenshtein(s.folded, c.folded) <= limit;
}

/** Pairs mined from every scan against every clean text. */
export function minePairs(scans: string[], cleanTexts: string[]): Pair[] {
  const clean = cleanTexts.map(toks);
  const index = new Map<string, Array<[number, number]>>();
  clean.forEach((doc, d) => {
    for (let i = 0; i + ANCHOR <= doc.length; i++) {
      const key = doc.slice(i, i + ANCHOR).map((t) => (t.prot ? '#' : t.folded)).join(' ');
      const list = index.get(key) ?? [];
      list.push([d, i]);
      index.set(key, list);
    }
  });
  const pairs: Pair[] = [];
  for (const scan of scans.map(toks)) {
    let i = 0;
    while (i + ANCHOR <= scan.length) {
      const key = scan.slice(i, i + ANCHOR).map((t) => (t.prot ? '#' : t.folded)).join(' ');
      let best: { d: number; c: number; len: number } | null = null;
      for (const [d, c] of (index.get(key) ?? []).slice(0, 50)) {
        let len = 0;
        while (i + len < scan.length && c + len < clean[d].length && compatible(scan[i + len], clean[d][c + len])) len++;
        if (!best || len > best.len) best = { d, c, len };
      }
      if (!best || best.len < MIN_RUN) {
        i++;
        continue;
      }
      for (let k = 0; k < best.len; k++) {
        const s = scan[i + k];
        const c = clean[best.d][best.c + k];
        if (!s.prot) pairs.push({ intended: c.raw, scanned: s.raw });
      }
      i += best.len;
    }
  }
  return pairs;
}
