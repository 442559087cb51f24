/**
 * The ranker: a trained wide & deep network plus the metadata that binds it to a feature schema,
 * its standardisation and its calibration. `predict` scores any number of inputs in ONE batched
 * forward pass and returns calibrated P(advance) (Platt scaling fitted at training time).
 */
import type { ModelMetadata } from "../domain/model.ts";
import type { Contribution } from "../domain/shortlist.ts";
import { describeFeature } from "../features/describe.ts";
import { termText } from "../features/terms.ts";
import type { WideDeepNetwork } from "./network.ts";
import { lookup, sparseIds, type SparseConfig, type SparseIds } from "./sparse.ts";

/** What the model reads of a feature vector (src/features `FeatureVector` satisfies it). */
export interface ModelInput {
  values: Float32Array;
  /** Redacted terms, or their 32-bit hashes (as the feature cache stores them). */
  terms: readonly string[] | Uint32Array;
  postingId: string;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export class Ranker {
  readonly metadata: ModelMetadata;
  readonly network: WideDeepNetwork;
  private readonly mean: Float32Array;
  private readonly invStd: Float32Array;

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

  /** Standardised flat dense rows and hashed sparse ids. */
  prepare(inputs: readonly ModelInput[]): { x: Float32Array; ids: SparseIds[] } {
    const f = this.numFeatures;
    const x = new Float32Array(inputs.length * f);
    const ids: SparseIds[] = [];
    inputs.forEach((r, i) => {
      if (r.values.length !== f) throw new Error(`predict: row ${i} has ${r.values.length} values, model ${this.version} expects ${f}`);
      for (let j = 0; j < f; j++) x[i * f + j] = (r.values[j]! - this.mean[j]!) * this.invStd[j]!;
      ids.push(sparseIds(r.terms, r.postingId, this.sparse));
    });
    return { x, ids };
  }

  /** Raw (uncalibrated) logits. */
  logits(inputs: readonly ModelInput[]): Float32Array {
    const { x, ids } = this.prepare(inputs);
    return this.network.logits(x, ids);
  }

  /** Calibrated probability for a logit. */
  calibrate(logit: number): number {
    const c = this.metadata.calibration ?? { a: 1, b: 0 };
    return sigmoid(c.a * logit + c.b);
  }

  /** Calibrated probability of "advance" for each input. */
  predict(inputs: readonly ModelInput[]): Float32Array {
    return Float32Array.from(this.logits(inputs), (z) => this.calibrate(z));
  }

  /**
   * Occlusion explanations for many inputs in ONE batched forward pass (n × (f + 2) rows):
   * each dense feature set to its training mean, and the whole term bag removed from the deep part;
   * the wide term weights are additive, so each term's effect is exact without re-scoring.
   * Contributions are in probability points; top-K by size, zero effects omitted.
   */
  explainBatch(inputs: readonly ModelInput[], evidence: readonly Readonly<Record<string, string | null>>[], topK = 5): Contribution[][] {
    const f = this.numFeatures;
    const dim = this.sparse.embedDim;
    const { x, ids } = this.prepare(inputs);
    const { bag, wideSum } = lookup(ids, this.network.embedding, this.network.wide, dim);
    const v = f + 2;
    const n = inputs.length;
    const X = new Float32Array(n * v * f);
    const B = new Float32Array(n * v * dim);
    const W = new Float32Array(n * v);
    const allIds: SparseIds[] = [];
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < v; k++) {
        const row = i * v + k;
        X.set(x.subarray(i * f, (i + 1) * f), row * f);
        if (k >= 1 && k <= f) X[row * f + (k - 1)] = 0; // standardised mean
        if (k !== f + 1) B.set(bag.subarray(i * dim, (i + 1) * dim), row * dim);
        W[row] = wideSum[i]!;
        allIds.push(ids[i]!);
      }
    }
    const logits = this.network.logits(X, allIds, { bag: B, wideSum: W });
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
        const x0 = ids[i]!;
        if (input.terms instanceof Uint32Array) return finish(out);
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
