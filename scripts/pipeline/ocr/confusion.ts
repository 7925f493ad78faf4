// The OCR channel model: P(scanned characters | intended character). Each
// intended character is read as itself, as another glyph, as two glyphs
// ("ư" → "tr", "ề" → "é&") or not at all; stray glyphs may be inserted.
// Probabilities are learned from labelled (intended, scanned) syllable pairs
// by hard EM over character alignments; unseen pairs back off to the learned
// probability of their kind of relation (same letter, other diacritics, digit...).
import { fold } from './syllable.ts';
import { ALPHABET, RELS, cls, relOf, relSize } from './alphabet.ts';

const OTHER = '\u0000';
const SMOOTH = 4; // pseudo-count given to the backoff distribution

export interface Pair {
  intended: string;
  scanned: string;
}

export interface Alignment {
  cost: number;
  ops: Array<[string, string]>; // [intended char or '' for an insertion, scanned chars]
}

/** What a channel has learned, as plain data (it crosses to worker threads): every cost follows from it. */
export interface ChannelCounts {
  pairs: Array<[string, Array<[string, number]>]>;
  chars: Array<[string, number]>;
  rels: Array<[string, number]>;
  insertions: number;
  observations: number;
}

/** Learned channel with costs (−log P) laid out in typed arrays for fast alignment. */
export class Channel {
  private readonly pairCount = new Map<string, Map<string, number>>();
  private readonly charCount = new Map<string, number>();
  private readonly relCount = new Map<string, number>(); // cls|rel
  private insCount = 0;
  private obsCount = 0;
  private readonly obsIds = new Map<string, number>();
  private readonly intIds = new Map<string, number>();
  private sub = new Float64Array(0);
  private two = new Map<number, number>();
  /** Learned two-glyph readings by observed glyph pair: [intended id, cost]. */
  private twoByObs = new Map<number, Array<[number, number]>>();
  private delCost = new Float64Array(0);
  private insCost = 0;

  constructor(observedAlphabet: Iterable<string>) {
    for (const ch of [OTHER, ...ALPHABET, ...'0123456789', ...observedAlphabet]) if (!this.obsIds.has(ch)) this.obsIds.set(ch, this.obsIds.size);
    for (const ch of ALPHABET) this.intIds.set(ch, this.intIds.size);
    this.rebuild();
  }

  private prob(c: string, o: string): number {
    const k = cls(c);
    const rel = relOf(c, o);
    let clsTotal = 0;
    for (const r of RELS) clsTotal += (this.relCount.get(`${k}|${r}`) ?? 0) + 1;
    const pRel = ((this.relCount.get(`${k}|${rel}`) ?? 0) + 1) / clsTotal;
    let p0: number;
    if (rel === 'two') {
      const [a, b] = [...o];
      const single = (x: string): number => {
        const r = relOf(c, x);
        return ((this.relCount.get(`${k}|${r}`) ?? 0) + 1) / clsTotal / relSize(r, c);
      };
      p0 = (pRel * (single(a) + single(b))) / 2 / 40;
    } else p0 = pRel / relSize(rel, c);
    const n = this.pairCount.get(c)?.get(o) ?? 0;
    const total = this.charCount.get(c) ?? 0;
    return (n + SMOOTH * p0) / (total + SMOOTH);
  }

  /** Recomputes every cost from the current counts. */
  private rebuild(): void {
    const ni = this.intIds.size;
    const no = this.obsIds.size;
    this.sub = new Float64Array(ni * no);
    this.delCost = new Float64Array(ni);
    this.two = new Map();
    this.twoByObs = new Map();
    // backoff parts of an unseen two-glyph reading, so it costs arithmetic only (see unseenTwo)
    this.single0 = new Float64Array(ni * no);
    this.twoScale = new Float64Array(ni);
    for (const [c, ci] of this.intIds) {
      const k = cls(c);
      let clsTotal = 0;
      for (const r of RELS) clsTotal += (this.relCount.get(`${k}|${r}`) ?? 0) + 1;
      for (const [o, oi] of this.obsIds) {
        const r = relOf(c, o === OTHER ? '\u25a1' : o);
        this.single0[ci * no + oi] = ((this.relCount.get(`${k}|${r}`) ?? 0) + 1) / clsTotal / relSize(r, c);
      }
      const pTwo = ((this.relCount.get(`${k}|two`) ?? 0) + 1) / clsTotal;
      this.twoScale[ci] = (SMOOTH * pTwo) / 2 / 40 / ((this.charCount.get(c) ?? 0) + SMOOTH);
    }
    for (const [c, ci] of this.intIds) {
      for (const [o, oi] of this.obsIds) this.sub[ci * no + oi] = -Math.log(this.prob(c, o === OTHER ? '\u25a1' : o));
      this.delCost[ci] = -Math.log(this.prob(c, ''));
      for (const o of this.pairCount.get(c)?.keys() ?? []) {
        if ([...o].length !== 2) continue;
        const [a, b] = [...o].map((x) => this.obsIds.get(x) ?? 0);
        const cost = -Math.log(this.prob(c, o));
        this.two.set((ci * no + a) * no + b, cost);
        const list = this.twoByObs.get(a * no + b) ?? [];
        list.push([ci, cost]);
        this.twoByObs.set(a * no + b, list);
      }
    }
    this.insCost = -Math.log((this.insCount + 1) / (this.obsCount + 2) / 40);
  }

