// Training (lexicon + LM + learned channel + candidate index) and restoring
// text token by token. Numbers and identifiers are never changed; a restored
// syllable whose posterior is below CONFIDENCE stays as scanned and is marked.
import type { Span } from '../types.ts';
import { minePairs } from './align.ts';
import { CandidateIndex } from './candidates.ts';
import { Channel, type ChannelCounts, type Pair } from './confusion.ts';
import { decode, type Cand } from './decode.ts';
import { damageScoreOf, damageStats } from './detect.ts';
import { loadLexicon, loadWordList, surfaceOf } from './lexicon.ts';
import { NUM, TrigramLM } from './lm.ts';
import { applyCase, fold, toKey } from './syllable.ts';
import { tokenize, type Token } from './tokenize.ts';
import { applyEdits, type Edit, type Restored } from './edits.ts';

export { mapOffset, type Edit, type Restored } from './edits.ts';

export const CONFIDENCE = 0.5;
const BEAM = 8;
/** Paragraphs scoring below CLEAN_PARAGRAPH (all syllables valid, diacritics as dense as in clean prose) are not restored. */
export const CLEAN_PARAGRAPH = 0.1;
const MIN_JUDGED_WORDS = 1;
const MAX_VARIANTS = 40;
/** Readings at least this sure (≈ 99% right on synthetic scans) are reused as labelled pairs. */
const SELF_TRAIN = 0.95;
export const SELF_TRAIN_ROUNDS = 1; // a second round: +0.02 pt on bench:ocr for twice the training time
const RULES_PER_GLYPHS = 3;
const DOUBLE_FROM = 6;
const PRUNE = 7; // nats below the best candidate: hardly ever chosen (bench:ocr: −0.05 pt at 7 vs 10), costly to decode

interface Reading {
  token: Token;
  cand: Cand;
  posterior: number;
  alternatives: number;
}

/** What restoreBlocks needs: the restored text with its edits, which emphasis spans follow. */
export interface Restorer {
  restore(text: string): Restored;
}

export interface TrainInput {
  cleanTexts: string[];
  scans: string[];
  names?: string[];
}

const isSyllableText = (s: string): boolean => /^\p{Ll}+$/u.test(s) && s.length <= 7;

/** The LM word for a token: <num> for protected tokens, the syllable key, or the token itself. */
function lmWord(t: Token): string {
  if (t.kind === 'protected') return NUM;
  const low = t.text.toLowerCase();
  return isSyllableText(low) ? toKey(low) : low;
}

