/**
 * Platt scaling: P = sigmoid(a · logit + b), fitted by Newton's method on unweighted outcomes.
 * Training reweights examples (inverse propensity, pairwise terms), which moves the raw logit away
 * from a probability; two parameters refitted on the plain labels bring it back. As in Platt (1999) and
 * Lin, Lin & Weng (2007): targets are smoothed to (N₊+1)/(N₊+2) and 1/(N₋+2), so that separable labels
 * (a handful of advances the model ranks perfectly) cannot drive `a` to infinity, and every Newton step is
 * backtracked until the loss falls. A small ridge toward the identity (a = 1, b = 0) keeps the fit sane
 * on a handful of labels or a single class. `a` stays positive: calibration must never reorder a list.
 */
export interface Calibration {
  a: number;
  b: number;
}

const MIN_SLOPE = 1e-3;

export function fitPlatt(logits: ArrayLike<number>, targets: ArrayLike<number>, ridge = 1, iterations = 50): Calibration {
  const n = logits.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += targets[i]! > 0.5 ? 1 : 0;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (n - positives + 2);
  const t = Float64Array.from({ length: n }, (_, i) => (targets[i]! > 0.5 ? hi : lo));
  const loss = (a: number, b: number) => {
    let s = (ridge / 2) * ((a - 1) ** 2 + b * b);
    for (let i = 0; i < n; i++) {
      const z = a * logits[i]! + b;
      s += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - t[i]! * z;
    }
    return s;
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
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
      const r = p - t[i]!;
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
    let step = 1;
    let next = loss(a - da, b - db);
    while (!(next < current) && step > 1e-6) {
      step /= 2;
      next = loss(a - step * da, b - step * db);
    }
    if (!(next < current)) break;
    a -= step * da;
    b -= step * db;
    current = next;
    if (Math.abs(step * da) + Math.abs(step * db) < 1e-9) break;
  }
  if (!Number.isFinite(a) || !Number.isFinite(b)) return { a: 1, b: 0 };
  return { a: Math.max(a, MIN_SLOPE), b };
}