  private single0 = new Float64Array(0);
  private twoScale = new Float64Array(0);

  /** Cost of an unseen two-glyph reading: the backoff of prob(), from precomputed parts. */
  private unseenTwo(ci: number, a: number, b: number): number {
    const no = this.obsIds.size;
    return -Math.log(this.twoScale[ci] * (this.single0[ci * no + a] + this.single0[ci * no + b]));
  }

  private twoCost(_c: string, ci: number, a: string, b: string): number {
    const no = this.obsIds.size;
    const [ai, bi] = [this.obsIds.get(a) ?? 0, this.obsIds.get(b) ?? 0];
    return this.two.get((ci * no + ai) * no + bi) ?? this.unseenTwo(ci, ai, bi);
  }

  private buffer = new Float64Array(1024);

  /**
   * A cost function for one scanned token against many intended syllables given as
   * intendedCodes(); the observed side is prepared once. Only two-glyph readings learned
   * from data are tried here (an unseen one is scored as a misreading plus an extra glyph).
   */
  scorer(scanned: string): (intended: Int32Array | null, bound?: number) => number {
    const O = [...scanned];
    const no = this.obsIds.size;
    const ni = this.intIds.size;
    const oid = Int32Array.from(O, (o) => this.obsIds.get(o) ?? 0);
    const w = O.length + 1;
    const ins = this.insCost;
    // twoAt[(j-1)*ni + ci]: cost of reading intended ci as the glyphs O[j-2] O[j-1]
    const twoAt = new Float64Array(Math.max(0, O.length) * ni).fill(Infinity);
    for (let j = 2; j <= O.length; j++)
      for (const [ci, cost] of this.twoByObs.get(oid[j - 2] * no + oid[j - 1]) ?? []) twoAt[(j - 1) * ni + ci] = cost;
    return (I: Int32Array | null, bound = Infinity): number => {
      if (!I) return Infinity;
      const size = (I.length + 1) * w;
      if (this.buffer.length < size) this.buffer = new Float64Array(size * 2);
      const D = this.buffer;
      D[0] = 0;
      for (let j = 1; j <= O.length; j++) D[j] = D[j - 1] + ins;
      for (let i = 1; i <= I.length; i++) {
        const ci = I[i - 1];
        const del = this.delCost[ci];
        const subRow = ci * no;
        let rowMin = Infinity;
        for (let j = 0; j <= O.length; j++) {
          let best = D[(i - 1) * w + j] + del;
          if (j >= 1) {
            const s = D[(i - 1) * w + j - 1] + this.sub[subRow + oid[j - 1]];
            if (s < best) best = s;
            const n = D[i * w + j - 1] + ins;
            if (n < best) best = n;
            if (j >= 2) {
              const v = D[(i - 1) * w + j - 2] + twoAt[(j - 1) * ni + ci];
              if (v < best) best = v;
            }
          }
          D[i * w + j] = best;
          if (best < rowMin) rowMin = best;
        }
        if (rowMin > bound) return Infinity;
      }
      return D[I.length * w + O.length];
    };
  }

  /** Minimum-cost alignment of an intended syllable with a scanned token (both lowercase NFC). */
  align(intended: string, scanned: string, withOps = false, bound = Infinity): Alignment {
    const I = [...intended];
    const O = [...scanned];
    const no = this.obsIds.size;
    const oid = O.map((o) => this.obsIds.get(o) ?? 0);
    const w = O.length + 1;
    const D = new Float64Array((I.length + 1) * w).fill(Infinity);
    D[0] = 0;
    for (let j = 1; j <= O.length; j++) D[j] = D[j - 1] + this.insCost;
    for (let i = 1; i <= I.length; i++) {
      const c = I[i - 1];
      const ci = this.intIds.get(c);
      if (ci === undefined) return { cost: Infinity, ops: [] };
      let rowMin = Infinity;
      for (let j = 0; j <= O.length; j++) {
        let best = D[(i - 1) * w + j] + this.delCost[ci];
        if (j >= 1) {
          best = Math.min(best, D[(i - 1) * w + j - 1] + this.sub[ci * no + oid[j - 1]], D[i * w + j - 1] + this.insCost);
          if (j >= 2) best = Math.min(best, D[(i - 1) * w + j - 2] + this.twoCost(c, ci, O[j - 2], O[j - 1]));
        }
        D[i * w + j] = best;
        if (best < rowMin) rowMin = best;
      }
      if (rowMin > bound) return { cost: Infinity, ops: [] };
    }
    const cost = D[I.length * w + O.length];
    return { cost, ops: withOps ? this.backtrace(I, O, D, w) : [] };
  }

