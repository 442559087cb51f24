/**
 * Micro-batching across jobs: score requests that arrive in the same tick (a worker runs many
 * jobs concurrently) are scored in one batched predict. Batch-1 predicts are ~30x slower per
 * row on tfjs (perf-facts §1.1), so this is where scoring throughput comes from.
 */
import type { Contribution } from "../domain/shortlist.ts";
import type { FeatureVector, Ranker } from "./types.ts";

interface Pending {
  features: FeatureVector;
  resolve: (result: ScoredFeatures) => void;
  reject: (error: unknown) => void;
}

export interface ScoredFeatures {
  score: number;
  modelVersion: string;
  explanation: Contribution[];
}

export class BatchScorer {
  private pending: Pending[] = [];
  private scheduled = false;

  /** @param maxBatch rows per predict call. @defaultValue 256 */
  constructor(private ranker: Ranker, private readonly maxBatch = 256) {}

  get modelVersion(): string {
    return this.ranker.version;
  }

  /** Swaps the model; requests already batched finish on the model they were batched with. */
  setRanker(ranker: Ranker): void {
    this.ranker = ranker;
  }

  score(features: FeatureVector): Promise<ScoredFeatures> {
    return new Promise((resolve, reject) => {
      this.pending.push({ features, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending.splice(0, this.pending.length);
    if (batch.length === 0) return;
    const ranker = this.ranker;
    try {
      for (const p of batch) ranker.assertSchema(p.features.schemaVersion);
      const inputs = batch.map((p) => p.features);
      const scores = ranker.predict(inputs);
      // Explanations for the whole micro-batch in one forward pass too (occlusion, n × (f + 2) rows).
      const explanations = ranker.explainBatch(inputs, inputs.map((f) => f.evidence));
      batch.forEach((p, i) => p.resolve({ score: scores[i] ?? 0, modelVersion: ranker.version, explanation: explanations[i] ?? [] }));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
}
