// The comparator of a value, read from the words right before it ("đạt trên",
// "tối thiểu", "≥", "chiếm hơn") and after it ("trở lên").

import type { CompiledLexicon } from './lexicon.ts';
import type { Comparator } from './types.ts';
import type { RawValue } from './numbers.ts';

export interface Chain {
  /** Offset (in the string given) where the comparator words start. */
  start: number;
  comparator: Comparator | null;
}

const STRENGTH: Record<Comparator, number> = { '>=': 3, '>': 3, '<=': 3, '<': 3, '=': 1, range: 4 };

/** The run of comparator words that ends `foldedBefore`, and the comparator it states. */
export function readChain(foldedBefore: string, lx: CompiledLexicon): Chain {
  // A chain is a few words long: look at the end of the text only.
  const offset = Math.max(0, foldedBefore.length - 60);
  const m = lx.chainAtEnd.exec(foldedBefore.slice(offset));
  if (!m || m[0].trim() === '') return { start: foldedBefore.length, comparator: null };
  let best: Comparator | null = null;
  for (const w of m[0].matchAll(lx.comparatorWord)) {
    const word = w[0].replace(/\s+/g, ' ');
    const c = lx.comparatorOf.get(word) ?? symbolComparator(word);
    // The strongest word wins: "tối thiểu đạt" is >=, "đạt trên" is >.
    if (c && (!best || STRENGTH[c] > STRENGTH[best])) best = c;
  }
  return { start: offset + m.index, comparator: best };
}

function symbolComparator(word: string): Comparator | null {
  switch (word) {
    case '≥': case '>=': return '>=';
    case '≤': case '<=': return '<=';
    case '>': return '>';
    case '<': return '<';
    default: return null;
  }
}

/** Final comparator of a value: ranges and ranks first, then words after, then words before. */
export function comparatorFor(value: RawValue, chain: Chain): Comparator {
  if (value.valueMax != null) return 'range';
  if (value.rank === 'group') return '<=';
  if (value.postfix) return value.postfix;
  return chain.comparator ?? '=';
}
