/**
 * Baseline: L2-regularised logistic regression on the dense features only (standardised), fitted by
 * full-batch gradient descent in plain JS. It is what a team without a ranker would ship, and what
 * the ranker must beat on the same labels.
 */
import type { EvalExample, Scorer } from "./metrics.ts";
import { computeNormalisation } from "./train.ts";

export function fitLogisticRegression(examples: readonly (EvalExample & { weight?: number })[], l2 = 1e-2, iterations = 300, lr = 0.5): Scorer {
  const f = examples[0]?.values.length ?? 0;
  const { mean, std } = computeNormalisation(examples.map((e) => e.values), f);
  const n = examples.length;
  const w = new Float64Array(f);
  let b = 0;
  const X = examples.map((e) => Float64Array.from(e.values, (v, j) => (v - mean[j]!) / std[j]!));
  const wsum = examples.reduce((s, e) => s + (e.weight ?? 1), 0) || 1;
  for (let it = 0; it < iterations && n > 0; it++) {
    const g = new Float64Array(f);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const x = X[i]!;
      let z = b;
      for (let j = 0; j < f; j++) z += w[j]! * x[j]!;
      const r = ((1 / (1 + Math.exp(-z))) - examples[i]!.target) * (examples[i]!.weight ?? 1);
      for (let j = 0; j < f; j++) g[j]! += r * x[j]!;
      gb += r;
    }
    for (let j = 0; j < f; j++) w[j]! -= lr * (g[j]! / wsum + l2 * w[j]!);
    b -= lr * (gb / wsum);
  }
  return (rows) =>
    Float32Array.from(rows, (r) => {
      let z = b;
      for (let j = 0; j < f; j++) z += w[j]! * ((r.values[j]! - mean[j]!) / std[j]!);
      return 1 / (1 + Math.exp(-z));
    });
}

/** Baseline: text similarity alone (the TF-IDF cosine feature). */
export function textSimilarityScorer(featureNames: readonly string[]): Scorer {
  const j = featureNames.indexOf("text_similarity");
  if (j < 0) throw new Error("text similarity baseline: the feature schema has no text_similarity");
  return (rows) => Float32Array.from(rows, (r) => r.values[j]!);
}