function sentences(text: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const t of tokenize(text)) {
    cur.push(lmWord(t));
    if (t.breakAfter) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** The scans as the restorer reads them (NFC), and a channel for the glyphs they use. */
const scanTexts = (input: TrainInput): string[] => input.scans.map((s) => s.normalize('NFC'));
const channelFor = (scans: string[]): Channel => new Channel(new Set([...scans.join('').toLowerCase()].filter((c) => !/\s/.test(c))));

/**
 * The channel's training, in steps, so that the passes over the scans can run elsewhere (worker
 * threads), each with an OcrRestorer made from the same input and these counts: pairs mined from
 * boilerplate → learn → [every scan's confident readings] → learn again (selfTrain) → [restore].
 */
export class ChannelTraining {
  readonly channel: Channel;
  /** Labelled pairs learned from: mined from boilerplate, plus the scans' own confident readings. */
  pairs: number;
  private readonly mined: Pair[];

  constructor(input: TrainInput) {
    const scans = scanTexts(input);
    this.channel = channelFor(scans);
    this.mined = minePairs(scans, input.cleanTexts.map((t) => t.normalize('NFC')));
    this.channel.learn(this.mined);
    this.pairs = this.mined.length;
  }

  /** Learns again from the mined pairs and the scans' own confident readings (in the scans' order). */
  selfTrain(own: Pair[]): void {
    this.channel.learn([...this.mined, ...own]);
    this.pairs = this.mined.length + own.length;
  }
}

export class OcrRestorer implements Restorer {
  readonly lm: TrigramLM;
  /** The scans it was made for (NFC), whose confident readings teach the channel (confidentPairs). */
  readonly scans: string[];
  /** Labelled pairs its channel learned from (trainRestorer sets it). */
  pairs = 0;
  private readonly channel: Channel;
  private readonly index: CandidateIndex;
  private readonly inventory: Set<string>;
  private readonly forms: Map<string, string>;
  private readonly cache = new Map<string, Cand[]>();
  /** Learned rewrites by scanned glyphs: the most frequent intended readings of each. */
  private rules: Map<string, Array<[string, number]>>;

  /** Lexicon, language model and candidate index from `input`; the channel from what a ChannelTraining learned (now or later: useChannel). */
  constructor(input: TrainInput, channel?: ChannelCounts) {
    const lex = loadLexicon();
    const names = (input.names ?? []).map((n) => n.normalize('NFC'));
    const clean = input.cleanTexts.map((t) => t.normalize('NFC'));
    // most frequent written form of each syllable in the clean plans
    const formCounts = new Map<string, Map<string, number>>();
    for (const text of [...clean, ...names]) {
      for (const t of tokenize(text)) {
        const low = t.text.toLowerCase();
        if (t.kind !== 'word' || !isSyllableText(low)) continue;
        const m = formCounts.get(toKey(low)) ?? new Map<string, number>();
        m.set(low, (m.get(low) ?? 0) + 1);
        formCounts.set(toKey(low), m);
      }
    }
    this.forms = new Map([...formCounts].map(([k, m]) => [k, [...m].sort((a, b) => b[1] - a[1])[0][0]]));
    this.inventory = new Set([...lex.keys, ...this.forms.keys()]);
    const nameSentences = names.flatMap((n) => [sentences(n), sentences(n), sentences(n)].flat());
    this.lm = new TrigramLM([...clean.flatMap(sentences), ...nameSentences], this.inventory, loadWordList());
    this.scans = scanTexts(input);
    this.channel = channelFor(this.scans);
    this.index = new CandidateIndex(
      [...this.inventory].map((k) => surfaceOf(k, this.forms)),
      (s) => (this.lm.has(toKey(s)) ? 1 : 0),
    );
    this.rules = new Map();
    if (channel) this.useChannel(channel);
  }

  /** Restores with what the channel has learned since (the candidates found before are dropped). */
  useChannel(counts: ChannelCounts): void {
    this.channel.useCounts(counts);
    this.rules = this.rewriteRules();
    this.cache.clear();
  }

  private rewriteRules(): Map<string, Array<[string, number]>> {
    const rules = new Map<string, Array<[string, number]>>();
    for (const [from, to, n] of this.channel.rewrites()) {
      const list = rules.get(from) ?? [];
      if (list.length < RULES_PER_GLYPHS) list.push([to, n]);
      rules.set(from, list);
    }
    return rules;
  }

  /** (syllable, scanned) pairs for every reading of a scan with posterior ≥ SELF_TRAIN. */
  confidentPairs(scan: string): Pair[] {
    const out: Pair[] = [];
    for (const para of scan.split(/\n\s*\n/)) {
      for (const r of this.readings(para.replace(/\s*\n\s*/g, ' '))) {
        if (r.posterior >= SELF_TRAIN && this.inventory.has(r.cand.word)) {
          out.push({ intended: surfaceOf(r.cand.word, this.forms), scanned: r.token.text.toLowerCase() });
        }
      }
    }
    return out;
  }

  /** The candidates of scanned words (scannedWords), for restorers of the same input and channel (addCandidates). */
  candidatesOf(words: string[]): Cand[][] {
    return words.map((text) => this.candidates({ start: 0, end: text.length, text, kind: 'word', breakAfter: false }));
  }

  /** Takes the candidates another restorer of the same input and channel found: they need not be looked for again. */
  addCandidates(found: Array<[string, Cand[]]>): void {
    for (const [word, list] of found) this.cache.set(word, list);
  }

  /** Candidate syllables for one scanned token, best few by channel × unigram. */
  candidates(t: Token): Cand[] {
    if (t.kind === 'protected') return [{ word: NUM, id: this.lm.idOf(NUM), ch: 0 }];
    const low = t.text.toLowerCase();
    const hit = this.cache.get(low);
    if (hit) return hit;
    const scored = new Map<string, Cand>();
    const add = (word: string, ch: number): void => {
      if (!Number.isFinite(ch)) return;
      const prev = scored.get(word);
      if (!prev || prev.ch < ch) scored.set(word, { word, id: this.lm.idOf(word), ch });
    };
    const self = isSyllableText(low) ? toKey(low) : low;
    const cost = this.channel.scorer(low);
    add(self, this.inventory.has(self) ? -this.channel.align(surfaceOf(self, this.forms), surfaceOf(self, this.forms)).cost : 0);
    // the scanned token and its learned re-readings within one edit; two edits
    // only when that finds nothing the plans use (cheap: short tokens reach half the inventory at two)
    const folds = new Map<string, number>();
    const collect = (v: string, edits: number): void => {
      for (const [f, d] of this.index.lookup(v, edits)) folds.set(f, Math.min(d, folds.get(f) ?? d));
    };
    for (const v of this.variants(low)) collect(v, 1);
    if (![...folds.keys()].some((f) => this.index.used(f))) collect(fold(low), 2);
    // nearest foldings first, so the bound from the best alignment so far prunes the rest early
    let bound = Infinity;
    for (const [f] of [...folds].sort((a, b) => a[1] - b[1]))
      for (const { key, codes } of this.index.surfaces(f)) {
        if (scored.has(key)) continue;
        const c = cost(codes, bound);
        bound = Math.min(bound, c + PRUNE + 10);
        add(key, -c);
      }
    const ranked = [...scored.values()].map((c) => ({ c, r: c.ch + this.lm.unigram(c.word, c.id) })).sort((a, b) => b.r - a.r);
    const floor = ranked[0].r - PRUNE;
    const list = ranked.slice(0, BEAM).filter((x) => x.r >= floor).map((x) => x.c);
    if (!list.some((c) => c.word === self)) list.push(scored.get(self)!);
    this.cache.set(low, list);
    return list;
  }

  /**
   * The folded token and readings of it under the learned misreadings ("s6" → "so",
   * "chirc" → "chuc", "pang" → "dang"): every single rewrite (the RULES_PER_GLYPHS most
   * frequent per scanned glyphs), then pairs of rewrites from the most frequent singles;
   * glyphs that are neither letters nor learned are also tried dropped.
   */
  private variants(low: string): string[] {
    const start = fold(low);
    const single = this.rewriteOnce(start);
    const out = new Set([start, ...single.map(([v]) => v)]);
    for (const [v] of single.sort((a, b) => b[1] - a[1]).slice(0, DOUBLE_FROM))
      for (const [w] of this.rewriteOnce(v)) if (out.size < MAX_VARIANTS) out.add(w);
    const letters = start.replace(/[^\p{L}]/gu, '');
    if (letters !== start) out.add(letters);
    return [...out];
  }

  /** Every way of applying one learned rewrite to `v`, with the rule's count. */
  private rewriteOnce(v: string): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    for (const [from, rules] of this.rules) {
      for (let at = v.indexOf(from); at >= 0; at = v.indexOf(from, at + 1))
        for (const [to, n] of rules) out.push([v.slice(0, at) + to + v.slice(at + from.length), n]);
    }
    return out;
  }

  /** The decoded reading of every word token of a text, sentence by sentence. */
  private readings(text: string): Reading[] {
    const tokens = tokenize(text);
    const out: Reading[] = [];
    let segStart = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (!tokens[i].breakAfter && i < tokens.length - 1) continue;
      const seg = tokens.slice(segStart, i + 1);
      segStart = i + 1;
      const cands = seg.map((t) => this.candidates(t));
      const { choice, posterior } = decode(cands, this.lm);
      seg.forEach((token, j) => {
        if (token.kind !== 'protected') out.push({ token, cand: cands[j][choice[j]], posterior: posterior[j], alternatives: cands[j].length - 1 });
      });
    }
    return out;
  }

  restore(text: string): Restored {
    // a paragraph that reads as clean Vietnamese is left alone, even inside a damaged scan
    const stats = damageStats(text);
    if (stats.words >= MIN_JUDGED_WORDS && damageScoreOf(stats) < CLEAN_PARAGRAPH) return { text, uncertain: [], changed: 0, edits: [] };
    const edits: Edit[] = [];
    const uncertain: Span[] = [];
    const readings = this.readings(text);
    const isCapitals = (i: number): boolean => {
      const w = readings[i]?.token.text;
      return !!w && w.length > 1 && /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);
    };
    for (const [i, { token: t, cand: c, posterior, alternatives }] of readings.entries()) {
      const low = t.text.toLowerCase();
      const self = isSyllableText(low) ? toKey(low) : low;
      const known = this.inventory.has(self) || this.lm.has(self);
      if (c.word === self || posterior < CONFIDENCE) {
        // marked: any token left as scanned without confidence, and a garbled token with Vietnamese
        // readings none of which won; a foreign word or code with no reading at all is left alone
        if (posterior < CONFIDENCE || c.word !== self || (!known && alternatives > 0)) uncertain.push({ start: t.start, end: t.end });
        continue;
      }
      const amongCapitals = isCapitals(i - 1) && isCapitals(i + 1);
      edits.push({ start: t.start, end: t.end, text: applyCase(t.text, surfaceOf(c.word, this.forms), amongCapitals) });
    }
    return applyEdits(text, edits, uncertain);
  }

  restoreText(text: string): { text: string; uncertain: Span[]; changed: number } {
    const r = this.restore(text);
    return { text: r.text, uncertain: r.uncertain, changed: r.changed };
  }
}

/** The scanned words of a text whose candidates restoring it looks for (lower case, each once). */
export function scannedWords(text: string): string[] {
  return [...new Set(tokenize(text.normalize('NFC')).filter((t) => t.kind === 'word').map((t) => t.text.toLowerCase()))];
}

/** The restorer for these scans, trained in this thread (restore-scans.ts runs the passes over the scans in workers). */
export function trainRestorer(input: TrainInput): OcrRestorer {
  const training = new ChannelTraining(input);
  const restorer = new OcrRestorer(input, training.channel.counts());
  // self-training: the scans' own confident readings are labelled pairs too (boilerplate alone
  // may teach few of a scan's confusions); learn again from both, SELF_TRAIN_ROUNDS times
  for (let round = 0; round < SELF_TRAIN_ROUNDS; round++) {
    const own = restorer.scans.flatMap((scan) => restorer.confidentPairs(scan));
    if (!own.length) break;
    training.selfTrain(own);
    restorer.useChannel(training.channel.counts());
  }
  restorer.pairs = training.pairs;
  return restorer;
}
