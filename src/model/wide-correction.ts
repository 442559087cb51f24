/**
 * Learning a few hundred recruiters' decisions on top of a serving model: a logistic regression on the
 * hashed term and (posting × term) buckets whose OFFSET is the serving model's logit, with an elastic-net
 * prior on each bucket's correction (Laplace `l1` + Gaussian `l2`, the same for every bucket):
 *
 *   minimise  Σ_i ℓ(offset_i + bias + Σ_k c_ik·δ_k ; y_i)  +  l1 · Σ_k |δ_k|  +  l2/2 · Σ_k δ_k²
 *
 * Why not SGD/Adagrad on the same weights: Adagrad moves a bucket seen once as far as one seen a hundred
 * times (its first step is ±lr whatever the gradient), and lazy L2 applied only when a bucket is touched
 * scales the penalty with the bucket's frequency, i.e. regularises rare terms LESS relative to their data.
 * With 200 labels and ~150 terms per resume, every word of the ~20 advanced resumes then gets a weight,
 * and that noise costs more than the one real preference gains. Here the penalty is the same for every
 * bucket, so a term stays at exactly 0 until its resumes' summed residual exceeds `l1`, and a term seen in
 * fewer than `minExamples` resumes never moves: shrinkage that scales with evidence. A fixed `l1` is in units
 * of summed residual, whose noise grows like √(resumes with the term): a word in half the resumes crosses it
 * by chance once there are a few hundred labels. So a bucket must also clear `zThreshold` standard errors of
 * that sum (√ of its curvature) — the same evidence bar for a rare and a common term, at any label count.
 *
 * Position bias: with `examination` (P(a recruiter opened the resume) at the rank it was shown), the
 * likelihood is the examination model's, P(advance recorded) = e·σ(s) (as in PAL, Guo et al., RecSys 2019):
 * an advance counts fully wherever it was shown, and a reject at a rank few recruiters reach says little.
 * We also tried the unbiased IPW form (targets y/e, gradient σ(s) − y/e): same expectation, but its
 * variance (targets up to 10) pushed noise terms over the L1 threshold and lost to no correction at all.
 *
 * Solver: cyclic coordinate descent with one Newton step per coordinate and the margins updated in place
 * (as LIBLINEAR does), steps clipped for safety; convex, so it converges from δ = 0. Pure and deterministic.
 */
import type { SparseIds } from "./sparse.ts";

export interface WideCorrectionOptions {
  /**
   * Evidence a bucket needs before it moves from 0 (L1, in units of summed gradient: about "this many more
   * advances than the serving model expected among the resumes with the term"). Most terms say nothing about
   * a recruiter's preference; a Laplace prior keeps them at exactly 0 instead of letting each add a little noise.
   */
  l1: number;
  /**
   * Gaussian prior strength per bucket, in pseudo-examples. Small on purpose: the Laplace prior already decides
   * which terms move; this one only keeps a weight finite when its resumes are separable, and a larger one
   * shrank the one real preference too (eval:ranking, L2 0.25–4: 2 → 0.5 raised the rise at 200 labels in the
   * strong world from +0.115 to +0.146 and left the other two worlds within ±0.005).
   */
  l2: number;
  /**
   * Evidence in standard errors a bucket also needs (0: off): its summed gradient must exceed
   * `zThreshold · √curvature`, the noise of that sum under the serving model, as well as `l1`.
   */
  zThreshold?: number;
  /** Buckets seen in fewer examples than this never move (Monolith-style feature admission). */
  minExamples: number;
  /** Full passes over all buckets. */
  sweeps: number;
  /** Largest change of one bucket in one step (logit units). */
  maxStep: number;
}

export const DEFAULT_WIDE_CORRECTION: WideCorrectionOptions = { l1: 2, l2: 0.5, zThreshold: 1.5, minExamples: 5, sweeps: 30, maxStep: 1 };

