// Abbreviations explained (content/glossary/abbreviations.json): where a text uses them,
// and a text cut into plain pieces and abbreviations (for <abbr title>).
import { z } from 'zod';
import raw from '../../content/glossary/abbreviations.json' with { type: 'json' };

const Abbreviation = z.object({ abbr: z.string().min(1), expansion: z.string().min(1), source: z.string().min(1) });
export type Abbreviation = z.infer<typeof Abbreviation>;

export const glossary: Abbreviation[] = z.object({ abbreviations: z.array(Abbreviation) }).parse(raw).abbreviations;
const byAbbr = new Map(glossary.map((a) => [a.abbr, a]));

// Whole tokens only ("DN" not inside "DNNVV"), longest first.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const pattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...byAbbr.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** The abbreviations `texts` use, in glossary order. */
export function abbreviationsIn(...texts: string[]): Abbreviation[] {
  const used = new Set(texts.flatMap((t) => [...t.matchAll(pattern)].map((m) => m[1]!)));
  return glossary.filter((a) => used.has(a.abbr));
}

/** "Hạng ĐMST, CĐS" → ["Hạng ", ĐMST, ", ", CĐS]. */
export function splitAbbreviations(text: string): (string | Abbreviation)[] {
  return text.split(pattern).map((piece, i) => (i % 2 === 1 ? byAbbr.get(piece)! : piece)).filter((p) => p !== '');
}
