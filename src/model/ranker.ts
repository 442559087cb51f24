/**
 * The ranker: a trained wide & deep network plus the metadata that binds it to a feature schema.
 * `predict` standardises rows with the training mean/std and scores them in ONE batched call
 * (batchSize = rows: on the wasm backend the default batchSize of 32 makes cost O(rows²)).
 */
import * as tf from "@tensorflow/tfjs";
import type { ModelMetadata } from "../domain/model.ts";
import type { Contribution } from "../domain/shortlist.ts";
import { describeFeature } from "../features/describe.ts";

export type Rows = readonly Float32Array[] | Float32Array;

export class Ranker {
  readonly metadata: ModelMetadata;
  private readonly model: tf.LayersModel;
  private readonly mean: Float32Array;
  private readonly invStd: Float32Array;

  constructor(model: tf.LayersModel, metadata: ModelMetadata) {
    const f = metadata.featureNames.length;
    if (metadata.normalisation.mean.length !== f || metadata.normalisation.std.length !== f) {
      throw new Error(`model ${metadata.version}: normalisation has a different length than featureNames (${f})`);
    }
    const inputShape = model.inputs[0]?.shape;
    if (inputShape && inputShape[1] !== f) {
      throw new Error(`model ${metadata.version}: network expects ${String(inputShape[1])} features, metadata lists ${f}`);
    }
    this.model = model;
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

  /** The underlying network (outputs logits). */
  get network(): tf.LayersModel {
    return this.model;
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

  /** Standardised flat copy of the rows. */
  private standardise(rows: Rows, n?: number): { flat: Float32Array; n: number } {
    const f = this.numFeatures;
    let flat: Float32Array;
    let count: number;
    if (rows instanceof Float32Array) {
      count = n ?? rows.length / f;
      if (!Number.isInteger(count) || rows.length !== count * f) {
        throw new Error(`predict: flat input of length ${rows.length} is not ${String(n ?? "?")} rows × ${f} features`);
      }
      flat = Float32Array.from(rows);
    } else {
      count = rows.length;
      flat = new Float32Array(count * f);
      rows.forEach((r, i) => {
        if (r.length !== f) throw new Error(`predict: row ${i} has ${r.length} values, model expects ${f}`);
        flat.set(r, i * f);
      });
    }
    for (let i = 0; i < count; i++) {
      const o = i * f;
      for (let j = 0; j < f; j++) flat[o + j] = (flat[o + j]! - this.mean[j]!) * this.invStd[j]!;
    }
    return { flat, n: count };
  }

  /** Probability of "advance" for each row. Accepts an array of rows or one flat buffer of n rows. */
  predict(rows: Rows, n?: number): Float32Array {
    const s = this.standardise(rows, n);
    if (s.n === 0) return new Float32Array(0);
    const out = tf.tidy(() => {
      const x = tf.tensor2d(s.flat, [s.n, this.numFeatures]);
      const logits = this.model.predict(x, { batchSize: s.n }) as tf.Tensor;
      return tf.sigmoid(logits).reshape([s.n]);
    });
    try {
      return Float32Array.from(out.dataSync() as Float32Array);
    } finally {
      out.dispose();
    }
  }

  /**
   * Occlusion explanation: replace each feature by its training mean, re-score all variants in ONE
   * batched call (numFeatures + 1 rows), contribution = score − occluded score (probability points).
   * Returns the top-K by |contribution| (zero effects omitted), with plain-words labels and the evidence.
   */
  explain(row: Float32Array, evidence: Readonly<Record<string, string | null>>, topK = 5): Contribution[] {
    const f = this.numFeatures;
    if (row.length !== f) throw new Error(`explain: row has ${row.length} values, model expects ${f}`);
    const flat = new Float32Array((f + 1) * f);
    for (let i = 0; i <= f; i++) flat.set(row, i * f);
    for (let j = 0; j < f; j++) flat[(j + 1) * f + j] = this.mean[j]!;
    const scores = this.predict(flat, f + 1);
    const base = scores[0]!;
    const all: Contribution[] = this.metadata.featureNames.map((name, j) => ({
      feature: name,
      label: describeFeature(name, row[j]!),
      contribution: base - scores[j + 1]!,
      evidence: evidence[name] ?? null,
    }));
    return all
      .filter((c) => Math.abs(c.contribution) > 1e-6)
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
      .slice(0, topK);
  }

  /** Compile kernels and pack weights once (the first wasm call costs 50–150 ms). */
  warmUp(rows = 64): void {
    this.predict(new Float32Array(rows * this.numFeatures).fill(0), rows);
  }

  dispose(): void {
    this.model.dispose();
  }
}
