/**
 * Step 8. Retrain on every labelled outcome: time-ordered split, train a candidate model,
 * evaluate it against the serving model on the held-back (latest) labels, save it under
 * MODELS_DIR with its metrics, promote it only when it is not worse, then rescore open
 * shortlists. A crash anywhere before `promote` leaves the serving model untouched.
 */
import type { RetrainResult } from "../domain/jobs.ts";
import { outcomeToTarget } from "../domain/label.ts";
import type { RankingMetrics } from "../domain/model.ts";
import { vectorize } from "../features/index.ts";
import { evaluateGates } from "../gate/index.ts";
import { evaluate } from "../model/metrics.ts";
import { timeOrderedSplit } from "../model/split.ts";
import { loadRanker, saveModel } from "../model/store.ts";
import { trainRanker, type TrainingExample } from "../model/train.ts";
import { ModelRegistry } from "../registry/models.ts";
import { rescoreOpenShortlists } from "./rescore.ts";
import { inversePropensityWeight } from "./propensity.ts";
import type { Stores } from "../store/index.ts";

export const MIN_LABELS_TO_TRAIN = 20;

export async function buildTrainingExamples(stores: Stores): Promise<TrainingExample[]> {
  const labels = await stores.labels.all();
  const postings = new Map((await stores.postings.list()).map((p) => [p.id, p]));
  const examples: TrainingExample[] = [];
  for (const label of labels) {
    const target = outcomeToTarget(label.outcome);
    const posting = postings.get(label.postingId);
    if (target === null || !posting) continue;
    const profile = await stores.resumes.profile(label.resumeId);
    if (!profile) continue; // erased, or never parsed
    const features = vectorize(profile, posting, evaluateGates(profile, posting));
    examples.push({
      values: features.values,
      target,
      group: label.postingId,
      weight: inversePropensityWeight(label.rankShown),
      time: label.decidedAt,
    });
  }
  return examples;
}

/** Not worse: NDCG@10 within a small tolerance of the serving model's, on the same held-back labels. */
export function notWorse(candidate: RankingMetrics, serving: RankingMetrics, tolerance = 0.005): boolean {
  return candidate.ndcgAt10 >= serving.ndcgAt10 - tolerance;
}

export async function retrain(stores: Stores, registry: ModelRegistry): Promise<RetrainResult> {
  const servingVersion = await registry.current();
  await stores.labels.resetCounter();
  const examples = await buildTrainingExamples(stores);
  const positives = examples.filter((e) => e.target === 1).length;
  if (examples.length < MIN_LABELS_TO_TRAIN || positives === 0 || positives === examples.length) {
    return {
      modelVersion: servingVersion,
      promoted: false,
      reason: `not enough labelled outcomes to train: ${examples.length} usable (${positives} positive); need ${MIN_LABELS_TO_TRAIN} with both outcomes`,
      metrics: {},
      rescored: 0,
    };
  }
  const { train, validation } = timeOrderedSplit(examples, 0.2);
  const serving = await loadRanker(registry.dir(servingVersion));
  const version = ModelRegistry.newVersion();
  const trained = await trainRanker(train, { version, parent: servingVersion, source: "labels" });
  const candidateMetrics = evaluate((rows) => trained.ranker.predict(rows), validation);
  const servingMetrics = evaluate((rows) => serving.predict(rows), validation);
  const promoted = notWorse(candidateMetrics, servingMetrics);
  trained.metadata.metrics = { validation: candidateMetrics, baseline: servingMetrics, servingVersion };
  await saveModel(registry.dir(version), trained.model, trained.metadata);
  let rescored = 0;
  if (promoted) {
    await registry.promote(version);
    rescored = await rescoreOpenShortlists(stores, trained.ranker);
  }
  return {
    modelVersion: version,
    promoted,
    reason: promoted
      ? `promoted: NDCG@10 ${candidateMetrics.ndcgAt10.toFixed(3)} vs serving ${servingMetrics.ndcgAt10.toFixed(3)}`
      : `kept out: NDCG@10 ${candidateMetrics.ndcgAt10.toFixed(3)} is worse than serving ${servingMetrics.ndcgAt10.toFixed(3)}`,
    metrics: { candidate: candidateMetrics, serving: servingMetrics, trainExamples: train.length, validationExamples: validation.length },
    rescored,
  };
}
