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
  trainingSeconds: z.number(),
  backend: z.string(),
  parent: z.string().nullable(),
  notes: z.string().default(""),
});
export type ModelMetadata = z.infer<typeof ModelMetadata>;
