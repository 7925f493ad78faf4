// Markdown-style emphasis in a paragraph → plain text + spans.
// Only balanced markers around text count; a lone "*" (the star under a
// committee's name) stays as a character of the text.
import type { EmphasisSpan } from './types.ts';

export interface PlainText {
  text: string;
  emphasis: EmphasisSpan[];
}

const MARKERS: { marker: string; kind: EmphasisSpan['kind'] }[] = [
  { marker: '**', kind: 'strong' },
  { marker: '*', kind: 'em' },
];

/**
 * Find the closing marker for an opening one at `from`; the enclosed text must not start
 * with a space, and should not end with one: portal conversions write "**DÂN **" and
 * "*(lúa, xoài) *ứng dụng", so a closer after a space is taken when there is no other.
 */
function findClose(raw: string, from: number, marker: string): number {
  const inner = from + marker.length;
  if (inner >= raw.length || /\s/.test(raw[inner]!)) return -1;
  let afterSpace = -1;
  let i = raw.indexOf(marker, inner + 1);
  while (i >= 0) {
    const beforeIsSpace = /\s/.test(raw[i - 1]!);
    // "*" must not be part of "**" when we look for a single marker
    const isPartOfDouble = marker === '*' && (raw[i + 1] === '*' || raw[i - 1] === '*');
    if (!isPartOfDouble) {
      if (!beforeIsSpace) return i;
      if (afterSpace < 0) afterSpace = i;
    }
    i = raw.indexOf(marker, i + 1);
  }
  return afterSpace;
}

export function stripEmphasis(raw: string): PlainText {
  let text = '';
  const emphasis: EmphasisSpan[] = [];
  const open: { kind: EmphasisSpan['kind']; start: number; closeAt: number; marker: string }[] = [];
  let i = 0;
  while (i < raw.length) {
    const top = open[open.length - 1];
    if (top && i === top.closeAt) {
      open.pop();
      if (text.length > top.start) emphasis.push({ kind: top.kind, start: top.start, end: text.length });
      i += top.marker.length;
      continue;
    }
    let consumed = false;
    if (raw[i] === '*') {
      for (const { marker, kind } of MARKERS) {
        if (!raw.startsWith(marker, i)) continue;
        const close = findClose(raw, i, marker);
        if (close > 0 && (!top || close < top.closeAt)) {
          open.push({ kind, start: text.length, closeAt: close, marker });
          i += marker.length;
          consumed = true;
        }
        break;
      }
    }
    if (!consumed) {
      // the text up to the next "*" (every marker and closer is one) as it is
      const next = raw.indexOf('*', i + 1);
      const end = next < 0 ? raw.length : next;
      text += raw.slice(i, end);
      i = end;
    }
  }
  emphasis.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, emphasis };
}
