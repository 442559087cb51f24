/**
 * Training: pointwise binary cross-entropy (keeps scores calibrated) PLUS a RankNet-style pairwise term
 * (logistic loss on logit differences of positive/negative pairs within the same ranking list), in a
 * custom loop (optimizer.minimize). Mini-batches are group-homogeneous (one posting per batch) so every
 * batch's pairs are within one list; all pos×neg pairs of a batch are used (B² masked matrix).
 * Optional inverse-propensity `weight`s scale the pointwise terms and the pairs (w_i · w_j).
 * Deterministic for a seed on a given backend (seeded initialisers, seeded batch order).
 */
import * as tf from "@tensorflow/tfjs";
import type { ModelMetadata, RankingMetrics } from "../domain/model.ts";
import { FEATURE_NAMES, FEATURE_SCHEMA_VERSION } from "../features/index.ts";
import { initBackend } from "./backend.ts";
import { evaluate, type Scorer } from "./metrics.ts";
import { buildNetwork } from "./network.ts";
import { Ranker } from "./ranker.ts";

export interface TrainingExample {
  values: Float32Array;
  target: 0 | 1;
  /** postingId: the ranking list the example belongs to. */
  group: string;
  /** Inverse-propensity weight (position-bias correction); default 1. */
  weight?: number;
  /** decidedAt (ISO); used for the time split and the data snapshot. */
  time?: string;
}

export interface TrainOptions {
  version: string;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** Weight of the pairwise term relative to the pointwise one (0 = pointwise only). */
  pairwiseWeight?: number;
  /** Weight of the pointwise cross-entropy term (default 1; 0 = pairwise only, uncalibrated). */
  pointwiseWeight?: number;
  seed?: number;
  source?: "simulator" | "labels";
  parent?: string | null;
  notes?: string;
  featureNames?: readonly string[];
  featureSchemaVersion?: number;
  /** Held-out examples; when given, metadata.metrics.validation is filled. */
  validation?: readonly TrainingExample[];
  /** Baseline scorer evaluated on the validation examples (metadata.metrics.baseline). */
  baseline?: Scorer;
  onEpoch?: (epoch: number, loss: number) => void;
}

export interface TrainResult {
  model: tf.LayersModel;
  metadata: ModelMetadata;
  /** A Ranker over `model` + `metadata` (shares the network; dispose one, not both). */
  ranker: Ranker;
  /** Mean training loss per epoch (pointwise + weighted pairwise). */
  history: number[];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(a: T[], rng: () => number): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * RankNet pairwise loss on logits [B]: mean over pos×neg pairs of softplus(−(s_pos − s_neg)),
 * pairs weighted by w_pos · w_neg. Zero when the batch has no pair.
 */
export function pairwiseLoss(logits: tf.Tensor1D, targets: tf.Tensor1D, weights: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const posW = targets.mul(weights);
    const negW = tf.onesLike(targets).sub(targets).mul(weights);
    const mask = tf.outerProduct(posW as tf.Tensor1D, negW as tf.Tensor1D); // [B,B]: i positive, j negative
    const diff = logits.expandDims(1).sub(logits.expandDims(0)); // s_i − s_j
    const loss = tf.softplus(diff.neg()).mul(mask).sum();
    return loss.div(tf.maximum(mask.sum(), 1e-6)) as tf.Scalar;
  });
}

/** Weighted mean binary cross-entropy on logits. */
export function pointwiseLoss(logits: tf.Tensor1D, targets: tf.Tensor1D, weights: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    // max(x,0) − x·y + log(1 + exp(−|x|))
    const l = tf.relu(logits).sub(logits.mul(targets)).add(tf.softplus(logits.abs().neg()));
    return l.mul(weights).sum().div(tf.maximum(weights.sum(), 1e-6)) as tf.Scalar;
  });
}

export function computeNormalisation(rows: readonly Float32Array[], f: number): { mean: number[]; std: number[] } {
  const mean = new Float64Array(f);
  const sq = new Float64Array(f);
  for (const r of rows) for (let j = 0; j < f; j++) mean[j]! += r[j]!;
  const n = Math.max(rows.length, 1);
  for (let j = 0; j < f; j++) mean[j]! /= n;
  for (const r of rows)
    for (let j = 0; j < f; j++) {
      const d = r[j]! - mean[j]!;
      sq[j]! += d * d;
    }
  const std = Array.from(sq, (s) => {
    const v = Math.sqrt(s / n);
    return v > 1e-6 ? v : 1;
  });
  return { mean: Array.from(mean), std };
}

