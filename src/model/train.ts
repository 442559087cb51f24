/**
 * Training: pointwise binary cross-entropy PLUS a RankNet pairwise term (logistic loss on logit
 * differences of positive/negative pairs within the same ranking list), weighted by inverse
 * propensity. Mini-batches are group-homogeneous (one posting per batch) so every batch's pairs are
 * within one list. Dense weights: Adam on the tfjs backend. Sparse tables: lazy Adagrad in JS from
 * the gradients w.r.t. the pooled bag and the wide sum (./sparse.ts says why). Finally the logit is
 * Platt-calibrated on the unweighted training labels.
 *
 * Warm start (`parent`): the new model starts from the serving model's weights and standardisation,
 * so a few hundred labels refine what it knows instead of relearning it from scratch; the sparse
 * wide weights start at 0 for unseen terms, so a new preference is learned as a correction.
 * Deterministic for a seed on a given backend.
 */
import * as tf from "@tensorflow/tfjs";
import type { ModelMetadata } from "../domain/model.ts";
import { FEATURE_NAMES, FEATURE_SCHEMA_VERSION } from "../features/index.ts";
import { initBackend } from "./backend.ts";
import { fitPlatt } from "./calibration.ts";
import { evaluate, rankerScorer, type EvalExample, type Scorer } from "./metrics.ts";
import { WideDeepNetwork } from "./network.ts";
import { Ranker } from "./ranker.ts";
import { mulberry32 } from "./random.ts";
import { DEFAULT_SPARSE, lookup, SparseAdagrad, sparseIds, type SparseConfig } from "./sparse.ts";

export interface TrainingExample extends EvalExample {
  terms: readonly string[];
  /** Inverse-propensity weight (position-bias correction); default 1. */
  weight?: number;
  /** decidedAt (ISO); used for the time split and the data snapshot. */
  time?: string;
}

export interface TrainOptions {
  version: string;
  /** Default: enough passes for ~4,000 example-visits, between 8 and 40. */
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** Adagrad rates of the sparse tables. */
  sparseLearningRate?: { embed: number; wide: number };
  /** L2 on the sparse rows a batch touches. */
  sparseL2?: number;
  pairwiseWeight?: number;
  pointwiseWeight?: number;
  seed?: number;
  source?: "simulator" | "labels";
  /** Warm start from this model (its weights, standardisation and sparse config). */
  warmStart?: Ranker | null;
  /**
   * Train the dense weights too. Default: yes from scratch; on a warm start only from
   * FINE_TUNE_DENSE_FROM examples on: a few hundred position-biased labels would bend the shared
   * model toward the last ranking, while the sparse weights (zero for unseen terms) learn the new
   * preference as a correction on top of it.
   */
  trainDense?: boolean;
  parent?: string | null;
  notes?: string;
  featureNames?: readonly string[];
  featureSchemaVersion?: number;
  sparse?: SparseConfig;
  validation?: readonly TrainingExample[];
  baseline?: Scorer;
  onEpoch?: (epoch: number, loss: number) => void;
}

export interface TrainResult {
  ranker: Ranker;
  metadata: ModelMetadata;
  history: number[];
}

function shuffle<T>(a: T[], rng: () => number): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** RankNet loss on logits [B]: mean over pos×neg pairs of softplus(−(s_pos − s_neg)), pairs weighted w_pos·w_neg. */
export function pairwiseLoss(logits: tf.Tensor1D, targets: tf.Tensor1D, weights: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const posW = targets.mul(weights);
    const negW = tf.onesLike(targets).sub(targets).mul(weights);
    const mask = tf.outerProduct(posW as tf.Tensor1D, negW as tf.Tensor1D);
    const diff = logits.expandDims(1).sub(logits.expandDims(0));
    return tf.softplus(diff.neg()).mul(mask).sum().div(tf.maximum(mask.sum(), 1e-6)) as tf.Scalar;
  });
}

/** Weighted mean binary cross-entropy on logits. */
export function pointwiseLoss(logits: tf.Tensor1D, targets: tf.Tensor1D, weights: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
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
  return { mean: Array.from(mean), std: Array.from(sq, (s) => (Math.sqrt(s / n) > 1e-6 ? Math.sqrt(s / n) : 1)) };
}

let batchVars = 0;
export const FINE_TUNE_DENSE_FROM = 2000;