  private backtrace(I: string[], O: string[], D: Float64Array, w: number): Array<[string, string]> {
    const ops: Array<[string, string]> = [];
    const no = this.obsIds.size;
    let i = I.length;
    let j = O.length;
    const eq = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;
    while (i > 0 || j > 0) {
      const here = D[i * w + j];
      const ci = i > 0 ? this.intIds.get(I[i - 1])! : -1;
      if (i > 0 && j > 0 && eq(here, D[(i - 1) * w + j - 1] + this.sub[ci * no + (this.obsIds.get(O[j - 1]) ?? 0)])) {
        ops.push([I[i - 1], O[j - 1]]);
        i--;
        j--;
      } else if (i > 0 && j > 1 && eq(here, D[(i - 1) * w + j - 2] + this.twoCost(I[i - 1], ci, O[j - 2], O[j - 1]))) {
        ops.push([I[i - 1], O[j - 2] + O[j - 1]]);
        i--;
        j -= 2;
      } else if (i > 0 && eq(here, D[(i - 1) * w + j] + this.delCost[ci])) {
        ops.push([I[i - 1], '']);
        i--;
      } else {
        ops.push(['', O[j - 1]]);
        j--;
      }
    }
    return ops.reverse();
  }

  /**
   * Hard EM: align every pair with the current costs, recount, rebuild; a few rounds suffice.
   * A pair repeated (boilerplate mined from every scan) is aligned once and counted as often.
   */
  learn(pairs: Pair[], rounds = 3): void {
    const times = new Map<string, { pair: Pair; n: number }>();
    for (const p of pairs) {
      const key = `${p.intended}\u0000${p.scanned}`;
      const seen = times.get(key);
      if (seen) seen.n++;
      else times.set(key, { pair: p, n: 1 });
    }
    for (let r = 0; r < rounds; r++) {
      this.pairCount.clear();
      this.charCount.clear();
      this.relCount.clear();
      this.insCount = 0;
      this.obsCount = 0;
      for (const { pair, n } of times.values()) {
        const a = this.align(pair.intended, pair.scanned, true);
        if (!Number.isFinite(a.cost)) continue;
        for (const [c, o] of a.ops) {
          this.obsCount += [...o].length * n;
          if (c === '') {
            this.insCount += n;
            continue;
          }
          const m = this.pairCount.get(c) ?? new Map<string, number>();
          m.set(o, (m.get(o) ?? 0) + n);
          this.pairCount.set(c, m);
          this.charCount.set(c, (this.charCount.get(c) ?? 0) + n);
          const key = `${cls(c)}|${relOf(c, o)}`;
          this.relCount.set(key, (this.relCount.get(key) ?? 0) + n);
        }
      }
      this.rebuild();
    }
  }

  counts(): ChannelCounts {
    return {
      pairs: [...this.pairCount].map(([c, m]) => [c, [...m]]),
      chars: [...this.charCount],
      rels: [...this.relCount],
      insertions: this.insCount,
      observations: this.obsCount,
    };
  }

  /** Takes what another channel of the same alphabets learned: the same costs as that channel's. */
  useCounts(counts: ChannelCounts): void {
    this.pairCount.clear();
    for (const [c, m] of counts.pairs) this.pairCount.set(c, new Map(m));
    this.charCount.clear();
    for (const [c, n] of counts.chars) this.charCount.set(c, n);
    this.relCount.clear();
    for (const [k, n] of counts.rels) this.relCount.set(k, n);
    this.insCount = counts.insertions;
    this.obsCount = counts.observations;
    this.rebuild();
  }

  /**
   * Learned misreadings as rewrite rules on folded text (scanned glyphs → intended
   * folded letter, e.g. "6" → "o", "tr" → "u"), used to widen the candidate lookup.
   */
  rewrites(minCount = 2): Array<[string, string, number]> {
    const out = new Map<string, number>();
    for (const [c, m] of this.pairCount)
      for (const [o, k] of m) {
        const f = fold(c);
        const fo = fold(o);
        if (k < minCount || fo === f || o === '') continue;
        out.set(`${fo}\u0000${f}`, (out.get(`${fo}\u0000${f}`) ?? 0) + k);
      }
    return [...out].sort((a, b) => b[1] - a[1]).map(([k, n]) => [...(k.split('\u0000') as [string, string]), n]);
  }

  /** The most frequent learned confusions, for reports. */
  topConfusions(n: number): Array<[string, string, number]> {
    const out: Array<[string, string, number]> = [];
    for (const [c, m] of this.pairCount) for (const [o, k] of m) if (o !== c) out.push([c, o, k]);
    return out.sort((a, b) => b[2] - a[2]).slice(0, n);
  }
}
