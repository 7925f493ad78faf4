// Decoding one sentence under channel × trigram LM by forward-backward: each
// position takes the candidate with the highest posterior probability (the
// choice that maximizes the expected number of correct syllables), and that
// posterior is the confidence that decides whether the change is applied.
// Works in probability space with per-position scaling, so no log-sum-exp.
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

export function decode(positions: Cand[][], lm: TrigramLM): Decoded {
  const bos: Cand = { word: BOS, id: lm.idOf(BOS), ch: 0 };
  const eos: Cand = { word: EOS, id: lm.idOf(EOS), ch: 0 };
  const C = [[bos], [bos], ...positions, [eos]];
  const T = C.length;
  // P[t][(h*J + j)*K + k] ∝ P(C[t][k] | C[t-2][h], C[t-1][j]) · P(scan | C[t][k]), rescaled per t
  const P: Float64Array[] = [];
  for (let t = 2; t < T; t++) {
    const [H, J, K] = [C[t - 2], C[t - 1], C[t]];
    const ids = Int32Array.from(K, (c) => c.id);
    const base = Float64Array.from(K, (c) => lm.baseP(c.word, c.id));
    const a = new Float64Array(H.length * J.length * K.length);
    const bigram = new Float64Array(K.length);
    for (let j = 0; j < J.length; j++) {
      lm.bigramProbs(J[j].id, ids, base, bigram);
      for (let h = 0; h < H.length; h++) lm.trigramLogProbs(H[h].id, J[j].id, bigram, ids, a, (h * J.length + j) * K.length);
    }
    let max = -Infinity;
    for (let x = 0; x < a.length; x++) {
      a[x] += K[x % K.length].ch;
      if (a[x] > max) max = a[x];
    }
    for (let x = 0; x < a.length; x++) a[x] = Math.exp(a[x] - max);
    P[t] = a;
  }
  // forward: alpha[t][j*K + k] over states (candidate j at t-1, k at t), normalized to sum 1
  const alpha: Float64Array[] = [];
  alpha[1] = new Float64Array([1]);
  for (let t = 2; t < T; t++) {
    const [H, J, K] = [C[t - 2].length, C[t - 1].length, C[t].length];
    const al = new Float64Array(J * K);
    let sum = 0;
    for (let h = 0; h < H; h++)
      for (let j = 0; j < J; j++) {
        const prev = alpha[t - 1][h * J + j];
        if (prev === 0) continue;
        const row = (h * J + j) * K;
        for (let k = 0; k < K; k++) al[j * K + k] += prev * P[t][row + k];
      }
    for (let x = 0; x < al.length; x++) sum += al[x];
    if (sum > 0) for (let x = 0; x < al.length; x++) al[x] /= sum;
    alpha[t] = al;
  }
  // backward, each step normalized to its own sum (posteriors are renormalized below)
  const beta: Float64Array[] = [];
  beta[T - 1] = new Float64Array(C[T - 2].length).fill(1);
  for (let t = T - 2; t >= 2; t--) {
    const [J, K, L] = [C[t - 1].length, C[t].length, C[t + 1].length];
    const be = new Float64Array(J * K);
    let sum = 0;
    for (let j = 0; j < J; j++)
      for (let k = 0; k < K; k++) {
        const row = (j * K + k) * L;
        let s = 0;
        for (let l = 0; l < L; l++) s += P[t + 1][row + l] * beta[t + 1][k * L + l];
        be[j * K + k] = s;
        sum += s;
      }
    if (sum > 0) for (let x = 0; x < be.length; x++) be[x] /= sum;
    beta[t] = be;
  }
  const choice: number[] = [];
  const posterior: number[] = [];
  for (let i = 0; i < positions.length; i++) {
    const t = i + 2;
    const [J, K] = [C[t - 1].length, C[t].length];
    const marg = new Float64Array(K);
    let total = 0;
    for (let j = 0; j < J; j++)
      for (let k = 0; k < K; k++) {
        const v = alpha[t][j * K + k] * beta[t][j * K + k];
        marg[k] += v;
        total += v;
      }
    let best = 0;
    for (let k = 1; k < K; k++) if (marg[k] > marg[best]) best = k;
    choice.push(best);
    posterior.push(total > 0 ? marg[best] / total : 0);
  }
  return { choice, posterior };
}
