/**
 * The inference path of Ranker (packed rows, one-pass term pooling, fused deep kernels, wide part in
 * JS) must give the same scores as the training graph (`WideDeepNetwork#logits` over `sparseIds` +
 * `lookup`) on random rows: string terms, cached 32-bit hashes, no terms, and a non-power-of-two
 * bucket config (the modulo branch of the bucketing). Plus golden buckets, computed with the code
 * before this path was added, so that a change to the hashing cannot pass by changing both sides.
 * And the production rows: `vectorize` hashes the terms once (`hashedTerms`); the shipped model must
 * score and explain those rows exactly as it scores the same rows read as words, and the feature cache
 * must store the same bytes from the hashes as from the words.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../src/config.ts";
import { ModelMetadata } from "../../../src/domain/model.ts";
import { Posting } from "../../../src/domain/posting.ts";
import { vectorize, type FeatureVector } from "../../../src/features/index.ts";
import { resumeTerms } from "../../../src/features/terms.ts";
import { initBackend } from "../../../src/model/backend.ts";
import { WideDeepNetwork } from "../../../src/model/network.ts";
import { Ranker, type ModelInput } from "../../../src/model/ranker.ts";
import { mulberry32 } from "../../../src/model/random.ts";
import { hashTerms, sparseIds, termHashes, type SparseConfig } from "../../../src/model/sparse.ts";
import { loadRanker } from "../../../src/model/store.ts";
import { INITIAL_MODEL_VERSION } from "../../../src/registry/models.ts";
import { BatchScorer } from "../../../src/score/batch-scorer.ts";
import { decodeFeatures, encodeFeatures } from "../../../src/score/feature-cache.ts";
import { simulateOutcomes } from "../../../src/simulate/simulate.ts";

const F = 6;

function randomRanker(sparse: SparseConfig, seed: number): Ranker {
  const net = WideDeepNetwork.create(F, sparse, seed);
  const rng = mulberry32(seed);
  // Non-zero wide weights everywhere, so a wrong bucket or a dropped term changes the score.
  for (let i = 0; i < net.wide.length; i++) net.wide[i] = rng() - 0.5;
  for (let i = 0; i < net.embedding.length; i++) net.embedding[i] = rng() - 0.5;
  net.dense.wide_dense.assign(net.dense.wide_dense.add(0.3));
  net.dense.bias.assign(net.dense.bias.add(-0.2));
  return new Ranker(net, ModelMetadata.parse({
    version: "v0000-fast", createdAt: "2026-01-01T00:00:00.000Z", featureSchemaVersion: 2,
    featureNames: Array.from({ length: F }, (_, j) => `f${j}`),
    normalisation: { mean: [0.5, 10, 0, 0.2, 3, 0], std: [0.5, 4, 1, 0, 2, 0.1] }, // std 0: invStd 1
    trainedOn: { source: "simulator", examples: 1, snapshot: null }, metrics: { validation: null, baseline: null },
    sparse, calibration: { a: 0.8, b: -0.3 }, trainingSeconds: 0, backend: "wasm", parent: null, notes: "",
  }));
}

function randomRows(n: number, seed: number): (ModelInput & { terms: string[] })[] {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => ({
    values: Float32Array.from({ length: F }, () => rng() * 20 - 5),
    terms: Array.from({ length: i % 7 === 0 ? 0 : Math.floor(rng() * 80) }, () => `w:t${Math.floor(rng() * 3000)}`),
    postingId: `posting-${i % 4}`,
  }));
}

/** The training graph's logits, calibrated: the reference the fast path must match. */
function reference(r: Ranker, rows: readonly ModelInput[]): Float32Array {
  const { mean, std } = r.metadata.normalisation;
  const x = new Float32Array(rows.length * F);
  rows.forEach((row, i) => {
    for (let j = 0; j < F; j++) x[i * F + j] = (row.values[j]! - mean[j]!) * (std[j]! > 1e-8 ? 1 / std[j]! : 1);
  });
  const logits = r.network.logits(x, rows.map((row) => sparseIds(row.terms, row.postingId, r.sparse)));
  return Float32Array.from(logits, (z) => r.calibrate(z));
}