export interface WideCorrection {
  /** Change of the global bias (not regularised: a pickier team shifts the base rate). */
  bias: number;
  /** Change of each wide bucket that any example touches. */
  delta: Map<number, number>;
  /** Mean negative log-likelihood at the end (progress reports). */
  loss: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** `targets[i]` 0/1; `offsets[i]` the serving model's logit for example i; `examination[i]` in (0, 1] or null (all 1). */
export function fitWideCorrection(
  offsets: Float32Array,
  ids: readonly SparseIds[],
  targets: Float32Array,
  opts: WideCorrectionOptions = DEFAULT_WIDE_CORRECTION,
  examination: Float32Array | null = null,
): WideCorrection {
  const n = ids.length;
  if (offsets.length !== n || targets.length !== n) throw new Error("fitWideCorrection: offsets, ids and targets differ in length");
  // Inverted index: bucket → examples containing it, with multiplicity (hash collisions, crosses).
  const occurrences = new Map<number, Map<number, number>>();
  ids.forEach((x, i) => {
    for (const b of x.wide) {
      let m = occurrences.get(b);
      if (!m) occurrences.set(b, (m = new Map()));
      m.set(i, (m.get(i) ?? 0) + 1);
    }
  });
  const buckets = [...occurrences.keys()].sort((a, b) => a - b);
  const index = buckets.map((b) => {
    const m = occurrences.get(b)!;
    return { bucket: b, rows: Int32Array.from(m.keys()), counts: Float32Array.from(m.values()) };
  });
  const margin = Float64Array.from(offsets);
  // Per-example gradient and curvature of the loss w.r.t. its margin (see gradCurv).
  let g0 = 0;
  let h0 = 0;
  const gradCurv = (i: number) => {
    const p = sigmoid(margin[i]!);
    const e = examination ? examination[i]! : 1;
    if (e >= 1 || targets[i]! > 0.5) {
      g0 = p - targets[i]!;
      h0 = p * (1 - p);
    } else {
      const q = e * p;
      g0 = (e * p * (1 - p)) / (1 - q);
      h0 = (e * p * (1 - p) * (1 - p)) / (1 - q);
    }
  };
  const delta = new Float64Array(buckets.length);
  let bias = 0;
  const fitBias = () => {
    let g = 0;
    let h = 1e-6;
    for (let i = 0; i < n; i++) {
      gradCurv(i);
      g += g0;
      h += h0;
    }
    const db = clip(-g / h, opts.maxStep);
    bias += db;
    for (let i = 0; i < n; i++) margin[i]! += db;
  };
  for (let i = 0; i < 10; i++) fitBias();
  for (let sweep = 0; sweep < opts.sweeps; sweep++) {
    fitBias();
    for (let k = 0; k < index.length; k++) {
      const { rows, counts } = index[k]!;
      // Data gradient and curvature, then the exact minimiser of the local quadratic + L2 + L1 (soft threshold).
      let gk = 0;
      let hk = 0;
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r]!;
        const c = counts[r]!;
        gradCurv(i);
        gk += c * g0;
        hk += c * c * h0;
      }
      const d0 = delta[k]!;
      const threshold = opts.zThreshold ? Math.max(opts.l1, opts.zThreshold * Math.sqrt(hk)) : opts.l1;
      const next = rows.length < opts.minExamples ? 0 : softThreshold(hk * d0 - gk, threshold) / (hk + opts.l2);
      const step = clip(next - d0, opts.maxStep);
      if (step === 0) continue;
      delta[k]! += step;
      for (let r = 0; r < rows.length; r++) margin[rows[r]!]! += counts[r]! * step;
    }
  }

  // Mean negative log-likelihood of the model fitted (the examination model's when `examination` is given).
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const s = margin[i]!;
    const e = examination ? examination[i]! : 1;
    if (e >= 1 || targets[i]! > 0.5) loss += Math.max(s, 0) + Math.log1p(Math.exp(-Math.abs(s))) - targets[i]! * s - Math.log(e);
    else loss -= Math.log1p(-e * sigmoid(s));
  }
  return { bias, delta: new Map(buckets.map((b, k) => [b, delta[k]!])), loss: loss / Math.max(n, 1) };
}

function softThreshold(x: number, t: number): number {
  return x > t ? x - t : x < -t ? x + t : 0;
}

function clip(x: number, limit: number): number {
  return x > limit ? limit : x < -limit ? -limit : x;
}
