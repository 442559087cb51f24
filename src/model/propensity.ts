/**
 * Position-bias correction. Rolling review shows candidates in rank order and recruiters open the top
 * far more often than rank 30, so an *advance* at a deep rank is rare not because the candidate is
 * weak but because few recruiters got there. We weight each positive label by 1 / p(rank shown)
 * (inverse propensity, as in unbiased learning-to-rank for clicks), where p is the examination curve
 *
 *     p(r) = min(1, (TOP / r) ^ ETA)      TOP = 3 (ranks 1–3 are always read), ETA = 1
 *
 * clipped so that no label weighs more than MAX_WEIGHT (variance control). Rejects keep weight 1:
 * a reject is recorded whether the recruiter read the resume closely or closed the batch unread, so it
 * carries no examination. Labels with no recorded rank get weight 1. The curve is an assumption the
 * evaluation's simulated recruiters share (src/simulate/review.ts); with real traffic it would be
 * estimated from a randomised exploration slot (see docs/readme/ranking.md).
 */
export const EXAMINATION = { top: 3, eta: 1 } as const;
export const MAX_WEIGHT = 10;

/** `eta` 0: every rank is read; 1: the documented curve. Retraining estimates it from the labels (src/model/examination.ts). */
export function examinationPropensity(rank: number, eta: number = EXAMINATION.eta): number {
  if (!(rank >= 1)) return 1;
  return Math.min(1, (EXAMINATION.top / rank) ** eta);
}

export function inversePropensityWeight(rankShown: number | null | undefined, target: 0 | 1 = 1, eta: number = EXAMINATION.eta): number {
  if (target === 0 || !rankShown || rankShown < 1) return 1;
  return Math.min(MAX_WEIGHT, 1 / examinationPropensity(rankShown, eta));
}
