import type { Contribution } from "../domain/shortlist.ts";
import type { HashedTerms } from "../model/sparse.ts";

/** What the scorer needs of a feature vector (produced by src/features, PII-free). */
export interface FeatureVector {
  schemaVersion: number;
  values: Float32Array;
  evidence: Readonly<Record<string, string | null>>;
  /** Redacted resume terms (hashed by the model). */
  terms: readonly string[] | Uint32Array;
  /** `terms` hashed once when the vector was built (src/model/sparse.ts `HashedTerms`); scoring reads these. */
  hashedTerms?: HashedTerms;
  postingId: string;
}

/** What the scorer needs of a model; src/model's Ranker implements it. */
export interface Ranker {
  readonly version: string;
  /** Throws a clear error when the rows were built for another feature schema version. */
  assertSchema(schemaVersion: number): void;
  predict(inputs: readonly FeatureVector[]): Float32Array;
  explainBatch(inputs: readonly FeatureVector[], evidence: readonly Readonly<Record<string, string | null>>[], topK?: number): Contribution[][];
}