const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

beforeAll(async () => {
  await initBackend();
});

describe("Ranker inference path", () => {
  for (const [name, sparse] of [
    ["power-of-two buckets, dim 8", { embedBuckets: 256, embedDim: 8, wideBuckets: 1024 }],
    ["other bucket counts, dim 5", { embedBuckets: 300, embedDim: 5, wideBuckets: 1000 }],
  ] as const) {
    it(`predict matches the training graph within 1e-5 (${name})`, () => {
      const r = randomRanker(sparse, 11);
      const rows = randomRows(300, 5);
      const want = reference(r, rows);
      const got = r.predict(rows);
      expect(maxDiff(got, want)).toBeLessThan(1e-5);
      // Cached hashes (the rescore path) score exactly like the strings they came from.
      const hashed = r.predict(rows.map((row) => ({ ...row, terms: termHashes(row.terms) })));
      expect(maxDiff(hashed, got)).toBe(0);
      // So do the hashes a feature vector carries next to its words (the score worker's rows).
      const carried = r.predict(rows.map((row) => ({ ...row, hashedTerms: hashTerms(row.terms) })));
      expect(maxDiff(carried, got)).toBe(0);
      // Sanity: the rows really differ, so a constant output could not pass.
      expect(Math.max(...got) - Math.min(...got)).toBeGreaterThan(0.1);
      r.dispose();
    });
  }

  it("explainBatch's occlusion rows agree with re-scoring the occluded input", () => {
    const r = randomRanker({ embedBuckets: 256, embedDim: 8, wideBuckets: 1024 }, 3);
    const [row] = randomRows(2, 9).slice(1);
    const [c] = r.explainBatch([row!], [{}], F + 10);
    const base = r.predict([row!])[0]!;
    for (const k of c!.filter((x) => x.feature.startsWith("f"))) {
      const j = Number(k.feature.slice(1));
      const occluded = { ...row!, values: Float32Array.from(row!.values) };
      occluded.values[j] = r.metadata.normalisation.mean[j]!;
      expect(k.contribution).toBeCloseTo(base - r.predict([occluded])[0]!, 5);
    }
    r.dispose();
  });

  it("hashes terms into the buckets the shipped models were trained with (golden values)", () => {
    const terms = ["s:python", "w:recommend", "l:c++", "w:ünïcode"];
    const a = sparseIds(terms, "mle-recsys-phd-2026", { embedBuckets: 4096, embedDim: 8, wideBuckets: 16384 });
    expect([...a.embed]).toEqual([2754, 3214, 3630, 806]);
    expect([...a.wide]).toEqual([13846, 4794, 7133, 5523, 8127, 8057, 15420, 1146]);
    const b = sparseIds(termHashes(terms), "mle-recsys-phd-2026", { embedBuckets: 300, embedDim: 5, wideBuckets: 1000 });
    expect([...b.embed]).toEqual([206, 54, 6, 266]);
    expect([...b.wide]).toEqual([310, 882, 461, 307, 975, 129, 604, 282]);
  });
});