export async function trainRanker(examples: readonly TrainingExample[], opts: TrainOptions): Promise<TrainResult> {
  if (examples.length === 0) throw new Error("trainRanker: no training examples");
  const backend = await initBackend();
  const f = examples[0]!.values.length;
  const warm = opts.warmStart ?? null;
  const featureNames = [...(warm?.metadata.featureNames ?? opts.featureNames ?? FEATURE_NAMES)];
  if (featureNames.length !== f) throw new Error(`trainRanker: rows have ${f} values but ${featureNames.length} feature names`);
  for (const [i, e] of examples.entries()) {
    if (e.values.length !== f) throw new Error(`trainRanker: example ${i} has ${e.values.length} values, expected ${f}`);
  }
  const n = examples.length;
  const epochs = opts.epochs ?? Math.max(8, Math.min(40, Math.ceil(4000 / n)));
  const batchSize = opts.batchSize ?? 256;
  const lambda = opts.pairwiseWeight ?? 1;
  const mu = opts.pointwiseWeight ?? 1;
  if (lambda === 0 && mu === 0) throw new Error("trainRanker: pointwiseWeight and pairwiseWeight are both 0");
  const seed = opts.seed ?? 42;
  const rng = mulberry32(seed);
  const started = performance.now();

  const normalisation = warm ? warm.metadata.normalisation : computeNormalisation(examples.map((e) => e.values), f);
  const net = warm ? warm.network.clone() : WideDeepNetwork.create(f, opts.sparse ?? DEFAULT_SPARSE, seed);
  const cfg = net.sparse;
  const dim = cfg.embedDim;
  const X = new Float32Array(n * f);
  const Y = new Float32Array(n);
  const W = new Float32Array(n);
  const ids = examples.map((e, i) => {
    for (let j = 0; j < f; j++) X[i * f + j] = (e.values[j]! - normalisation.mean[j]!) / normalisation.std[j]!;
    Y[i] = e.target;
    W[i] = e.weight ?? 1;
    return sparseIds(e.terms, e.group, cfg);
  });
  const byGroup = new Map<string, number[]>();
  examples.forEach((e, i) => {
    let l = byGroup.get(e.group);
    if (!l) byGroup.set(e.group, (l = []));
    l.push(i);
  });
  const groupLists = [...byGroup.keys()].sort().map((g) => byGroup.get(g)!);

  const trainDense = opts.trainDense ?? (!warm || n >= FINE_TUNE_DENSE_FROM);
  const optimizer = tf.train.adam(opts.learningRate ?? (warm ? 0.002 : 0.005));
  // The embeddings feed the deep part: while it is frozen they stay frozen too (moving the inputs of a
  // frozen MLP changes it all the same); the wide term and cross weights carry the correction.
  const lr = opts.sparseLearningRate ?? { embed: 0.02, wide: 0.15 };
  const sparseOpt = new SparseAdagrad(cfg, trainDense ? lr : { ...lr, embed: 0 }, opts.sparseL2 ?? 3e-2);
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
      const xb = new Float32Array(b * f);
      const yb = new Float32Array(b);
      const wb = new Float32Array(b);
      const idsB = batch.map((i, k) => {
        xb.set(X.subarray(i * f, (i + 1) * f), k * f);
        yb[k] = Y[i]!;
        wb[k] = W[i]!;
        return ids[i]!;
      });
      const { bag, wideSum } = lookup(idsB, net.embedding, net.wide, dim);
      const tag = ++batchVars;
      const bagVar = tf.variable(tf.tensor2d(bag, [b, dim]), true, `bag_batch_${tag}`);
      const wideVar = tf.variable(tf.tensor1d(wideSum), true, `wide_batch_${tag}`);
      const xt = tf.tensor2d(xb, [b, f]);
      const yt = tf.tensor1d(yb);
      const wt = tf.tensor1d(wb);
      const { value, grads } = tf.variableGrads(() => {
        const logits = net.forward(xt, bagVar as tf.Variable<tf.Rank.R2>, wideVar as tf.Variable<tf.Rank.R1>);
        const point = mu === 0 ? tf.scalar(0) : pointwiseLoss(logits, yt, wt).mul(mu);
        const pair = lambda === 0 ? tf.scalar(0) : pairwiseLoss(logits, yt, wt).mul(lambda);
        return point.add(pair) as tf.Scalar;
      }, [...net.trainableDense, bagVar, wideVar]);
      const gradBag = grads[bagVar.name]!.dataSync() as Float32Array;
      const gradWide = grads[wideVar.name]!.dataSync() as Float32Array;
      // Frozen dense weights still learn the global offset: labels' base rate differs from the prior's
      // (pickier recruiters), and without a trainable bias that shift leaks into every common term's weight.
      const dense = trainDense ? net.trainableDense : [net.dense.bias];
      optimizer.applyGradients(dense.map((v) => ({ name: v.name, tensor: grads[v.name]! })));
      sparseOpt.step(idsB, gradBag, gradWide, net.embedding, net.wide);
      total += (value.dataSync()[0] ?? 0) * b;
      count += b;
      tf.dispose([value, ...Object.values(grads), bagVar, wideVar, xt, yt, wt]);
    }
    const mean = total / Math.max(count, 1);
    history.push(mean);
    opts.onEpoch?.(epoch, mean);
  }
  optimizer.dispose();

  // Calibrate on the unweighted training labels.
  const trainLogits = net.logits(X, ids);
  const calibration = fitPlatt(trainLogits, Y);
  const trainingSeconds = (performance.now() - started) / 1000;

  let snapshot: string | null = null;
  for (const e of examples) if (e.time && (snapshot === null || e.time > snapshot)) snapshot = e.time;
  const metadata: ModelMetadata = {
    version: opts.version,
    createdAt: new Date().toISOString(),
    featureSchemaVersion: warm?.metadata.featureSchemaVersion ?? opts.featureSchemaVersion ?? FEATURE_SCHEMA_VERSION,
    featureNames,
    normalisation,
    trainedOn: { source: opts.source ?? "labels", examples: n, snapshot },
    metrics: { validation: null, baseline: null },
    sparse: { ...cfg },
    calibration,
    trainingSeconds: Math.round(trainingSeconds * 1000) / 1000,
    backend,
    parent: opts.parent ?? warm?.version ?? null,
    notes: opts.notes ?? (warm ? `warm start from ${warm.version}; dense weights ${trainDense ? "fine-tuned" : "frozen"}` : ""),
  };
  const ranker = new Ranker(net, metadata);
  if (opts.validation && opts.validation.length > 0) {
    metadata.metrics.validation = evaluate(rankerScorer(ranker), opts.validation);
    if (opts.baseline) metadata.metrics.baseline = evaluate(opts.baseline, opts.validation);
  }
  return { ranker, metadata, history };
}
