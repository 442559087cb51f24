import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeFeature } from "../../../src/features/describe.ts";
import { initBackend } from "../../../src/model/backend.ts";
import { auc } from "../../../src/model/metrics.ts";
import { buildNetwork } from "../../../src/model/network.ts";
import { Ranker } from "../../../src/model/ranker.ts";
import { loadRanker, saveModel } from "../../../src/model/store.ts";
import { pairwiseLoss, trainRanker, type TrainingExample } from "../../../src/model/train.ts";

const NAMES = ["log_publications", "signal_recommender_systems", "text_similarity", "log_months_total"];

/** Separable toy set: target = 1 iff 2·x0 + x1 > 0.5 (x2, x3 are noise); two ranking lists. */
function toy(n: number, seed = 1): TrainingExample[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, (_, i) => {
    const v = Float32Array.from({ length: 4 }, () => rnd() * 2 - 1);
    return { values: v, target: 2 * v[0]! + v[1]! > 0.5 ? 1 : 0, group: i % 2 ? "p1" : "p2", time: `2026-01-01T00:00:${String(i % 60).padStart(2, "0")}Z` };
  });
}

let trained: Awaited<ReturnType<typeof trainRanker>>;
let ranker: Ranker;
const dirs: string[] = [];

beforeAll(async () => {
  await initBackend();
  trained = await trainRanker(toy(600), { version: "v0000-test", epochs: 25, batchSize: 64, featureNames: NAMES, seed: 3 });
  ranker = new Ranker(trained.model, trained.metadata);
}, 30_000);

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("pairwise loss", () => {
  it("matches softplus of the negative score difference", () => {
    const v = tf.tidy(() => pairwiseLoss(tf.tensor1d([2, -1]), tf.tensor1d([1, 0]), tf.tensor1d([1, 1])).dataSync()[0]);
    expect(v).toBeCloseTo(Math.log1p(Math.exp(-3)), 5);
  });

  it("decreases under pairwise-only training and ranks a separable toy set correctly", async () => {
    const r = await trainRanker(toy(400, 7), { version: "v0000-pair", epochs: 15, batchSize: 64, featureNames: NAMES, pairwiseWeight: 1, pointwiseWeight: 0, seed: 5 });
    // history is the pairwise (RankNet) loss alone here
    expect(r.history.at(-1)!).toBeLessThan(r.history[0]! * 0.6);
    const test = toy(300, 99);
    const scores = new Ranker(r.model, r.metadata).predict(test.map((e) => e.values));
    expect(auc(scores, test.map((e) => e.target))).toBeGreaterThan(0.98);
    r.model.dispose();
  }, 30_000);

  it("training loss decreases and the model separates the toy set", () => {
    expect(trained.history.at(-1)!).toBeLessThan(trained.history[0]!);
    const test = toy(300, 42);
    expect(auc(ranker.predict(test.map((e) => e.values)), test.map((e) => e.target))).toBeGreaterThan(0.98);
    expect(trained.metadata.normalisation.mean).toHaveLength(4);
  });
});

describe("Ranker", () => {
  it("accepts rows as an array or one flat buffer, returning probabilities", () => {
    const rows = toy(5, 11).map((e) => e.values);
    const a = ranker.predict(rows);
    const flat = new Float32Array(20);
    rows.forEach((r, i) => flat.set(r, i * 4));
    const b = ranker.predict(flat, 5);
    expect(Array.from(b)).toEqual(Array.from(a));
    for (const p of a) expect(p > 0 && p < 1).toBe(true);
    expect(ranker.predict([])).toHaveLength(0);
    expect(() => ranker.predict(new Float32Array(7))).toThrow(/rows/);
  });

  it("refuses rows of another feature schema version, naming both versions", () => {
    expect(() => ranker.assertSchema(ranker.metadata.featureSchemaVersion)).not.toThrow();
    expect(() => ranker.assertSchema(99)).toThrow(/schema version 99.*schema version 1/);
  });

  it("does not leak tensors in predict or explain", () => {
    const rows = toy(50, 12).map((e) => e.values);
    ranker.predict(rows);
    const before = tf.memory().numTensors;
    ranker.predict(rows);
    ranker.explain(rows[0]!, {});
    expect(tf.memory().numTensors).toBe(before);
  });

  it("explains with plain-words labels and evidence, consistent with occlusion", () => {
    const row = Float32Array.of(0.9, 0.8, 0, 0);
    const evidence = { log_publications: "3 publications at KDD", signal_recommender_systems: "Built a recommender" };
    const c = ranker.explain(row, evidence, 3);
    expect(c.length).toBeGreaterThan(0);
    expect(c.length).toBeLessThanOrEqual(3);
    for (const x of c) {
      expect(x.label).toBe(describeFeature(x.feature, row[NAMES.indexOf(x.feature)] ?? 0));
      expect(x.label).not.toMatch(/_/);
    }
    expect(c[0]!.feature).toBe("log_publications"); // x0 carries the most weight
    expect(c[0]!.label).toBe("Publications: 1 papers"); // shown in its unit, not on the model's log scale
    expect(c[0]!.contribution).toBeGreaterThan(0);
    expect(c[0]!.evidence).toBe("3 publications at KDD");
    // contribution = score − score with the feature at its training mean
    const occluded = Float32Array.from(row);
    occluded[0] = ranker.metadata.normalisation.mean[0]!;
    const [s, so] = ranker.predict([row, occluded]);
    expect(c[0]!.contribution).toBeCloseTo(s! - so!, 5);
  });
});

describe("store", () => {
  it("round-trips save/load with identical predictions", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "shortlist-model-")), "v0000-test");
    dirs.push(path.dirname(dir));
    await saveModel(dir, trained.model, trained.metadata);
    await saveModel(dir, trained.model, trained.metadata); // overwrite in place
    const loaded = await loadRanker(dir);
    const rows = toy(200, 13).map((e) => e.values);
    const a = ranker.predict(rows);
    const b = loaded.predict(rows);
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-5);
    expect(loaded.metadata).toEqual(trained.metadata);
    loaded.dispose();
  });

  it("rejects invalid metadata", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "shortlist-model-")), "bad");
    dirs.push(path.dirname(dir));
    const bad = { ...trained.metadata, version: "Not A Version" };
    await expect(saveModel(dir, trained.model, bad)).rejects.toThrow();
  });

  it("builds a network with one logit output", () => {
    const m = buildNetwork(7);
    expect(m.outputs[0]!.shape).toEqual([null, 1]);
    expect(m.layers.map((l) => l.name)).toEqual(expect.arrayContaining(["wide", "deep_1", "deep_2", "logit"]));
    m.dispose();
  });
});