describe("production rows carry their term hashes", () => {
  const postings = fs.readdirSync(path.join(PROJECT_ROOT, "data", "postings")).filter((f) => f.endsWith(".json")).sort()
    .map((f) => Posting.parse(JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "data", "postings", f), "utf8"))));
  // Real rows: simulated candidates vectorised as the score worker does, on every shipped posting.
  const rows: FeatureVector[] = postings.flatMap((p) => simulateOutcomes(40, p, 13).map((s) => vectorize(s.profile, p, s.gates, resumeTerms(s.text, s.profile))));
  const asWords = (r: FeatureVector) => ({ ...r, hashedTerms: undefined });
  let ranker: Ranker;

  beforeAll(async () => {
    ranker = await loadRanker(path.join(PROJECT_ROOT, "models", INITIAL_MODEL_VERSION));
  });

  it("vectorize hashes the terms once, into exactly the hashes of its words", () => {
    expect(rows.length).toBeGreaterThanOrEqual(80);
    expect(rows.reduce((a, r) => a + r.terms.length, 0) / rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(r.hashedTerms.terms).toBe(r.terms);
      expect([...r.hashedTerms.hashes]).toEqual([...termHashes(r.terms)]);
    }
  });

  it("the shipped model scores and explains the hashed rows exactly like the words", () => {
    const hashed = ranker.predict(rows);
    const words = ranker.predict(rows.map(asWords));
    expect(maxDiff(hashed, words)).toBe(0);
    expect(Math.max(...hashed) - Math.min(...hashed)).toBeGreaterThan(0.1);
    // The score worker's batch path (BatchScorer: predict, then explainBatch on the same rows).
    const evidence = rows.map((r) => r.evidence);
    const explained = ranker.explainBatch(rows, evidence);
    expect(explained).toEqual(ranker.explainBatch(rows.map(asWords), evidence));
    // Explanations still name the words (the hashes only replace the hashing); every reason, not the top 5.
    const all = ranker.explainBatch(rows, evidence, 1000);
    expect(all).toEqual(ranker.explainBatch(rows.map(asWords), evidence, 1000));
    const termReasons = all.flat().filter((c) => c.feature.startsWith("term:"));
    expect(termReasons.length).toBeGreaterThan(0);
    expect(termReasons.every((c) => c.evidence !== null && !/^[swl]:/.test(c.evidence))).toBe(true);
  });

  it("the score worker's BatchScorer reads the carried hashes (not the words) and scores as before", async () => {
    const scorer = new BatchScorer(ranker);
    const batch = rows.slice(0, 64);
    const got = await Promise.all(batch.map((r) => scorer.score(r)));
    const want = ranker.predict(batch.map(asWords));
    expect(got.map((g) => g.score)).toEqual([...want]);
    // Proof that the hashes are what is read: a row whose carried hashes are another resume's scores as that resume.
    const [a, b] = [rows[0]!, rows.find((r) => r.postingId === rows[0]!.postingId && r.terms.length > 0 && r.terms.join() !== rows[0]!.terms.join())!];
    const forged = { ...a, hashedTerms: { terms: a.terms, hashes: b.hashedTerms.hashes } };
    const [fromForged] = await Promise.all([scorer.score(forged)]);
    expect(fromForged!.score).toBe(ranker.predict([{ values: a.values, terms: b.terms, postingId: a.postingId }])[0]);
    expect(fromForged!.score).not.toBe(got[0]!.score);
  });

  it("a copy of a row with other terms is scored by its own terms, not the stale hashes", () => {
    const [a, b] = [rows[1]!, rows.find((r) => r.terms.length > 0 && r.terms.length !== rows[1]!.terms.length && r.postingId === rows[1]!.postingId)!];
    const swapped = { ...a, terms: b.terms }; // keeps a's hashedTerms
    const [got] = ranker.predict([swapped]);
    const [want] = ranker.predict([{ values: a.values, terms: b.terms, postingId: a.postingId }]);
    expect(got).toBe(want);
    expect(got).not.toBe(ranker.predict([a])[0]);
  });

  it("the feature cache stores the same bytes from the carried hashes as from the words, and they score alike", () => {
    for (const r of rows.slice(0, 50)) {
      const fromHashes = encodeFeatures(r.values, r.hashedTerms.hashes);
      expect(fromHashes.equals(encodeFeatures(r.values, r.terms))).toBe(true);
    }
    const cached = rows.map((r) => ({ ...decodeFeatures(encodeFeatures(r.values, r.hashedTerms.hashes))!, postingId: r.postingId }));
    expect(maxDiff(ranker.predict(cached), ranker.predict(rows))).toBe(0);
  });
});
