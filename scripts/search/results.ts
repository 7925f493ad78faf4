// Pure helpers the search page uses to merge Pagefind runs and shape results.

export interface Hit {
  id: string;
  score: number;
}

export interface Run<T extends Hit> {
  /** How much this run's scores count (1 = the query as typed). */
  weight: number;
  results: T[];
}

/** Merges runs of query variants: one entry per page, its best weighted score, best first. */
export function mergeRuns<T extends Hit>(runs: Run<T>[]): { hit: T; score: number }[] {
  const best = new Map<string, { hit: T; score: number }>();
  for (const run of runs) {
    for (const hit of run.results) {
      const score = hit.score * run.weight;
      const prev = best.get(hit.id);
      if (!prev || score > prev.score) best.set(hit.id, { hit, score });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/**
 * Puts pages where the words stand together (Pagefind's phrase search) before
 * pages that only contain them apart, keeping each group in score order.
 * Pagefind scores every phrase hit alike, so the order comes from the loose run.
 * With `only`, pages without the phrase are dropped (a quoted query).
 */
export function preferPhrase<T extends Hit>(loose: { hit: T; score: number }[], phraseIds: Set<string>, only = false) {
  const together = loose.filter((l) => phraseIds.has(l.hit.id));
  return only ? together : [...together, ...loose.filter((l) => !phraseIds.has(l.hit.id))];
}

export interface ScoredLocation {
  balanced_score: number;
  location: number;
}

/** Longest run of matched words standing next to each other. */
export function longestRun(locations: ScoredLocation[]): number {
  const ls = [...new Set(locations.map((l) => l.location))].sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  ls.forEach((l, i) => {
    run = i > 0 && l === ls[i - 1]! + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return best;
}

/**
 * The paragraphs to show for a page: those where more query words stand
 * together first, then the higher match score; at most `max`, and only those
 * with a run of at least `minRun` words (the phrase length for a quoted query).
 */
export function topSubResults<S extends { weighted_locations?: ScoredLocation[] }>(subs: S[], max: number, minRun = 1): S[] {
  return subs
    .map((s, i) => {
      const ls = s.weighted_locations ?? [];
      return { s, i, run: longestRun(ls), score: ls.reduce((n, l) => n + l.balanced_score, 0) };
    })
    .filter((x) => x.score > 0 && x.run >= minRun)
    .sort((a, b) => b.run - a.run || b.score - a.score || a.i - b.i)
    .slice(0, max)
    .map((x) => x.s);
}

export type ExcerptPart = { text: string; mark: boolean };

/**
 * Splits a Pagefind excerpt into plain text and highlighted parts. Pagefind
 * escapes only < and > in the text and wraps matches in <mark>; the parts are
 * meant for textContent, never innerHTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else if (piece) {
      const text = piece.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
      const last = parts[parts.length - 1];
      if (last && last.mark === mark) last.text += text;
      else parts.push({ text, mark });
    }
  }
  // Adjacent marks separated by a space read as one highlighted phrase.
  return parts.reduce<ExcerptPart[]>((out, p) => {
    const a = out[out.length - 1];
    const b = out[out.length - 2];
    if (p.mark && a && !a.mark && a.text === ' ' && b?.mark) {
      out.pop();
      b.text += ` ${p.text}`;
    } else out.push(p);
    return out;
  }, []);
}

/** "2025-02-19" → "19/02/2025"; anything else unchanged. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
