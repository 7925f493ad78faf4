// Reads a query against the direct-answer table (answers.ts), before any
// full-text search: which words name a place, a level or a document type (they
// become filters, shown as removable chips), whether a named place has no plan in
// the library, and which indicators, plans and cited documents answer it directly.
// Pure: the search page and the tests call it with the table and the words.
import type { AnswerTable, LocalityEntry } from './table.ts';
import { foldedTokens } from './results.ts';

export interface QueryReading {
  /** A place in the library the query names: its plans are the filter. */
  locality: LocalityEntry | null;
  /** Other localities of the same name (communes' names repeat across provinces): the query's province words, if any, chose `locality`. */
  namesakes: LocalityEntry[];
  /** A place the query names that has no plan in the library (shown as such, never searched). */
  missingPlace: string | null;
  /** The province bundle to search, chosen from the place named (a bundle key), or null. */
  bundle: string | null;
  level: string | null;
  type: string | null;
  /** The words left for the full-text search, as typed. */
  rest: string[];
  indicators: AnswerTable['indicators'];
  /** Plans by number, with their locality's name (titles are in the bundles' cards). */
  plans: { id: string; number: string; locality: string | null }[];
  documents: AnswerTable['documents'];
}

/** Folded syllables of a name, as one string ("Đồng Tháp" → "dong thap"). */
const key = (s: string) => foldedTokens(s).join(' ');
/** Words after a level word that make it part of a name, not a level ("tỉnh ủy", "xã hội"). */
const NOT_A_LEVEL_AFTER = new Set(['uy', 'hoi']);
/** At most this many answers of each kind are shown. */
export const MAX_ANSWERS = 3;

/**
 * Finds the longest name (of `names`, folded) starting at word `i`; returns the
 * number of words it spans and the entry, or null. `words` are folded words.
 */
function nameAt<T>(words: string[], i: number, names: Map<string, T>, longest: number): [number, T] | null {
  for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
    const hit = names.get(words.slice(i, i + n).join(' '));
    if (hit !== undefined) return [n, hit];
  }
  return null;
}

/** Folded name → value, the first of each name kept, or `merge`d with the next ones. */
function nameMap<T>(entries: [string, T][], merge?: (kept: T, next: T) => void): { map: Map<string, T>; longest: number } {
  const map = new Map<string, T>();
  let longest = 1;
  for (const [name, v] of entries) {
    const k = key(name);
    if (!k) continue;
    const kept = map.get(k);
    if (kept !== undefined) {
      merge?.(kept, v);
      continue;
    }
    map.set(k, v);
    longest = Math.max(longest, k.split(' ').length);
  }
  return { map, longest };
}

/** A place a query can name: the localities of one name (namesakes of several provinces), or a province by one of its names. */
type Place = { kind: 'locality'; entries: LocalityEntry[] } | { kind: 'province'; name: string; bundle: string };

