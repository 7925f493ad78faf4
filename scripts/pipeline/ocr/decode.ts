// Decoding one sentence: Viterbi for the best syllable sequence under
// channel × trigram LM, and forward-backward for each chosen syllable's
// posterior probability (the confidence that decides whether it is applied).
import { BOS, EOS, type TrigramLM } from './lm.ts';

export interface Cand {
  word: string; // LM word (syllable key, <num>, or the token as scanned)
  id: number; // lm.idOf(word)
  ch: number; // log P(scanned | word)
}

export interface Decoded {
  choice: number[]; // index into each position's candidates
  posterior: number[]; // of the chosen candidate
}

function logSumExp(xs: Float64Array): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  if (m === -Infinity) return m;
  let s = 0;
  for (const x of xs) s += Math.exp(x - m);
  return m + Math.log(s);
}


export function decode(positions: Cand[][], lm: TrigramLM): Decoded {
  const bos: Cand = { word: BOS, id: lm.idOf(BOS), ch: 0 };
  const eos: Cand = { word: EOS, id: lm.idOf(EOS), ch: 0 };
  const C = [[bos], [bos], ...positions, [eos]];
  const T = C.length;
  // lp[t][(h*Kj + j)*Kk + k] = log P(C[t][k] | C[t-2][h], C[t-1][j]) + channel of k
  const lp: Float64Array[] = [];
  for (let t = 2; t < T; t++) {
    const [H, J, K] = [C[t - 2], C[t - 1], C[t]];
    const ids = Int32Array.from(K, (c) => c.id);
    const base = Float64Array.from(K, (c) => lm.baseP(c.word, c.id));
    const a = new Float64Array(H.length * J.length * K.length);
    for (let h = 0; h < H.length; h++)
      for (let j = 0; j < J.length; j++) lm.logProbs(H[h].id, J[j].id, ids, base, a, (h * J.length + j) * K.length);
    for (let x = 0; x < a.length; x++) a[x] += K[x % K.length].ch;
    lp[t] = a;
  }
  // forward (sum) and Viterbi (max) over states (j at t-1, k at t)
  const alpha: Float64Array[] = [];
  const delta: Float64Array[] = [];
  const back: Int32Array[] = [];
  alpha[1] = new Float64Array([0]);
  delta[1] = new Float64Array([0]);
  for (let t = 2; t < T; t++) {
    const [H, J, K] = [C[t - 2].length, C[t - 1].length, C[t].length];
    const al = new Float64Array(J * K).fill(-Infinity);
    const de = new Float64Array(J * K).fill(-Infinity);
    const bp = new Int32Array(J * K);
    const terms = new Float64Array(H);
    for (let j = 0; j < J; j++)
      for (let k = 0; k < K; k++) {
        for (let h = 0; h < H; h++) {
          const x = lp[t][(h * J + j) * K + k];
          terms[h] = alpha[t - 1][h * J + j] + x;
          const d = delta[t - 1][h * J + j] + x;
          if (d > de[j * K + k]) {
            de[j * K + k] = d;
            bp[j * K + k] = h;
          }
        }
        al[j * K + k] = logSumExp(terms);
      }
    alpha[t] = al;
    delta[t] = de;
    back[t] = bp;
  }
  // backward
  const beta: Float64Array[] = [];
  beta[T - 1] = new Float64Array(C[T - 2].length).fill(0);
  for (let t = T - 2; t >= 1; t--) {
    const [J, K, L] = [C[t - 1].length, C[t].length, C[t + 1].length];
    const be = new Float64Array(J * K).fill(-Infinity);
    const terms = new Float64Array(L);
    for (let j = 0; j < J; j++)
      for (let k = 0; k < K; k++) {
        for (let l = 0; l < L; l++) terms[l] = lp[t + 1][(j * K + k) * L + l] + beta[t + 1][k * L + l];
        be[j * K + k] = logSumExp(terms);
      }
    beta[t] = be;
  }
  const Z = logSumExp(alpha[T - 1]);
  // Viterbi backtrace: the last state (j, EOS)
  const n = positions.length;
  const choice = new Array<number>(n);
  let j = 0;
  let best = -Infinity;
  const Jlast = C[T - 2].length;
  for (let x = 0; x < Jlast; x++) if (delta[T - 1][x] > best) [best, j] = [delta[T - 1][x], x];
  let k = 0; // EOS
  for (let t = T - 1; t >= 2; t--) {
    const h = back[t][j * C[t].length + k];
    if (t - 1 >= 2) choice[t - 3] = j;
    k = j;
    j = h;
  }
  const posterior = choice.map((c, i) => {
    const t = i + 2;
    const J = C[t - 1].length;
    const K = C[t].length;
    const terms = Float64Array.from({ length: J }, (_, jj) => alpha[t][jj * K + c] + beta[t][jj * K + c]);
    return Math.exp(logSumExp(terms) - Z);
  });
  return { choice, posterior };
}
