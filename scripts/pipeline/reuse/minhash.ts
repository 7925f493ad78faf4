// Near-duplicate candidates: word shingles → MinHash signature → LSH band keys.
// Two sentences whose shingle sets have Jaccard similarity J share at least one band
// key with probability 1 − (1 − J^ROWS)^BANDS: with 3-word shingles, 24 bands of 2 rows,
// about 0.9 at J = 0.3 (a sentence with a few words changed) and 0.3 at J = 0.07.
// Candidates are then checked by alignment (align.ts), so a false candidate costs time,
// never a wrong answer. Written by hand: it is 60 lines, and the npm MinHash packages
// are unmaintained or hash strings with a JS Math.random seed (not reproducible).

export const SHINGLE = 3;
export const BANDS = 24;
export const ROWS = 2;

/** FNV-1a, 32 bits, over UTF-16 units. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finalizer: a cheap, well-mixed 32-bit permutation. */
export function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

// One seed per hash function, fixed, so that signatures are the same on every build.
const SEEDS = Uint32Array.from({ length: BANDS * ROWS }, (_, i) => mix(0x9e3779b9 + i * 0x7f4a7c15));

/** FNV-1a of the words joined by single spaces, without making the joined string. */
function joinedHash(tokens: string[], from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let t = from; t < to; t++) {
    if (t > from) h = Math.imul(h ^ 0x20, 0x01000193);
    const word = tokens[t]!;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** The hashed word shingles of a token list (one shingle, the whole list, when it is shorter). */
export function shingles(tokens: string[]): Uint32Array {
  if (tokens.length <= SHINGLE) return Uint32Array.of(joinedHash(tokens, 0, tokens.length));
  const out = new Uint32Array(tokens.length - SHINGLE + 1);
  for (let i = 0; i < out.length; i++) out[i] = joinedHash(tokens, i, i + SHINGLE);
  return out;
}

/** The LSH band keys of a token list: BANDS numbers, each already distinct per band. */
export function bandKeys(tokens: string[]): Uint32Array {
  const hashed = shingles(tokens);
  const signature = new Uint32Array(SEEDS.length).fill(0xffffffff);
  for (const s of hashed) {
    for (let i = 0; i < SEEDS.length; i++) {
      const h = mix(s ^ SEEDS[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  const keys = new Uint32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = mix(b + 1);
    for (let r = 0; r < ROWS; r++) h = mix(h ^ signature[b * ROWS + r]!);
    keys[b] = h;
  }
  return keys;
}

const GROUPS = 0x10000;

/**
 * A set of band keys asked about for millions of entries, each key numbered (0…size − 1): a bit
 * per low 24 bits of a key says whether the Map needs asking (the keys are well mixed, so for a
 * few thousand keys almost no entry outside the set passes the bits).
 */
export class KeySet {
  private readonly bits = new Uint32Array(1 << 19);
  private readonly numbers = new Map<number, number>();
  constructor(keys: Iterable<number>) {
    for (const k of keys) {
      if (this.numbers.has(k)) continue;
      this.bits[(k & 0xffffff) >>> 5]! |= 1 << (k & 31);
      this.numbers.set(k, this.numbers.size);
    }
  }

  /** The key's number, or −1 when it is not in the set. */
  numberOf(key: number): number {
    return (this.bits[(key & 0xffffff) >>> 5]! & (1 << (key & 31))) === 0 ? -1 : (this.numbers.get(key) ?? -1);
  }

  has(key: number): boolean {
    return this.numberOf(key) >= 0;
  }

  get size(): number {
    return this.numbers.size;
  }

  [Symbol.iterator](): Iterator<number> {
    return this.numbers.keys();
  }
}

/**
 * Buckets of item numbers by band key, made once from every item's keys: the (key, item) pairs
 * in flat typed arrays, sorted by key (a stable radix sort, 16 bits a pass, so that a bucket keeps
 * its items in increasing order), so that millions of sentences cost a few bytes each, not a Map
 * entry and an array per key. An item is in a bucket once per band that has the key.
 */
export class LshIndex {
  /** The distinct keys, sorted; bucket b holds items[starts[b]], …, items[starts[b + 1] − 1]. */
  private readonly keys: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly items: Uint32Array;
  /** Per high 16 bits of a key, the first bucket whose key has them. */
  private readonly groups = new Uint32Array(GROUPS + 1);
  private readonly from: number;
  /** Shared keys per item while one `candidates` call counts them (zero between calls): no Map per call. */
  private readonly counts: Uint16Array;

  /** Only these keys' buckets are made (undefined: every key's); asking for another key is an error. */
  private readonly wanted: KeySet | undefined;

  /**
   * The items from…to−1, item i's BANDS keys at keys[BANDS·i…]. Given `part`, only the buckets of its
   * keys, and of each only its first `first` items (bucketSize counts no further): what a reader of
   * at most that many entries a bucket sees of the whole index.
   */
  constructor(keys: Uint32Array, from: number, to: number, part?: { wanted: KeySet; first: number }) {
    this.from = from;
    this.wanted = part?.wanted;
    this.counts = new Uint16Array(Math.max(0, to - from));
    let entries = Math.max(0, to - from) * BANDS;
    let first = keys.subarray(BANDS * from, BANDS * from + entries);
    // With `part`, its entries only, in the same order, each with its item.
    let itemOf: Uint32Array | undefined;
    if (part) {
      const taken = new Uint32Array(part.wanted.size);
      const [kept, items] = [new Uint32Array(entries), new Uint32Array(entries)];
      let n = 0;
      for (let e = 0; e < entries; e++) {
        const k = part.wanted.numberOf(first[e]!);
        if (k < 0 || taken[k]! >= part.first) continue;
        taken[k]!++;
        kept[n] = first[e]!;
        items[n++] = from + Math.floor(e / BANDS);
      }
      [first, itemOf, entries] = [kept.subarray(0, n), items.subarray(0, n), n];
    }
    // Pass 1 by the low 16 bits, pass 2 by the high 16 bits, each stable.
    const [lowKeys, lowItems] = [new Uint32Array(entries), new Uint32Array(entries)];
    const at = new Uint32Array(GROUPS + 1);
    for (let e = 0; e < entries; e++) at[(first[e]! & 0xffff) + 1]!++;
    for (let g = 0; g < GROUPS; g++) at[g + 1]! += at[g]!;
    if (itemOf) {
      for (let e = 0; e < entries; e++) {
        const n = at[first[e]! & 0xffff]!++;
        lowKeys[n] = first[e]!;
        lowItems[n] = itemOf[e]!;
      }
    } else {
      for (let item = from, e = 0; e < entries; item++) {
        for (let b = 0; b < BANDS; b++, e++) {
          const n = at[first[e]! & 0xffff]!++;
          lowKeys[n] = first[e]!;
          lowItems[n] = item;
        }
      }
    }
    const [sorted, items] = [new Uint32Array(entries), new Uint32Array(entries)];
    at.fill(0);
    for (let e = 0; e < entries; e++) at[(lowKeys[e]! >>> 16) + 1]!++;
    for (let g = 0; g < GROUPS; g++) at[g + 1]! += at[g]!;
    for (let e = 0; e < entries; e++) {
      const n = at[lowKeys[e]! >>> 16]!++;
      sorted[n] = lowKeys[e]!;
      items[n] = lowItems[e]!;
    }
    this.items = items;
    const starts = new Uint32Array(entries + 1);
    let buckets = 0;
    for (let e = 0; e < entries; e++) {
      if (e > 0 && sorted[e] === sorted[e - 1]) continue;
      for (let g = e === 0 ? 0 : (sorted[e - 1]! >>> 16) + 1; g <= sorted[e]! >>> 16; g++) this.groups[g] = buckets;
      sorted[buckets] = sorted[e]!;
      starts[buckets++] = e;
    }
    for (let g = buckets === 0 ? 0 : (sorted[buckets - 1]! >>> 16) + 1; g <= GROUPS; g++) this.groups[g] = buckets;
    starts[buckets] = entries;
    this.keys = sorted.slice(0, buckets);
    this.starts = starts.slice(0, buckets + 1);
  }

  /** How many buckets there are (bucket numbers are 0…size − 1). */
  get size(): number {
    return this.keys.length;
  }

  /** The bucket of a key (a number for `bucketStart`, `bucketEnd`), or −1 when no item has it. */
  bucketOf(key: number): number {
    if (this.wanted?.has(key) === false) throw new Error(`LshIndex: the bucket of key ${key} was not made`);
    let [lo, hi] = [this.groups[key >>> 16]!, this.groups[(key >>> 16) + 1]!];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.groups[(key >>> 16) + 1]! && this.keys[lo] === key ? lo : -1;
  }

  /** The number of items in bucket b (0 for −1). */
  bucketSize(b: number): number {
    return b < 0 ? 0 : this.starts[b + 1]! - this.starts[b]!;
  }

  /** The n-th item of bucket b. */
  bucketItem(b: number, n: number): number {
    return this.items[this.starts[b]! + n]!;
  }

  /**
   * Items sharing a band key with `keys`, most shared keys first (more shared bands, more
   * similar), then in order of first appearance; at most `best` of them. At most `read`
   * bucket entries are read: a sentence copied into every plan fills one bucket per band,
   * and reading all of it for each copy would make the cost quadratic in the number of plans.
   */
  candidates(keys: Uint32Array, best: number, read = Infinity, skip?: (item: number) => boolean): number[] {
    const found: number[] = [];
    let n = 0;
    reading: for (const k of keys) {
      const b = this.bucketOf(k);
      if (b < 0) continue;
      for (let e = this.starts[b]!; e < this.starts[b + 1]!; e++) {
        if (++n > read) break reading;
        const item = this.items[e]!;
        if (skip?.(item)) continue;
        if (this.counts[item - this.from]!++ === 0) found.push(item);
      }
    }
    // A stable sort: equal counts keep their order of first appearance.
    const chosen = found.sort((a, b) => this.counts[b - this.from]! - this.counts[a - this.from]!).slice(0, best);
    for (const item of found) this.counts[item - this.from] = 0;
    return chosen;
  }
}

/** The value of an empty bin in a one-permutation sketch (no hash reaches it: see onePermutationSketch). */
const EMPTY_BIN = 0xffffffff;

/**
 * A one-permutation MinHash sketch of a set (Li, Owen & Zhang, 2012), given its elements' FNV-1a
 * hashes (a repeated element changes nothing): each hash mixed once, its high bits choosing one
 * of `bins` (a power of two), the smallest low bits kept per bin. A k-permutation signature would
 * hash every element k times; this one compares in k steps all the same. What findDuplicates
 * screens pairs of whole plans with (SketchScreen).
 */
export function onePermutationSketch(hashes: Iterable<number>, bins: number): Uint32Array {
  const binBits = Math.log2(bins);
  const sketch = new Uint32Array(bins).fill(EMPTY_BIN);
  for (const e of hashes) {
    const h = mix(e);
    const bin = h >>> (32 - binBits);
    const rest = (h << binBits) >>> binBits;
    if (rest < sketch[bin]!) sketch[bin] = rest;
  }
  return sketch;
}

/** The Jaccard similarity two sketches estimate: the share of equal bins among those not empty in both. */
export function sketchSimilarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  let bothEmpty = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) {
      if (a[i] === EMPTY_BIN) bothEmpty++;
      else equal++;
    }
  }
  return bothEmpty === a.length ? 0 : equal / (a.length - bothEmpty);
}

/** A sketch's bins folded to a byte each, four to a word (bin i in byte i mod 4 of word i / 4). */
function packedBins(sketch: Uint32Array): Uint32Array {
  const packed = new Uint32Array(Math.ceil(sketch.length / 4));
  for (let i = 0; i < sketch.length; i++) {
    const v = sketch[i]!;
    packed[i >> 2]! |= ((v ^ (v >>> 8) ^ (v >>> 16) ^ (v >>> 24)) & 0xff) << ((i & 3) * 8);
  }
  return packed;
}

/** Bins of two packed sketches that hold the same byte, four compared at a time (no bin equal in the sketches is missed). */
function equalBytes(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]! ^ b[i]!;
    // The high bit of each zero byte of x (no carry crosses a byte), then the four bits summed.
    const zero = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080;
    n += Math.imul(zero >>> 7, 0x01010101) >>> 24;
  }
  return n;
}

