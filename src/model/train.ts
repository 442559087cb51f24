/**
 * Training: pointwise binary cross-entropy PLUS a RankNet pairwise term (logistic loss on logit
 * differences of positive/negative pairs within the same ranking list), weighted by inverse
 * propensity. Mini-batches are group-homogeneous (one posting per batch) so every batch's pairs are
 * within one list. Dense weights: Adam on the tfjs backend. Sparse tables: lazy Adagrad in JS from
 * the gradients w.r.t. the pooled bag and the wide sum (./sparse.ts says why). Finally the logit is
 * Platt-calibrated on the unweighted training labels.
 *
 * Warm start: the new model starts from the given model's weights and standardisation. From
 * FINE_TUNE_DENSE_FROM labels every weight fine-tunes as above; below it the network stays as it is and the
 * labels fit a correction of its wide term/cross weights and bias (./wide-correction.ts): a few hundred
 * position-biased labels cannot retrain a network, but they can move the few terms they consistently reward.
 * Deterministic for a seed on a given backend.
 */
import * as tf from "@tensorflow/tfjs";
import type { ModelMetadata } from "../domain/model.ts";
import { FEATURE_NAMES, FEATURE_SCHEMA_VERSION } from "../features/index.ts";
import { examinationPropensity } from "./propensity.ts";
import { initBackend } from "./backend.ts";
import { fitPlatt } from "./calibration.ts";
import { evaluate, rankerScorer, type EvalExample, type Scorer } from "./metrics.ts";
import { WideDeepNetwork } from "./network.ts";
import { Ranker } from "./ranker.ts";
import { mulberry32 } from "./random.ts";
import { DEFAULT_SPARSE, lookup, SparseAdagrad, sparseIds, type SparseConfig, type SparseIds } from "./sparse.ts";
import { DEFAULT_WIDE_CORRECTION, fitWideCorrection, type WideCorrectionOptions } from "./wide-correction.ts";

export interface TrainingExample extends EvalExample {
  terms: readonly string[];
  /** Inverse-propensity weight (position-bias correction); default 1. */
  weight?: number;
  /** Rank the candidate was shown at when decided (position-bias correction); null when unknown. */
  rankShown?: number | null;
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
   * Train every weight (mini-batch SGD). Default: yes from scratch; on a warm start only from
   * FINE_TUNE_DENSE_FROM examples on, below which a correction of the wide weights is fitted instead
   * (a few hundred position-biased labels would bend the shared network toward the last ranking).
   */
  trainDense?: boolean;
  /**
   * Exponent of the examination curve for labels with a rank (src/model/propensity.ts; 1 = the documented
   * curve). trainCandidate estimates it from the labels (./examination.ts).
   */
  examinationEta?: number;
  /** Prior strength and solver of the warm-start correction (./wide-correction.ts), used while the dense part is frozen. */
  wideCorrection?: WideCorrectionOptions;
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

interface SgdInputs {
  net: WideDeepNetwork;
  X: Float32Array;
  Y: Float32Array;
  W: Float32Array;
  ids: SparseIds[];
  groupLists: number[][];
  epochs: number;
  batchSize: number;
  lambda: number;
  mu: number;
  rng: () => number;
  opts: TrainOptions;
  warm: boolean;
}

/** Mini-batch training of every weight: Adam on the dense ones, lazy Adagrad on the sparse tables. Returns the loss per epoch. */
async function fitSgd({ net, X, Y, W, ids, groupLists, epochs, batchSize, lambda, mu, rng, opts, warm }: SgdInputs): Promise<number[]> {
  const f = net.numFeatures;
  const dim = net.sparse.embedDim;
  const history: number[] = [];
  const optimizer = tf.train.adam(opts.learningRate ?? (warm ? 0.002 : 0.005));
  const lr = opts.sparseLearningRate ?? { embed: 0.02, wide: 0.15 };
  const sparseOpt = new SparseAdagrad(net.sparse, lr, opts.sparseL2 ?? 3e-2);

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
      optimizer.applyGradients(net.trainableDense.map((v) => ({ name: v.name, tensor: grads[v.name]! })));
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
  return history;
}

/**
 * Warm start below FINE_TUNE_DENSE_FROM labels: the serving network stays as it is and the labels fit a
 * correction of its wide term/cross weights and bias with a sparse, evidence-scaled prior
 * (./wide-correction.ts). Position bias enters through the examination probability of each label's rank,
 * not through IPW weights (the eval measured why: docs/readme/ranking.md). Returns the final mean loss.
 */
function correctWide(net: WideDeepNetwork, X: Float32Array, ids: SparseIds[], Y: Float32Array, options: WideCorrectionOptions, examination: Float32Array | null): number {
  const offsets = net.logits(X, ids);
  const { bias, delta, loss } = fitWideCorrection(offsets, ids, Y, options, examination);
  for (const [bucket, d] of delta) net.wide[bucket]! += d;
  const biased = net.dense.bias.add(bias);
  net.dense.bias.assign(biased);
  biased.dispose();
  return loss;
}

/** P(examined) of each label's rank (src/model/propensity.ts); null when no label records a rank or η = 0. */
function examinationOf(examples: readonly TrainingExample[], eta: number | undefined): Float32Array | null {
  if (eta === 0 || !examples.some((e) => e.rankShown)) return null;
  return Float32Array.from(examples, (e) => examinationPropensity(e.rankShown ?? 0, eta));
}

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

  const trainDense = !warm || (opts.trainDense ?? n >= FINE_TUNE_DENSE_FROM);
  const history = trainDense
    ? await fitSgd({ net, X, Y, W, ids, groupLists, epochs, batchSize, lambda, mu, rng, opts, warm: warm !== null })
    : [correctWide(net, X, ids, Y, opts.wideCorrection ?? DEFAULT_WIDE_CORRECTION, examinationOf(examples, opts.examinationEta))];
  if (!trainDense) opts.onEpoch?.(0, history[0]!);

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
    correctionOf: trainDense ? null : warm!.version,
    notes: opts.notes ?? (warm ? (trainDense ? `warm start from ${warm.version}; all weights fine-tuned` : `correction of ${warm.version}'s term and cross weights`) : ""),
  };
  const ranker = new Ranker(net, metadata);
  if (opts.validation && opts.validation.length > 0) {
    metadata.metrics.validation = evaluate(rankerScorer(ranker), opts.validation);
    if (opts.baseline) metadata.metrics.baseline = evaluate(opts.baseline, opts.validation);
  }
  return { ranker, metadata, history };
}
