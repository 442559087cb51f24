/**
 * Ranking and calibration metrics (pure functions).
 * - nDCG@k: binary gains (2^rel − 1 with rel ∈ {0,1}), log2(rank + 1) discount, averaged over groups
 *   (ranking lists = postings) that contain at least one positive; ties in score keep input order.
 *   Returns 0 when no group has a positive.
 * - AUC: Mann–Whitney U with average ranks for tied scores; 0.5 when a class is missing.
 * - ECE: `bins` equal-width bins over [0, 1]; Σ (n_b / N) · |mean score − positive rate|.
 */
import type { RankingMetrics } from "../domain/model.ts";

type Num = ArrayLike<number>;

export function ndcgAtK(scores: Num, targets: Num, groups: ArrayLike<string>, k = 10): number {
  const byGroup = new Map<string, number[]>();
  for (let i = 0; i < scores.length; i++) {
    const g = groups[i]!;
    let list = byGroup.get(g);
    if (!list) byGroup.set(g, (list = []));
    list.push(i);
  }
  let sum = 0;
  let counted = 0;
  for (const idx of byGroup.values()) {
    const gains = idx.map((i) => targets[i]!);
    const ideal = [...gains].sort((a, b) => b - a);
    const idcg = dcg(ideal, k);
    if (idcg === 0) continue;
    const order = [...idx].sort((a, b) => scores[b]! - scores[a]! || a - b);
    sum += dcg(
      order.map((i) => targets[i]!),
      k,
    ) / idcg;
    counted++;
  }
  return counted === 0 ? 0 : sum / counted;
}

function dcg(rels: number[], k: number): number {
  let s = 0;
  for (let r = 0; r < Math.min(k, rels.length); r++) s += (2 ** rels[r]! - 1) / Math.log2(r + 2);
  return s;
}

export function auc(scores: Num, targets: Num): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSumPos = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const avgRank = (i + j) / 2 + 1; // 1-based average rank of the tie block
    for (let t = i; t <= j; t++) {
      if (targets[order[t]!]! > 0.5) {
        pos++;
        rankSumPos += avgRank;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return 0.5;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function expectedCalibrationError(scores: Num, targets: Num, bins = 10): number {
  const n = scores.length;
  if (n === 0) return 0;
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const p = scores[i]!;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    count[b]!++;
    sumP[b]! += p;
    sumY[b]! += targets[i]!;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b]! === 0) continue;
    ece += (count[b]! / n) * Math.abs(sumP[b]! / count[b]! - sumY[b]! / count[b]!);
  }
  return ece;
}

export interface EvalExample {
  values: Float32Array;
  /** Sparse terms (feature schema ≥ 2); absent = none. */
  terms?: readonly string[];
  target: 0 | 1;
  /** The ranking list (posting id). */
  group: string;
}

/** Scores examples (probabilities or any monotone score). */
export type Scorer = (examples: readonly EvalExample[]) => Float32Array;

/** A Ranker (or anything with the same predict) as a Scorer; the group is the posting. */
export function rankerScorer(ranker: { predict(inputs: readonly { values: Float32Array; terms: readonly string[]; postingId: string }[]): Float32Array }): Scorer {
  return (examples) => ranker.predict(examples.map((e) => ({ values: e.values, terms: e.terms ?? [], postingId: e.group })));
}

export function evaluate(scorer: Scorer, examples: readonly EvalExample[]): RankingMetrics {
  const scores = scorer(examples);
  const targets = examples.map((e) => e.target);
  const groups = examples.map((e) => e.group);
  return {
    ndcgAt10: ndcgAtK(scores, targets, groups, 10),
    auc: auc(scores, targets),
    calibrationError: expectedCalibrationError(scores, targets, 10),
    examples: examples.length,
  };
}