/**
 * Whether sketches estimate at least a similarity: sketchSimilarity(a, b) >= share, the same answer
 * for every pair, most pairs settled on a byte per bin four bins at a time. Bins equal in the
 * sketches hold equal bytes, so the bytes never count fewer equal bins; a pair whose bytes fall
 * short is below the share (when one sketch has no empty bin, its denominator is every bin).
 */
export class SketchScreen {
  private readonly sketchOf: (i: number) => Uint32Array;
  private readonly sketches: Uint32Array[] = [];
  private readonly packed: Uint32Array[] = [];
  private readonly full: boolean[] = [];
  /** `sketchOf(i)`: item i's sketch, asked once, when a pair of i is first screened (a rebuild screens few pairs afresh). */
  constructor(sketchOf: (i: number) => Uint32Array) {
    this.sketchOf = sketchOf;
  }

  private sketch(i: number): Uint32Array {
    let sketch = this.sketches[i];
    if (sketch === undefined) {
      sketch = this.sketches[i] = this.sketchOf(i);
      this.packed[i] = packedBins(sketch);
      this.full[i] = !sketch.includes(EMPTY_BIN);
    }
    return sketch;
  }

  atLeast(i: number, j: number, share: number): boolean {
    const [a, b] = [this.sketch(i), this.sketch(j)];
    if ((this.full[i] || this.full[j]) && equalBytes(this.packed[i]!, this.packed[j]!) < share * a.length) return false;
    return sketchSimilarity(a, b) >= share;
  }
}
