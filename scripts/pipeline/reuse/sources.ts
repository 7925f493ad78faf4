// What a plan is compared with, shared by the build and the pages (no file access here:
// the pages bundle it).
import { RESOLUTION_KEY, type MatchClass, type ParagraphMatch } from '../../contract/schemas/reuse.ts';

export { RESOLUTION_DOC_ID, RESOLUTION_KEY } from '../../contract/schemas/reuse.ts';

/** Classes from least to most copied. */
export const RANK: Record<MatchClass, number> = { own: 0, adapted: 1, reused: 2 };

/** A paragraph's strongest copy: the most copied class, then the highest score; parents before the resolution. */
export function strongestMatch(matches: Record<string, ParagraphMatch>, parents: string[]): ParagraphMatch | null {
  const order = [...parents, RESOLUTION_KEY];
  let best: ParagraphMatch | null = null;
  for (const key of order) {
    const m = matches[key];
    if (!m || m.class === 'own') continue;
    if (!best || RANK[m.class] > RANK[best.class] || (m.class === best.class && m.score > best.score)) best = m;
  }
  return best;
}