export async function trainRanker(examples: readonly TrainingExample[], opts: TrainOptions): Promise<TrainResult> {
  if (examples.length === 0) throw new Error("trainRanker: no training examples");
  const backend = await initBackend();
  const f = examples[0]!.values.length;
  const featureNames = [...(opts.featureNames ?? FEATURE_NAMES)];
  if (featureNames.length !== f) throw new Error(`trainRanker: rows have ${f} values but ${featureNames.length} feature names`);
  for (const [i, e] of examples.entries()) {
    if (e.values.length !== f) throw new Error(`trainRanker: example ${i} has ${e.values.length} values, expected ${f}`);
  }
  const epochs = opts.epochs ?? 8;
  const batchSize = opts.batchSize ?? 256;
  const lambda = opts.pairwiseWeight ?? 1;
  const mu = opts.pointwiseWeight ?? 1;
  if (lambda === 0 && mu === 0) throw new Error("trainRanker: pointwiseWeight and pairwiseWeight are both 0");
  const seed = opts.seed ?? 42;
  const rng = mulberry32(seed);
  const started = performance.now();

  const normalisation = computeNormalisation(
    examples.map((e) => e.values),
    f,
  );
  const n = examples.length;
  const X = new Float32Array(n * f);
  const Y = new Float32Array(n);
  const W = new Float32Array(n);
  examples.forEach((e, i) => {
    for (let j = 0; j < f; j++) X[i * f + j] = (e.values[j]! - normalisation.mean[j]!) / normalisation.std[j]!;
    Y[i] = e.target;
    W[i] = e.weight ?? 1;
  });
  const byGroup = new Map<string, number[]>();
  examples.forEach((e, i) => {
    let l = byGroup.get(e.group);
    if (!l) byGroup.set(e.group, (l = []));
    l.push(i);
  });
  const groupLists = [...byGroup.keys()].sort().map((g) => byGroup.get(g)!);

  const model = buildNetwork(f, seed);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const optimizer = tf.train.adam(opts.learningRate ?? 0.005);
  const xbuf = new Float32Array(batchSize * f);
  const ybuf = new Float32Array(batchSize);
  const wbuf = new Float32Array(batchSize);
  const history: number[] = [];

  for (let epoch = 0; epoch < epochs; epoch++) {
    const batches: number[][] = [];
    for (const list of groupLists) {
      const idx = shuffle([...list], rng);
      for (let s = 0; s < idx.length; s += batchSize) batches.push(idx.slice(s, s + batchSize));
    }
    shuffle(batches, rng);
    let total = 0;
    let count = 0;
    for (const batch of batches) {
      const b = batch.length;
      batch.forEach((i, k) => {
        xbuf.set(X.subarray(i * f, (i + 1) * f), k * f);
        ybuf[k] = Y[i]!;
        wbuf[k] = W[i]!;
      });
      const xb = tf.tensor2d(xbuf.subarray(0, b * f), [b, f]);
      const yb = tf.tensor1d(ybuf.subarray(0, b));
      const wb = tf.tensor1d(wbuf.subarray(0, b));
      const cost = optimizer.minimize(
        () => {
          const logits = (model.apply(xb, { training: true }) as tf.Tensor).reshape([b]) as tf.Tensor1D;
          if (lambda === 0) return pointwiseLoss(logits, yb, wb).mul(mu) as tf.Scalar;
          const pair = pairwiseLoss(logits, yb, wb).mul(lambda) as tf.Scalar;
          return mu === 0 ? pair : (pointwiseLoss(logits, yb, wb).mul(mu).add(pair) as tf.Scalar);
        },
        true,
        vars,
      );
      total += cost ? (cost.dataSync()[0] ?? 0) * b : 0;
      count += b;
      cost?.dispose();
      xb.dispose();
      yb.dispose();
      wb.dispose();
    }
    const mean = total / Math.max(count, 1);
    history.push(mean);
    opts.onEpoch?.(epoch, mean);
  }
  optimizer.dispose();
  const trainingSeconds = (performance.now() - started) / 1000;

  let snapshot: string | null = null;
  for (const e of examples) if (e.time && (snapshot === null || e.time > snapshot)) snapshot = e.time;

  const metadata: ModelMetadata = {
    version: opts.version,
    createdAt: new Date().toISOString(),
    featureSchemaVersion: opts.featureSchemaVersion ?? FEATURE_SCHEMA_VERSION,
    featureNames,
    normalisation,
    trainedOn: { source: opts.source ?? "labels", examples: n, snapshot },
    metrics: { validation: null, baseline: null },
    trainingSeconds: Math.round(trainingSeconds * 1000) / 1000,
    backend,
    parent: opts.parent ?? null,
    notes: opts.notes ?? "",
  };
  const ranker = new Ranker(model, metadata);
  if (opts.validation && opts.validation.length > 0) {
    const validation: RankingMetrics = evaluate(ranker, opts.validation);
    metadata.metrics.validation = validation;
    if (opts.baseline) metadata.metrics.baseline = evaluate(opts.baseline, opts.validation);
  }
  return { model, metadata, ranker, history };
}
