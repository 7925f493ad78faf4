// Syllable trigram language model trained on the clean plans: interpolated absolute
// discounting, with a Kneser-Ney continuation distribution below the bigrams. Under
// that sits a small-weight background: syllable pairs and frequencies from a general
// word list, then a uniform share over the inventory, so what the plans never used
// stays possible.

export const BOS = '<s>';
export const EOS = '</s>';
export const NUM = '<num>';
const D = 0.75;
const BASE = 32768; // ids below 2^15 keep context keys small integers (fast Map keys)
const UNK_INV = BASE - 2;
const UNK_OOV = BASE - 1;
const BG_UNIFORM = 2; // pseudo-count of the uniform share inside the background pair model

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

  private readonly background = new Map<number, Ctx>();
  /** How many words of the general word list use each syllable. */
  private readonly bgUni = new Map<number, number>();
  private readonly cont = new Map<number, number>();
  private contTotal = 0;
  private bgTotal = 0;

  constructor(sentences: string[][], inventory: Set<string>, backgroundWords: string[][] = [], oovP = 1e-9) {
    this.inventory = inventory;
    this.oovP = oovP;
    for (const w of inventory) this.intern(w);
    for (const word of backgroundWords)
      for (let i = 0; i < word.length; i++) {
        const b = this.ids.get(word[i]);
        if (b === undefined) continue;
        this.bgUni.set(b, (this.bgUni.get(b) ?? 0) + 1);
        this.bgTotal++;
        const a = i > 0 ? this.ids.get(word[i - 1]) : undefined;
        if (a !== undefined) count(this.background, a, b);
      }
    for (const s of sentences) {
      const seq = [BOS, BOS, ...s, EOS].map((w) => this.intern(w));
      for (let i = 2; i < seq.length; i++) {
        const [u, v, w] = [seq[i - 2], seq[i - 1], seq[i]];
        this.total++;
        this.uni.set(w, (this.uni.get(w) ?? 0) + 1);
        // Kneser-Ney: below the bigram level, a syllable counts once per distinct predecessor
        if (!this.ctx1.get(v)?.followers.has(w)) {
          this.cont.set(w, (this.cont.get(w) ?? 0) + 1);
          this.contTotal++;
        }
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

  /** Base share of w: uniform over the inventory blended with its general word-list frequency (0 for non-syllables). */
  baseP(w: string, wid = this.idOf(w)): number {
    if (wid === UNK_OOV || !(this.inventory.has(w) || wid === UNK_INV)) return 0;
    // half uniform, half how common the syllable is in the general word list
    const uniform = 1 / this.inventory.size;
    return this.bgTotal ? 0.5 * uniform + (0.5 * (this.bgUni.get(wid) ?? 0)) / this.bgTotal : uniform;
  }

  /** P(w) at the unigram level: corpus counts plus a uniform share over the inventory. */
  uniP(w: string, wid = this.idOf(w)): number {
    const types = this.uni.size;
    const c = this.uni.get(wid) ?? 0;
    const base = this.baseP(w, wid);
    const p = this.total ? (c + types * base) / (this.total + types) : base;
    return p > 0 ? p : this.oovP;
  }

  unigram(w: string, wid = this.idOf(w)): number {
    return Math.log(this.uniP(w, wid));
  }

  /** P(w | v) for each w, down to the background (`base`: each w's inventory share, uniform or 0 for non-syllables): the part of P(w | u v) that does not depend on u, computed once per v. */
  bigramProbs(v: number, ws: Int32Array, base: Float64Array, out: Float64Array): void {
    const c1 = this.ctx1.get(v);
    const bg = this.background.get(v);
    const types = this.cont.size;
    for (let k = 0; k < ws.length; k++) {
      // background: general word-list pair (v, w) blended with the uniform share
      const b = bg ? ((bg.followers.get(ws[k]) ?? 0) + BG_UNIFORM * base[k]) / (bg.total + BG_UNIFORM) : base[k];
      let p = this.contTotal ? ((this.cont.get(ws[k]) ?? 0) + types * b) / (this.contTotal + types) : b;
      if (p === 0) p = this.oovP;
      if (c1) p = Math.max((c1.followers.get(ws[k]) ?? 0) - D, 0) / c1.total + ((D * c1.followers.size) / c1.total) * p;
      out[k] = p;
    }
  }

  /** log P(w | u v) for each w, from its bigramProbs(v, …). */
  trigramLogProbs(u: number, v: number, bigram: Float64Array, ws: Int32Array, out: Float64Array, offset: number): void {
    const c2 = this.ctx2.get(u * BASE + v);
    for (let k = 0; k < ws.length; k++) {
      const p = bigram[k];
      out[offset + k] = Math.log(c2 ? Math.max((c2.followers.get(ws[k]) ?? 0) - D, 0) / c2.total + ((D * c2.followers.size) / c2.total) * p : p);
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
