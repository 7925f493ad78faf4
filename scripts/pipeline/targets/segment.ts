// Sentences (what a quote shows) and clauses (what one target's words may span) of a
// block's text, as [start, end) offsets.

export interface Range {
  start: number;
  end: number;
}

const ABBREVIATION = /(?:^|[\s(])(?:TP|Tp|TS|ThS|PGS|GS|St|v\.v)$/u;

function trimRange(text: string, start: number, end: number): Range | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** Sentences: split after ".", "!" or "?" followed by white space (not inside numbers). */
export function sentences(text: string): Range[] {
  const out: Range[] = [];
  let from = 0;
  const re = /[.!?…](?=\s)/g;
  for (const m of text.matchAll(re)) {
    if (ABBREVIATION.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    // A leading label ("2.", "a.") is not a sentence of its own.
    if (/^\s*(?:[0-9IVXLC]+|[a-zđ])$/u.test(text.slice(from, m.index))) continue;
    const r = trimRange(text, from, m.index + 1);
    if (r) out.push(r);
    from = m.index + 1;
  }
  const last = trimRange(text, from, text.length);
  if (last) out.push(last);
  return out;
}

/** Clauses of a sentence: split at ";" (each clause usually states one commitment). */
export function clauses(text: string, sentence: Range): Range[] {
  const out: Range[] = [];
  let from = sentence.start;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (text[i] === ';') {
      const r = trimRange(text, from, i);
      if (r) out.push(r);
      from = i + 1;
    }
  }
  const last = trimRange(text, from, sentence.end);
  if (last) out.push(last);
  return out;
}
