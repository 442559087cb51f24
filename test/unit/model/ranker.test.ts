import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initBackend } from "../../../src/model/backend.ts";
import { fitPlatt } from "../../../src/model/calibration.ts";
import { auc } from "../../../src/model/metrics.ts";
import type { Ranker } from "../../../src/model/ranker.ts";
import { loadRanker, saveModel } from "../../../src/model/store.ts";
import { pairwiseLoss, trainRanker, type TrainingExample } from "../../../src/model/train.ts";

const NAMES = ["log_publications", "signal_recommender_systems", "text_similarity", "log_months_total"];
const SMALL = { embedBuckets: 64, embedDim: 4, wideBuckets: 256 };

/** Toy set: target = 1 iff 2·x0 + x1 + (has term "s:magic" ? 1.5 : 0) > 0.5; two ranking lists. */
function toy(n: number, seed = 1): TrainingExample[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, (_, i) => {
    const v = Float32Array.from({ length: 4 }, () => rnd() * 2 - 1);
    const magic = rnd() < 0.3;
    const terms = [magic ? "s:magic" : "s:plain", rnd() < 0.5 ? "w:noise" : "w:other"];
    return { values: v, terms, target: 2 * v[0]! + v[1]! + (magic ? 1.5 : 0) > 0.5 ? 1 : 0, group: i % 2 ? "p1" : "p2", time: `2026-01-01T00:00:${String(i % 60).padStart(2, "0")}Z` };
  });
}
const inputs = (ex: TrainingExample[]) => ex.map((e) => ({ values: e.values, terms: e.terms, postingId: e.group }));

let ranker: Ranker;
let history: number[];
const dirs: string[] = [];

beforeAll(async () => {
  await initBackend();
  const r = await trainRanker(toy(600), { version: "v0000-test", epochs: 25, batchSize: 64, featureNames: NAMES, featureSchemaVersion: 2, sparse: SMALL, seed: 3 });
  ranker = r.ranker;
  history = r.history;
}, 60_000);

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("losses", () => {
  it("pairwise loss is softplus of the negative score difference", () => {
    const v = tf.tidy(() => pairwiseLoss(tf.tensor1d([2, -1]), tf.tensor1d([1, 0]), tf.tensor1d([1, 1])).dataSync()[0]);
    expect(v).toBeCloseTo(Math.log1p(Math.exp(-3)), 5);
  });

  it("training loss decreases and the model ranks the toy set, sparse term included", () => {
    expect(history.at(-1)!).toBeLessThan(history[0]!);
    const test = toy(400, 42);
    expect(auc(ranker.predict(inputs(test)), test.map((e) => e.target))).toBeGreaterThan(0.95);
    // The hashed term alone moves the score: same dense row, with and without "s:magic".
    const row = { values: Float32Array.of(0, 0, 0, 0), postingId: "p1" };
    const [withMagic, without] = ranker.predict([{ ...row, terms: ["s:magic"] }, { ...row, terms: ["s:plain"] }]);
    expect(withMagic!).toBeGreaterThan(without! + 0.1);
  });
});

describe("calibration", () => {
  it("Platt scaling recovers a known slope and offset", () => {
    const z = Array.from({ length: 4000 }, (_, i) => (i / 4000) * 8 - 4);
    let s = 7;
    const y = z.map((x) => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648 < 1 / (1 + Math.exp(-(0.5 * x - 1))) ? 1 : 0));
    const c = fitPlatt(z, y, 1e-3);
    expect(c.a).toBeCloseTo(0.5, 1);
    expect(c.b).toBeCloseTo(-1, 0);
  });
});

describe("Ranker", () => {
  it("returns probabilities and refuses rows of the wrong width", () => {
    const p = ranker.predict(inputs(toy(5, 11)));
    for (const x of p) expect(x >= 0 && x <= 1).toBe(true);
    expect(ranker.predict([])).toHaveLength(0);
    expect(() => ranker.predict([{ values: new Float32Array(3), terms: [], postingId: "p1" }])).toThrow(/3 values.*expects 4/);
  });

  it("refuses rows of another feature schema version, naming both versions", () => {
    expect(() => ranker.assertSchema(2)).not.toThrow();
    expect(() => ranker.assertSchema(1)).toThrow(/schema version 1.*schema version 2/);
  });

  it("explains in one batch: dense occlusion plus learned terms, matching a re-score", () => {
    const x = { values: Float32Array.of(0.25, 0, 0, 0), terms: [] as string[], postingId: "p1" };
    const [c] = ranker.explainBatch([x], [{ log_publications: "3 publications at KDD" }], 10);
    const pubs = c!.find((k) => k.feature === "log_publications")!;
    expect(pubs.evidence).toBe("3 publications at KDD");
    const occluded = { ...x, values: Float32Array.from(x.values) };
    occluded.values[0] = ranker.metadata.normalisation.mean[0]!;
    const [s, so] = ranker.predict([x, occluded]);
    expect(pubs.contribution).toBeCloseTo(s! - so!, 4);
    const y = { values: Float32Array.of(-0.2, 0, 0, 0), terms: ["s:magic"], postingId: "p1" };
    const [d] = ranker.explainBatch([y], [{}], 10);
    // The learned term shows up as a positive reason (its wide weight, or the pooled term bag).
    expect(d!.some((k) => (k.feature === "term:s:magic" || k.feature === "resume_terms") && k.contribution > 0)).toBe(true);
  });

  it("does not leak tensors in predict or explain", () => {
    const rows = inputs(toy(50, 12));
    ranker.predict(rows);
    const before = tf.memory().numTensors;
    ranker.predict(rows);
    ranker.explainBatch(rows.slice(0, 3), [{}, {}, {}]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe("store", () => {
  it("round-trips save/load with identical predictions and metadata", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "shortlist-model-")), "v0000-test");
    dirs.push(path.dirname(dir));
    await saveModel(dir, ranker);
    await saveModel(dir, ranker); // overwrite in place
    const loaded = await loadRanker(dir);
    const rows = inputs(toy(200, 13));
    const a = ranker.predict(rows);
    const b = loaded.predict(rows);
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-5);
    expect(loaded.metadata).toEqual(ranker.metadata);
    loaded.dispose();
  });

  it("refuses a model directory in the old (feature schema 1) format with a clear error", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "shortlist-model-")), "v0000-old");
    dirs.push(path.dirname(dir));
    mkdirSync(dir);
    const { sparse: _s, calibration: _c, ...old } = ranker.metadata;
    writeFileSync(path.join(dir, "metadata.json"), JSON.stringify({ ...old, featureSchemaVersion: 1 }));
    writeFileSync(path.join(dir, "model.json"), JSON.stringify({ format: "layers-model", modelTopology: {} }));
    await expect(loadRanker(dir)).rejects.toThrow(/older format \(feature schema version 1.*Retrain/);
  });

  it("rejects invalid metadata", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "shortlist-model-")), "bad");
    dirs.push(path.dirname(dir));
    await expect(saveModel(dir, ranker, { ...ranker.metadata, version: "Not A Version" })).rejects.toThrow();
  });
});
