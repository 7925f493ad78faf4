// Pure helpers the search page uses to merge Pagefind runs and shape results.
import { foldVi } from './query.ts';

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

/**
 * The paragraphs to show for a page, best first: scored on their own text by
 * `paragraphScore`, ties kept in document order; at most `max`. With
 * `phraseOnly`, only paragraphs holding the words together (a quoted query).
 */
export function topParagraphs<T extends { text: string; url?: string }>(subs: T[], words: string[], max: number, phraseOnly = false): T[] {
  const scored = subs
    .map((s, i) => ({ s, i, ...paragraphScore(s.text, words) }))
    .filter((x) => x.score > 0 && (!phraseOnly || x.phrase));
  // A restored paragraph is indexed twice under one anchor: restored, then as scanned.
  // The scan is shown only when the restored text does not match (the scan's plain
  // letters would otherwise win every unaccented query).
  const seen = new Set<string>();
  return scored
    .filter((x) => (x.s.url === undefined ? true : seen.has(x.s.url) ? false : (seen.add(x.s.url), true)))
    .sort((a, b) => b.score - a.score || a.i - b.i)
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
  const segments: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else segments.push({ text: piece.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), mark });
  }
  return joinParts(segments);
}

/** The page a record belongs to: a plan section's URL is the plan's with the section's first paragraph as fragment. */
export const recordPage = (url: string): string => url.replace(/#.*$/, '');

/** "2025-02-19" → "19/02/2025" for the result cards. */
export { formatIsoDate as formatDate } from '../format.ts';

/** Folded syllables of a text ("Đồng Tháp," → ["dong", "thap"]); "30%", "R&D" and "57-NQ/TW" stay one token. */
export function foldedTokens(text: string): string[] {
  return foldVi(text)
    .split(/[^\p{L}\p{N}%&/-]+/u)
    .map((t) => t.replace(/^[-/&]+|[-/&]+$/g, ''))
    .filter(Boolean);
}

/**
 * How well one paragraph answers the query, from its text: the words standing
 * together (as a phrase, marks and đ folded) count most, then how many of the
 * query's words it holds, then how many it holds spelled exactly as typed.
 */
export function paragraphScore(text: string, words: string[]): { phrase: boolean; score: number } {
  const tokens = foldedTokens(text);
  const q = words.flatMap(foldedTokens);
  if (!q.length) return { phrase: false, score: 0 };
  let phrases = 0;
  for (let i = 0; i + q.length <= tokens.length; i++) if (q.every((w, k) => tokens[i + k] === w)) phrases++;
  const present = new Set(tokens);
  const covered = new Set(q.filter((w) => present.has(w))).size;
  const exactText = text.normalize('NFC').toLowerCase();
  const exact = words.filter((w) => exactText.includes(w.normalize('NFC').toLowerCase())).length;
  return { phrase: phrases > 0, score: Math.min(phrases, 3) * 100 + covered * 10 + exact };
}

export interface Excerpt {
  parts: ExcerptPart[];
  /** Words were cut before / after the excerpt. */
  before: boolean;
  after: boolean;
}

/**
 * An excerpt of a paragraph around the query: centred on the first place the
 * words stand together, else on the window holding most of them; words whose
 * folded form is a query word are marked (so "dong thap" marks "Đồng Tháp").
 */
export function paragraphExcerpt(text: string, words: string[], length = 34): Excerpt {
  const tokens = text.split(/\s+/).filter(Boolean);
  const wanted = new Set(words.flatMap(foldedTokens));
  const hit = tokens.map((t) => foldedTokens(t).some((f) => wanted.has(f)));
  const q = words.flatMap(foldedTokens);
  const folded = tokens.map((t) => foldedTokens(t).join(' '));
  let start = -1;
  for (let i = 0; start < 0 && i + q.length <= tokens.length; i++) if (q.length > 1 && folded.slice(i, i + q.length).join(' ') === q.join(' ')) start = i;
  if (start >= 0) start = Math.max(0, start - Math.floor((length - q.length) / 3));
  else {
    let best = -1;
    for (let i = 0; i < Math.max(1, tokens.length - length + 1); i++) {
      const n = hit.slice(i, i + length).filter(Boolean).length;
      if (n > best) [best, start] = [n, i];
    }
    start = Math.max(0, start);
  }
  start = Math.min(start, Math.max(0, tokens.length - length));
  const end = Math.min(tokens.length, start + length);
  const segments: ExcerptPart[] = [];
  for (let i = start; i < end; i++) {
    if (i > start) segments.push({ text: ' ', mark: false });
    // Punctuation around a matched word stays outside the highlight.
    const [, pre = '', core = '', post = ''] = hit[i] ? /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}%]*)$/u.exec(tokens[i]!)! : [];
    if (hit[i] && core) segments.push({ text: pre, mark: false }, { text: core, mark: true }, { text: post, mark: false });
    else segments.push({ text: tokens[i]!, mark: false });
  }
  return { parts: joinParts(segments), before: start > 0, after: end < tokens.length };
}

/** Merges neighbouring parts of the same kind; marks separated by one space become one. */
function joinParts(segments: ExcerptPart[]): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  for (const seg of segments) {
    if (!seg.text) continue;
    const last = parts[parts.length - 1];
    if (last && last.mark === seg.mark) last.text += seg.text;
    else parts.push({ ...seg });
  }
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

/**
 * True when the text holds every query word as a whole folded syllable: a
 * syllable of a longer name ("hóa" in "Khánh Hòa", "ha" of "hạ tầng") never
 * stands for the word, and Pagefind's prefix matches ("noi" → "nội dung") are dropped.
 */
export function holdsEveryWord(text: string, words: string[]): boolean {
  const present = new Set(foldedTokens(text));
  return words.flatMap(foldedTokens).every((w) => present.has(w));
}

/**
 * A screen of results with the pages whose title holds every query word first (a plan
 * titled "… IoT trong các khu công nghiệp" is about "IoT khu công nghiệp"; one that
 * mentions both in a paragraph is not), each group in rank order.
 */
export function titledFirst<T>(results: T[], title: (r: T) => string, words: string[]): T[] {
  const about = results.filter((r) => holdsEveryWord(title(r), words));
  return [...about, ...results.filter((r) => !about.includes(r))];
}

/** Estimated bytes of a first query over bundles: each bundle's fixed part plus one index chunk a word. */
export function queryBytes(bundles: { fixedBytes: number; chunkBytes: number }[], words: number): number {
  return bundles.reduce((n, b) => n + b.fixedBytes + b.chunkBytes * Math.max(1, words), 0);
}
