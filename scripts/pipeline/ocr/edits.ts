// Token replacements applied to a text, and offsets carried across them.
import type { Span } from '../types.ts';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Restored {
  text: string;
  uncertain: Span[];
  changed: number;
  edits: Edit[];
}

/** Applies token replacements and moves the uncertain spans to the new offsets. */
export function applyEdits(text: string, edits: Edit[], uncertain: Span[]): Restored {
  let out = '';
  let last = 0;
  for (const e of edits) {
    out += text.slice(last, e.start) + e.text;
    last = e.end;
  }
  out += text.slice(last);
  return {
    text: out,
    uncertain: uncertain.map((s) => ({ start: mapOffset(s.start, edits), end: mapOffset(s.end, edits) })),
    changed: edits.length,
    edits,
  };
}

/** New offset of an old offset; inside an edited token it snaps to the token's ends. */
export function mapOffset(pos: number, edits: Edit[], side: 'start' | 'end' = 'start'): number {
  let delta = 0;
  for (const e of edits) {
    if (e.end <= pos) delta += e.text.length - (e.end - e.start);
    else if (e.start < pos) return side === 'start' ? e.start + delta : e.start + delta + e.text.length;
    else break;
  }
  return pos + delta;
}

