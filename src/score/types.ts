import type { Contribution } from "../domain/shortlist.ts";

/** What the scorer needs of a feature vector (produced by src/features, PII-free). */
export interface FeatureVector {
  schemaVersion: number;
  values: Float32Array;
  evidence: Record<string, string | null>;
}

/** What the scorer needs of a model; src/model's Ranker implements it. */
export interface Ranker {
  readonly version: string;
  /** Throws a clear error when the rows were built for another feature schema version. */
  assertSchema(schemaVersion: number): void;
  predict(rows: Float32Array[]): Float32Array;
  explain(row: Float32Array, evidence: Record<string, string | null>, topK?: number): Contribution[];
}
