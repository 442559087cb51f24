/**
 * Position-biased review, simulated: recruiters see the serving model's ranking of a batch of new
 * applicants and read it top-down, opening rank r with probability p(r) (the examination curve in
 * src/model/propensity.ts). An opened resume is advanced with the recruiter's true probability; a resume
 * that was never opened is rejected when the batch closes. So every shown candidate gets a label, the
 * label records the rank it was shown at, and advances pile up at the top of whatever the last model
 * ranked high: exactly the bias inverse-propensity weighting has to undo.
 */
import { examinationPropensity } from "../model/propensity.ts";
import type { Rng } from "./simulate.ts";

export interface ShownCandidate<T> {
  item: T;
  /** The recruiter's true probability of advancing this candidate once they read the resume. */
  probability: number;
}

export interface ReviewedLabel<T> {
  item: T;
  target: 0 | 1;
  rankShown: number;
  examined: boolean;
}

/**
 * Review one ranked batch: `scores` from the serving model, higher first (ties keep input order).
 * `examination` is P(opened) at a rank; `() => 1` is a team that reads every resume (no position bias).
 */
export function reviewRankedBatch<T>(
  batch: readonly ShownCandidate<T>[], scores: ArrayLike<number>, rng: Rng, examination: (rank: number) => number = examinationPropensity,
): ReviewedLabel<T>[] {
  const order = batch.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  return order.map((i, r) => {
    const rankShown = r + 1;
    // Draw both numbers for every candidate so two arms reviewing the same batch stay in step.
    const look = rng();
    const decide = rng();
    const examined = look < examination(rankShown);
    const advance = examined && decide < batch[i]!.probability;
    return { item: batch[i]!.item, target: advance ? 1 : 0, rankShown, examined };
  });
}
