import { z } from "zod";

export const RankingMetrics = z.object({
  ndcgAt10: z.number(),
  auc: z.number(),
  /** Expected calibration error over 10 equal-width bins. */
  calibrationError: z.number(),
  examples: z.number().int(),
});
export type RankingMetrics = z.infer<typeof RankingMetrics>;

/** Saved as models/<version>/metadata.json beside model.json; the model's contract with its features. */
export const ModelMetadata = z.object({
  version: z.string().regex(/^v[0-9a-z-]+$/),
  createdAt: z.string(),
  featureSchemaVersion: z.number().int(),
  featureNames: z.array(z.string()),
  /** Per-feature standardisation applied before the network (same order as featureNames). */
  normalisation: z.object({ mean: z.array(z.number()), std: z.array(z.number()) }),
  trainedOn: z.object({
    source: z.enum(["simulator", "labels"]),
    examples: z.number().int(),
    /** Latest decidedAt in the training data (the data snapshot). */
    snapshot: z.string().nullable(),
  }),
  metrics: z.object({ validation: RankingMetrics.nullable(), baseline: RankingMetrics.nullable() }).passthrough(),
  /** Sparse (hashed term) inputs: feature schema ≥ 2. Absent on schema-1 models. */
  sparse: z
    .object({ embedBuckets: z.number().int().positive(), embedDim: z.number().int().positive(), wideBuckets: z.number().int().positive() })
    .optional(),
  /** Platt scaling of the logit: P(advance) = sigmoid(a · logit + b). Absent = identity. */
  calibration: z.object({ a: z.number(), b: z.number() }).optional(),
  trainingSeconds: z.number(),
  backend: z.string(),
  parent: z.string().nullable(),
  /**
   * Set when this version is its base version's network plus a correction fitted on labels (warm start below
   * FINE_TUNE_DENSE_FROM labels). The next retrain refits the correction from that base on all labels, instead
   * of stacking a second correction, fitted on the same labels again, on top of this one.
   */
  correctionOf: z.string().nullable().optional(),
  notes: z.string().default(""),
});
export type ModelMetadata = z.infer<typeof ModelMetadata>;
