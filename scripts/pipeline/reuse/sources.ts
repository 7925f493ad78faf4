// What a plan is compared with, shared by the build and the pages (no file access here:
// the pages bundle it).
import type { MatchClass, ParagraphMatch } from '../../contract/schemas/reuse.ts';

/** The document id and the key (in `sources`, in URLs) of Resolution 57. */
export const RESOLUTION_DOC_ID = '57-NQ/TW';
export const RESOLUTION_KEY = 'nghi-quyet-57';

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
