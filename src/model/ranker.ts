/**
 * The ranker: a trained wide & deep network plus the metadata that binds it to a feature schema,
 * its standardisation and its calibration. `predict` scores any number of inputs in ONE batched
 * forward pass and returns calibrated P(advance) (Platt scaling fitted at training time).
 *
 * Inference path (bench/scoring.ts measures it): one JS pass per row standardises the dense values and
 * pools the hashed terms straight into one packed [x | bag] buffer while summing the wide part, then
 * `WideDeepNetwork#deepLogits` runs the MLP as three fused kernels. It gives the logits of the
 * training graph (`WideDeepNetwork#logits`) to float32 rounding (test/unit/model/ranker-fast-path.test.ts).
 * The wide dense weights are read once here: a network is not trained after a Ranker wraps it
 * (training builds the Ranker at the end; warm starts train a clone).
 */
import type { ModelMetadata } from "../domain/model.ts";
import type { Contribution } from "../domain/shortlist.ts";
import { describeFeature } from "../features/describe.ts";
import { termText } from "../features/terms.ts";
import type { WideDeepNetwork } from "./network.ts";
import { poolTerms, sparseIds, termsForModel, type HashedTerms, type SparseConfig } from "./sparse.ts";

/** What the model reads of a feature vector (src/features `FeatureVector` satisfies it). */
export interface ModelInput {
  values: Float32Array;
  /** Redacted terms, or their 32-bit hashes (as the feature cache stores them). */
  terms: readonly string[] | Uint32Array;
  /**
   * `hashTerms(terms)`, computed once when the feature vector was built (src/features `vectorize`):
   * scoring and explaining read these hashes instead of hashing the strings, which stay the words
   * of the explanations. Used only while `terms` is the array they were computed from (see `termsForModel`).
   */
  hashedTerms?: HashedTerms;
  postingId: string;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export class Ranker {
  readonly metadata: ModelMetadata;
  readonly network: WideDeepNetwork;
  private readonly mean: Float32Array;
  private readonly invStd: Float32Array;
  private readonly wideWeights: Float32Array;
  private readonly bias: number;
  /** `logits`' packed rows, reused from batch to batch (it is consumed before `logits` returns); ≤ 1 MB kept. */
  private scratch = new Float32Array(0);

  constructor(network: WideDeepNetwork, metadata: ModelMetadata) {
    const f = metadata.featureNames.length;
    if (metadata.normalisation.mean.length !== f || metadata.normalisation.std.length !== f) {
      throw new Error(`model ${metadata.version}: normalisation has a different length than featureNames (${f})`);
    }
    if (network.numFeatures !== f) throw new Error(`model ${metadata.version}: network expects ${network.numFeatures} features, metadata lists ${f}`);
    this.network = network;
    this.metadata = metadata;
    this.mean = Float32Array.from(metadata.normalisation.mean);
    this.invStd = Float32Array.from(metadata.normalisation.std, (s) => (s > 1e-8 ? 1 / s : 1));
    const { weights, bias } = network.wideDense();
    this.wideWeights = weights;
    this.bias = bias;
  }

  get version(): string {
    return this.metadata.version;
  }

  get numFeatures(): number {
    return this.metadata.featureNames.length;
  }

  get sparse(): SparseConfig {
    return this.network.sparse;
  }

  /** Refuse rows built with another feature schema. */
  assertSchema(schemaVersion: number): void {
    if (schemaVersion !== this.metadata.featureSchemaVersion) {
      throw new Error(
        `feature schema mismatch: rows use feature schema version ${schemaVersion}, but model ${this.version} ` +
          `was trained on feature schema version ${this.metadata.featureSchemaVersion}; re-vectorise or retrain`,
      );
    }
  }

  /**
   * Rows packed for `deepLogits`: [standardised values | mean-pooled term embeddings] (n × (f + dim)),
   * and the wide part of each logit (x·w_wide + bias + term and cross weights), in one pass per row.
   * `reuse`: write into this Ranker's scratch buffer instead of a new array (the caller must be done
   * with `packed` before the next call); every element of the returned rows is written.
   */
  private pack(inputs: readonly ModelInput[], reuse = false): { packed: Float32Array; wide: Float64Array } {
    const f = this.numFeatures;
    const width = f + this.sparse.embedDim;
    const { mean, invStd, wideWeights, bias, sparse } = this;
    const { embedding, wide: wideTable } = this.network;
    const size = inputs.length * width;
    const keep = reuse && size <= 1 << 18; // one big evaluation batch must not pin its buffer for the Ranker's life
    if (keep && this.scratch.length < size) this.scratch = new Float32Array(size);
    const packed = keep ? this.scratch.subarray(0, size) : new Float32Array(size);
    const wide = new Float64Array(inputs.length);
    for (let i = 0; i < inputs.length; i++) {
      const r = inputs[i]!;
      const v = r.values;
      if (v.length !== f) throw new Error(`predict: row ${i} has ${v.length} values, model ${this.version} expects ${f}`);
      const o = i * width;
      let s = bias;
      for (let j = 0; j < f; j++) {
        const x = Math.fround((v[j]! - mean[j]!) * invStd[j]!); // the stored float32, without reading it back
        packed[o + j] = x;
        s += x * wideWeights[j]!;
      }
      wide[i] = s + poolTerms(termsForModel(r.terms, r.hashedTerms), r.postingId, sparse, embedding, wideTable, packed, o + f);
    }
    return { packed, wide };
  }

  /** Raw (uncalibrated) logits. */
  logits(inputs: readonly ModelInput[]): Float32Array {
    const { packed, wide } = this.pack(inputs, true);
    const deep = this.network.deepLogits(packed, inputs.length);
    const out = new Float32Array(inputs.length);
    for (let i = 0; i < out.length; i++) out[i] = deep[i]! + wide[i]!;
    return out;
  }

  /** Calibrated probability for a logit. */
  calibrate(logit: number): number {
    const c = this.metadata.calibration ?? { a: 1, b: 0 };
    return sigmoid(c.a * logit + c.b);
  }

  /** Calibrated probability of "advance" for each input. */
  predict(inputs: readonly ModelInput[]): Float32Array {
    const out = this.logits(inputs);
    const { a, b } = this.metadata.calibration ?? { a: 1, b: 0 };
    for (let i = 0; i < out.length; i++) out[i] = sigmoid(a * out[i]! + b);
    return out;
  }

  /**
   * Occlusion explanations for many inputs in ONE batched forward pass (n × (f + 2) rows):
   * each dense feature set to its training mean, and the whole term bag removed from the deep part;
   * the wide term weights are additive, so each term's effect is exact without re-scoring.
   * Contributions are in probability points; top-K by size, zero effects omitted.
   */
  explainBatch(inputs: readonly ModelInput[], evidence: readonly Readonly<Record<string, string | null>>[], topK = 5): Contribution[][] {
    const f = this.numFeatures;
    const width = f + this.sparse.embedDim;
    const { packed, wide } = this.pack(inputs);
    const v = f + 2;
    const n = inputs.length;
    // Row k = 0: as is; 1…f: feature k−1 at its training mean (standardised 0, so its wide term drops
    // out too); f + 1: the term bag emptied in the deep part (the wide term weights stay).
    const X = new Float32Array(n * v * width);
    const W = new Float64Array(n * v);
    for (let i = 0; i < n; i++) {
      const base = packed.subarray(i * width, (i + 1) * width);
      for (let k = 0; k < v; k++) {
        const row = i * v + k;
        X.set(base, row * width);
        W[row] = wide[i]!;
        if (k >= 1 && k <= f) {
          X[row * width + (k - 1)] = 0;
          W[row] = wide[i]! - base[k - 1]! * this.wideWeights[k - 1]!;
        }
        if (k === f + 1) X.fill(0, row * width + f, (row + 1) * width);
      }
    }
    const deep = this.network.deepLogits(X, n * v);
    const logits = new Float64Array(n * v);
    for (let r = 0; r < n * v; r++) logits[r] = deep[r]! + W[r]!;
    // Reasons are chosen and ordered by their effect on the calibrated LOGIT and reported in probability
    // points: a confident model (p near 0 or 1) moves probabilities by almost nothing, and filtering on
    // that would leave its strongest and weakest candidates without any reason.
    const a = this.metadata.calibration?.a ?? 1;
    const effect = new Map<Contribution, number>();
    const finish = (out: Contribution[]) =>
      out
        .filter((c) => Math.abs(effect.get(c) ?? 0) > 1e-4)
        .sort((x, y) => Math.abs(effect.get(y)!) - Math.abs(effect.get(x)!))
        .slice(0, topK);
    const reason = (c: Contribution, dLogit: number): Contribution => {
      effect.set(c, a * dLogit);
      return c;
    };
    return inputs.map((input, i) => {
      const base = logits[i * v]!;
      const p = this.calibrate(base);
      const out: Contribution[] = this.metadata.featureNames.map((name, j) => reason({
        feature: name,
        label: describeFeature(name, input.values[j]!),
        contribution: p - this.calibrate(logits[i * v + 1 + j]!),
        evidence: evidence[i]?.[name] ?? null,
      }, base - logits[i * v + 1 + j]!));
      if (input.terms.length > 0) {
        out.push(reason({
          feature: "resume_terms",
          label: "Overall wording of the resume (learned from recruiters' decisions)",
          contribution: p - this.calibrate(logits[i * v + f + 1]!),
          evidence: null,
        }, base - logits[i * v + f + 1]!));
        if (input.terms instanceof Uint32Array) return finish(out);
        const x0 = sparseIds(termsForModel(input.terms, input.hashedTerms), input.postingId, this.sparse);
        input.terms.forEach((term, k) => {
          const w = this.network.wide[x0.wide[k]!]! + this.network.wide[x0.wide[x0.crossStart + k]!]!;
          if (Math.abs(w) < 0.05) return;
          out.push(reason({
            feature: `term:${term}`,
            label: `Resume mentions "${termText(term)}" (learned from recruiters' decisions)`,
            contribution: p - this.calibrate(base - w),
            evidence: termText(term),
          }, w));
        });
      }
      return finish(out);
    });
  }

  explain(input: ModelInput, evidence: Readonly<Record<string, string | null>>, topK = 5): Contribution[] {
    return this.explainBatch([input], [evidence], topK)[0]!;
  }

  /** Compile kernels and pack weights once (the first wasm call costs 50–150 ms). */
  warmUp(rows = 64): void {
    const values = new Float32Array(this.numFeatures);
    this.predict(Array.from({ length: rows }, () => ({ values, terms: [], postingId: "warm-up" })));
  }

  dispose(): void {
    this.network.dispose();
  }
}
