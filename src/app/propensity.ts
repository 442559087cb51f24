/**
 * Position-bias correction. Recruiters reviewing a ranked list look at the top more often, so a
 * decision at rank r was observed with probability ~ p(r). Weighting each label by 1/p(r)
 * (inverse propensity) stops the next model from simply relearning the last model's order.
 * p(r) = 1 / log2(r + 1) — the examination model behind DCG — clipped so that no single label
 * weighs more than MAX_WEIGHT. Labels with no recorded rank get weight 1.
 */
const MAX_WEIGHT = 5;

export function inversePropensityWeight(rankShown: number | null | undefined): number {
  if (!rankShown || rankShown < 1) return 1;
  const propensity = 1 / Math.log2(rankShown + 1);
  return Math.min(MAX_WEIGHT, 1 / propensity);
}
