/**
 * How steeply recruiters' reading falls with rank, estimated from the labels themselves. The examination
 * curve e(r) = min(1, (3/r)^η) is a family: η = 1 is rolling review read top-down, where a resume at
 * rank 30 is opened one time in ten and the rest are rejected unread when the batch closes; η = 0 is a
 * team that reads every resume it decides on. The two need opposite treatment — under η = 1 a deep
 * reject says little, under η = 0 it is as informative as any — and applying the wrong one is costly:
 * decisions imported for a whole list of 400 with their ranks, all of them read, fitted with η = 1,
 * discount every deep reject ~100× and the correction learns that whatever sits deep is good.
 *
 * So η is estimated under the examination model, P(advance) = e(r; η)·σ(o + b), with o the base model's
 * calibrated logit and b a fitted shift (a pickier team than the model assumed), over a grid of η. The top
 * ranks (e = 1 for r ≤ 3 under every η) anchor b; below them, the base model's scores already say how
 * relevance falls with rank, and η measures any extra fall. The documented curve (η = 1) stands unless the
 * labels reject it (likelihood-ratio test at 5%): with 200 labels the likelihood is flat between η ≈ 0.6 and
 * 1, and picking its noisy maximum there cost 0.01 NDCG@10 in eval:ranking, while a list read in full rejects
 * η = 1 by a wide margin. Labels without a rank count as read. Pure.
 */
import { examinationPropensity } from "./propensity.ts";

/** Ends with 1, the documented curve. */
export const ETA_GRID = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] as const;
const CHI2_1DF_95 = 3.841;

export interface ExaminationEstimate {
  /** 1 (the documented curve) unless the labels reject it, else the most likely exponent on ETA_GRID; 1 when no label has a rank. */
  eta: number;
  /** The fitted shift of the base model's logit at that η. */
  bias: number;
  /** Labels that carried a rank. */
  labelsWithRank: number;
  /** Mean log-likelihood at each grid point, for the model's metadata. */
  logLikelihood: { eta: number; value: number }[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** `offsets[i]`: the base model's calibrated logit; `ranks[i]`: rank shown (0 or less: none); `targets[i]` 0/1. */
export function estimateExamination(offsets: ArrayLike<number>, ranks: ArrayLike<number>, targets: ArrayLike<number>): ExaminationEstimate {
  const n = offsets.length;
  if (ranks.length !== n || targets.length !== n) throw new Error("estimateExamination: offsets, ranks and targets differ in length");
  let labelsWithRank = 0;
  for (let i = 0; i < n; i++) if (ranks[i]! >= 1) labelsWithRank++;
  if (labelsWithRank === 0) return { eta: 1, bias: 0, labelsWithRank, logLikelihood: [] };
  const curve = ETA_GRID.map((eta) => {
    const e = Float64Array.from({ length: n }, (_, i) => examinationPropensity(ranks[i]!, eta));
    const bias = fitShift(offsets, e, targets);
    return { eta, bias, value: logLikelihood(offsets, e, targets, bias) / n };
  });
  const best = curve.reduce((a, b) => (b.value > a.value ? b : a));
  const documented = curve[curve.length - 1]!;
  const chosen = 2 * n * (best.value - documented.value) > CHI2_1DF_95 ? best : documented;
  return { eta: chosen.eta, bias: chosen.bias, labelsWithRank, logLikelihood: curve.map(({ eta, value }) => ({ eta, value })) };
}

function logLikelihood(offsets: ArrayLike<number>, e: Float64Array, targets: ArrayLike<number>, bias: number): number {
  let ll = 0;
  for (let i = 0; i < e.length; i++) {
    const q = Math.min(1 - 1e-12, Math.max(1e-12, e[i]! * sigmoid(offsets[i]! + bias)));
    ll += targets[i]! > 0.5 ? Math.log(q) : Math.log(1 - q);
  }
  return ll;
}

/** Newton steps on b for P(y = 1) = e·σ(o + b) (concave in b), from 0. */
function fitShift(offsets: ArrayLike<number>, e: Float64Array, targets: ArrayLike<number>): number {
  let b = 0;
  for (let it = 0; it < 50; it++) {
    let g = 0;
    let h = 1e-9;
    for (let i = 0; i < e.length; i++) {
      const p = sigmoid(offsets[i]! + b);
      if (targets[i]! > 0.5) {
        g += 1 - p;
        h += p * (1 - p);
      } else {
        const q = e[i]! * p;
        g -= (e[i]! * p * (1 - p)) / (1 - q);
        h += (e[i]! * p * (1 - p) * (1 - p)) / (1 - q);
      }
    }
    const step = Math.max(-2, Math.min(2, g / h));
    b += step;
    if (Math.abs(step) < 1e-6) break;
  }
  return b;
}