export function readQuery(table: AnswerTable, words: string[]): QueryReading {
  // One folded word per typed word ("Thuận," → "thuan"); a word of several tokens keeps them joined.
  const folded = words.map(key);
  // A name (with or without its level) means every locality of that name, in the table's order.
  const places = nameMap<Place>(
    [
      ...table.localities.flatMap((l) => [l.name, ...(l.level ? [`${l.level} ${l.name}`] : [])].map((n): [string, Place] => [n, { kind: 'locality', entries: [l] }])),
      ...table.provinces.flatMap((p) => p.names.map((n): [string, Place] => [n, { kind: 'province', name: n, bundle: p.bundle }])),
    ],
    (kept, next) => {
      if (kept.kind === 'locality' && next.kind === 'locality') kept.entries.push(...next.entries);
    },
  );
  const provinces = nameMap(table.provinces.flatMap((p) => p.names.map((n): [string, AnswerTable['provinces'][number]] => [n, p])));
  const levels = nameMap(table.levels.map((l): [string, string] => [l, l]));
  const types = nameMap(table.types.map((t): [string, string] => [t, t]));
  const reading: QueryReading = { locality: null, namesakes: [], missingPlace: null, bundle: null, level: null, type: null, rest: [], indicators: [], plans: [], documents: [] };
  const used = new Array<boolean>(words.length).fill(false);
  const take = (i: number, n: number) => used.fill(true, i, i + n);
  // Namesakes: a province named elsewhere in the query ("tân phú đồng tháp") says which (its words are taken); else the first.
  const namesakeIn = (entries: LocalityEntry[], at: number, length: number): LocalityEntry => {
    for (let j = 0; j < words.length; j++) {
      if (used[j] || (j >= at && j < at + length)) continue;
      const hit = nameAt(folded, j, provinces.map, provinces.longest);
      const entry = hit && (entries.find((e) => e.province !== null && hit[1].names.includes(e.province)) ?? entries.find((e) => e.bundle === hit[1].bundle));
      if (entry) {
        take(j, hit[0]);
        return entry;
      }
    }
    return entries[0]!;
  };
  for (let i = 0; i < words.length; i++) {
    const hit = nameAt(folded, i, places.map, places.longest);
    if (!hit || reading.locality || reading.missingPlace) continue;
    const [n, place] = hit;
    if (place.kind === 'locality') {
      const chosen = place.entries.length > 1 ? namesakeIn(place.entries, i, n) : place.entries[0]!;
      [reading.locality, reading.bundle] = [chosen, chosen.bundle];
      reading.namesakes = place.entries.filter((e) => e !== chosen);
    } else {
      const own = table.localities.find((l) => key(l.name) === key(place.name));
      if (own) [reading.locality, reading.bundle] = [own, own.bundle];
      else reading.missingPlace = place.name;
    }
    take(i, n);
    i += n - 1;
  }
  // A level or type is a filter only beside other words (or a place): "kế hoạch" alone is a search;
  // and only at either end of the query (or after "cấp"): inside, it is part of a phrase ("hợp tác xã").
  const beside = (n: number) => reading.locality !== null || words.length - used.filter(Boolean).length - n > 0;
  const atEdge = (i: number, n: number) => i === 0 || i + n === words.length || folded[i - 1] === 'cap' || used[i - 1] === true;
  for (let i = 0; i < words.length; i++) {
    if (used[i]) continue;
    const type = nameAt(folded, i, types.map, types.longest);
    if (type && !reading.type && beside(type[0]) && atEdge(i, type[0])) {
      reading.type = type[1];
      take(i, type[0]);
      i += type[0] - 1;
      continue;
    }
    const level = nameAt(folded, i, levels.map, levels.longest);
    if (level && !reading.level && beside(level[0]) && atEdge(i, level[0]) && !NOT_A_LEVEL_AFTER.has(folded[i + level[0]] ?? '')) {
      reading.level = level[1];
      take(i, level[0]);
      if (folded[i - 1] === 'cap') take(i - 1, 1);
      i += level[0] - 1;
    }
  }
  reading.rest = words.filter((_, i) => !used[i]);
  const rest = reading.rest.map(key).filter(Boolean);
  const restText = rest.join(' ');
  if (!rest.length) return reading;
  // Indicators: the words stand together in one of its names or phrasings; a single
  // word must be the whole of one ("5G" matches "phủ sóng 5G", "so" matches nothing).
  // Or a name or phrasing of two words or more stands whole in the query ("thanh toán không dùng tiền mặt").
  const inside = (k: string) =>
    (rest.length > 1 || /\d|&/.test(restText) ? ` ${k} `.includes(` ${restText} `) : k === restText) ||
    (k.includes(' ') && ` ${restText} `.includes(` ${k} `));
  reading.indicators = table.indicators
    .map((ind) => ({ ind, keys: [ind.short, ind.name, ...ind.keys].map(key) }))
    .filter((x) => x.keys.some(inside))
    .sort((a, b) => Math.min(...a.keys.filter(inside).map((k) => k.length)) - Math.min(...b.keys.filter(inside).map((k) => k.length)))
    .slice(0, MAX_ANSWERS)
    .map((x) => x.ind);
  // Numbers: "319-CTr/TU" is that document; "319" alone any number starting with it.
  const numbers = rest.filter((w) => /\d/.test(w));
  const numberMatch = (n: string | null) => !!n && numbers.some((w) => key(n) === w || key(n).startsWith(`${w}-`) || key(n).startsWith(`${w}/`));
  reading.plans = table.plans
    .filter(([, number]) => numberMatch(number))
    .slice(0, MAX_ANSWERS)
    .map(([id, number, li]) => ({ id, number, locality: table.localities[li]?.name ?? null }));
  // Cited documents by number, or by title when the words are a run of it ("luật dữ liệu").
  reading.documents = table.documents
    .filter((d) => numberMatch(d.number) || (rest.length > 1 && !numbers.length && ` ${key(d.title)} `.includes(` ${restText} `)))
    .slice(0, MAX_ANSWERS);
  return reading;
}
