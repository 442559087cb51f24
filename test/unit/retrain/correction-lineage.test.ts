/**
 * Below FINE_TUNE_DENSE_FROM labels a retrain fits a correction on top of a base model. Retraining a
 * corrected model must refit the correction from the same base on all labels, not stack a second
 * correction fitted on the same labels onto the first (which would double every learned term weight).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trainCandidate } from "../../../src/app/retrain.ts";
import { Posting } from "../../../src/domain/posting.ts";
import type { Ranker } from "../../../src/model/ranker.ts";
import { loadRanker } from "../../../src/model/store.ts";
import type { TrainingExample } from "../../../src/model/train.ts";
import { hiddenToolDecorator, hiddenToolPreference } from "../../../src/simulate/hidden-tool.ts";
import { simulateOutcomes, toTrainingExample } from "../../../src/simulate/simulate.ts";

const MODEL = "models/v0001-initial";
const postingFile = readdirSync("data/postings").filter((f) => f.endsWith(".json")).sort()[0]!;
const posting = Posting.parse(JSON.parse(readFileSync(path.join("data/postings", postingFile), "utf8")));
const tool = { tool: "Flink", share: 0.3, weight: 4 };

let prior: Ranker;
let examples: TrainingExample[];
const trained: Ranker[] = [];

beforeAll(async () => {
  prior = await loadRanker(MODEL);
  examples = simulateOutcomes(400, posting, 3, { hiddenPreference: hiddenToolPreference(tool) }, hiddenToolDecorator(tool, 3))
    .map((s) => toTrainingExample(s, posting));
}, 60_000);
afterAll(() => {
  for (const r of trained) r.dispose();
  prior?.dispose();
});

const changedBuckets = (a: Ranker, b: Ranker) => a.network.wide.reduce((n, w, i) => n + (w !== b.network.wide[i] ? 1 : 0), 0);

describe("correction lineage", () => {
  it("fits a correction of the prior (dense weights untouched) and records its base", async () => {
    const result = await trainCandidate(examples, prior, "v-first");
    const first = result.trained;
    trained.push(first);
    expect(first.metadata.correctionOf).toBe(prior.version);
    // Promoted on the time split, then refitted on every label (the split's metrics are kept).
    expect(result.promoted).toBe(true);
    expect(first.metadata.trainedOn.examples).toBe(examples.length);
    expect(result.metrics).toMatchObject({ refitOnAllLabels: true, trainExamples: examples.length * 0.8 });
    expect(Array.from(first.network.dense.deep_1_kernel.dataSync())).toEqual(Array.from(prior.network.dense.deep_1_kernel.dataSync()));
    expect(changedBuckets(first, prior)).toBeGreaterThan(0);
    // It learned the hidden tool: same dense row, with and without the term (raw logits: calibration is monotone).
    const row = { values: examples[0]!.values, postingId: posting.id };
    const [withTool, without] = first.logits([{ ...row, terms: ["s:flink", "w:flink"] }, { ...row, terms: [] }]);
    const [priorWith, priorWithout] = prior.logits([{ ...row, terms: ["s:flink", "w:flink"] }, { ...row, terms: [] }]);
    expect(withTool! - without!).toBeGreaterThan(priorWith! - priorWithout! + 0.5);
  });

  it("retraining the corrected model refits from the base instead of stacking a second correction", async () => {
    const first = trained[0]!;
    const refit = (await trainCandidate(examples, first, "v-refit", { correctionBase: prior })).trained;
    const stacked = (await trainCandidate(examples, first, "v-stacked")).trained;
    trained.push(refit, stacked);
    expect(refit.metadata.correctionOf).toBe(prior.version);
    expect(changedBuckets(refit, first)).toBe(0); // same base, same labels → the same model
    expect(stacked.metadata.correctionOf).toBe(first.version);
    expect(changedBuckets(stacked, first)).toBeGreaterThan(0);
  });
});
