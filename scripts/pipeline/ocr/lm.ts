// Syllable trigram language model with interpolated absolute discounting,
// trained on the clean plans. The unigram level is mixed with a uniform share
// over the whole syllable inventory, so syllables the plans never used stay possible.

export const BOS = '<s>';
export const EOS = '</s>';
export const NUM = '<num>';
const D = 0.75;
const BASE = 32768; // ids below 2^15 keep context keys small integers (fast Map keys)
const UNK_INV = BASE - 2;
const UNK_OOV = BASE - 1;

interface Ctx {
  total: number;
  followers: Map<number, number>;
}

export class TrigramLM {
  private readonly ids = new Map<string, number>();
  private readonly uni = new Map<number, number>();
  private readonly ctx1 = new Map<number, Ctx>();
  private readonly ctx2 = new Map<number, Ctx>();
  private total = 0;
  private readonly inventory: Set<string>;
  private readonly oovP: number;

  constructor(sentences: string[][], inventory: Set<string>, oovP = 1e-9) {
    this.inventory = inventory;
    this.oovP = oovP;
    for (const s of sentences) {
      const seq = [BOS, BOS, ...s, EOS].map((w) => this.intern(w));
      for (let i = 2; i < seq.length; i++) {
        const [u, v, w] = [seq[i - 2], seq[i - 1], seq[i]];
        this.total++;
        this.uni.set(w, (this.uni.get(w) ?? 0) + 1);
        count(this.ctx1, v, w);
        count(this.ctx2, u * BASE + v, w);
      }
    }
  }

  private intern(w: string): number {
    let i = this.ids.get(w);
    if (i === undefined) {
      if (this.ids.size >= UNK_INV) return this.inventory.has(w) ? UNK_INV : UNK_OOV;
      i = this.ids.size;
      this.ids.set(w, i);
    }
    return i;
  }

  /** Integer id for decoding; unseen words share one id per class (inventory syllable or not). */
  idOf(w: string): number {
    return this.ids.get(w) ?? (this.inventory.has(w) ? UNK_INV : UNK_OOV);
  }

  has(w: string): boolean {
    return this.uni.has(this.ids.get(w) ?? -1);
  }

  /** P(w) at the unigram level: corpus counts plus a uniform share over the inventory. */
  uniP(w: string, wid = this.idOf(w)): number {
    const types = this.uni.size;
    const c = this.uni.get(wid) ?? 0;
    const uniform = wid === UNK_OOV ? 0 : this.inventory.has(w) || wid === UNK_INV ? 1 / this.inventory.size : 0;
    const p = (c + types * uniform) / (this.total + types);
    return p > 0 ? p : this.oovP;
  }

  unigram(w: string, wid = this.idOf(w)): number {
    return Math.log(this.uniP(w, wid));
  }

  /** log P(w | u v) for each w, given each w's unigram probability. */
  logProbs(u: number, v: number, ws: Int32Array, uni: Float64Array, out: Float64Array, offset: number): void {
    const c1 = this.ctx1.get(v);
    const c2 = this.ctx2.get(u * BASE + v);
    for (let k = 0; k < ws.length; k++) {
      let p = uni[k];
      if (c1) p = Math.max((c1.followers.get(ws[k]) ?? 0) - D, 0) / c1.total + ((D * c1.followers.size) / c1.total) * p;
      if (c2) p = Math.max((c2.followers.get(ws[k]) ?? 0) - D, 0) / c2.total + ((D * c2.followers.size) / c2.total) * p;
      out[offset + k] = Math.log(p);
    }
  }
}

function count(m: Map<number, Ctx>, key: number, w: number): void {
  let c = m.get(key);
  if (!c) {
    c = { total: 0, followers: new Map() };
    m.set(key, c);
  }
  c.total++;
  c.followers.set(w, (c.followers.get(w) ?? 0) + 1);
}
