// Indexed candidate lookup (SymSpell style): every inventory syllable is
// indexed by its folded letters and by all strings obtained by deleting up to
// two of them; a scanned token looks up its own deletions, so candidates within
// two edits of its folded form are found without scanning the inventory.
import { levenshtein } from './align.ts';
import { intendedCodes } from './alphabet.ts';
import { fold, toKey } from './syllable.ts';

export interface Entry {
  surface: string;
  key: string;
  /** The surface as channel character ids, prepared once. */
  codes: Int32Array | null;
}



const MAX_EDITS = 2;
const FAR_KEEP = 25;

function deletions(s: string, depth: number, out: Set<string>): void {
  out.add(s);
  if (depth === 0 || s.length === 0) return;
  for (let i = 0; i < s.length; i++) deletions(s.slice(0, i) + s.slice(i + 1), depth - 1, out);
}

export class CandidateIndex {
  /** folded form → syllable surfaces with that folding */
  private readonly byFold = new Map<string, Entry[]>();
  private readonly index = new Map<string, string[]>();

  /** How often the clean plans use any syllable of each folding: breaks ties among far candidates. */
  private readonly weight: Map<string, number>;

  constructor(surfaces: Iterable<string>, weight: (surface: string) => number = () => 0) {
    this.weight = new Map();
    for (const s of surfaces) {
      const f = fold(s);
      const list = this.byFold.get(f);
      const entry = { surface: s, key: toKey(s), codes: intendedCodes(s) };
      if (list) list.push(entry);
      else this.byFold.set(f, [entry]);
      this.weight.set(f, (this.weight.get(f) ?? 0) + weight(s));
    }
    for (const f of this.byFold.keys()) {
      const dels = new Set<string>();
      deletions(f, MAX_EDITS, dels);
      for (const d of dels) {
        const list = this.index.get(d);
        if (list) list.push(f);
        else this.index.set(d, [f]);
      }
    }
  }

  /**
   * Surfaces whose folded form is within two edits of the folded token (one for
   * one- or two-glyph tokens): all of the nearest distance, and up to FAR_KEEP of
   * those one edit further that the clean plans actually use ("mai" → "mới").
   */
  lookup(token: string, maxEdits = MAX_EDITS): Array<[string, number]> {
    const f = fold(token);
    const limit = f.length <= 2 ? Math.min(1, maxEdits) : maxEdits;
    const dels = new Set<string>();
    deletions(f, limit, dels);
    const folds = new Set<string>();
    for (const d of dels) for (const c of this.index.get(d) ?? []) folds.add(c);
    const near: Array<[string, number]> = [];
    let min = limit;
    for (const c of folds) {
      const dist = levenshtein(f, c, limit);
      if (dist > limit) continue;
      near.push([c, dist]);
      min = Math.min(min, dist);
    }
    const far = near
      .filter(([c, d]) => d === min + 1 && (this.weight.get(c) ?? 0) > 0)
      .sort((a, b) => (this.weight.get(b[0]) ?? 0) - (this.weight.get(a[0]) ?? 0))
      .slice(0, FAR_KEEP);
    return [...near.filter(([, d]) => d === min), ...far];
  }

  /** Whether the clean plans use any syllable with this folding. */
  used(folded: string): boolean {
    return (this.weight.get(folded) ?? 0) > 0;
  }

  /** The inventory syllables with this folding. */
  surfaces(folded: string): readonly Entry[] {
    return this.byFold.get(folded) ?? [];
  }
}
