/**
 * Platt scaling: P = sigmoid(a · logit + b), fitted by Newton's method on unweighted outcomes.
 * Training reweights examples (inverse propensity, pairwise terms), which moves the raw logit away
 * from a probability; two parameters refitted on the plain labels bring it back. A small ridge toward
 * the identity (a = 1, b = 0) keeps the fit sane on a handful of labels or a single class.
 */
export interface Calibration {
  a: number;
  b: number;
}

export function fitPlatt(logits: ArrayLike<number>, targets: ArrayLike<number>, ridge = 1, iterations = 50): Calibration {
  let a = 1;
  let b = 0;
  const n = logits.length;
  for (let it = 0; it < iterations; it++) {
    // gradient and Hessian of Σ logloss + ridge/2 · ((a−1)² + b²)
    let ga = ridge * (a - 1);
    let gb = ridge * b;
    let haa = ridge;
    let hab = 0;
    let hbb = ridge;
    for (let i = 0; i < n; i++) {
      const z = logits[i]!;
      const p = 1 / (1 + Math.exp(-(a * z + b)));
      const r = p - targets[i]!;
      const w = p * (1 - p);
      ga += r * z;
      gb += r;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 1e-12)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a: Number.isFinite(a) ? a : 1, b: Number.isFinite(b) ? b : 0 };
}
