/**
 * The inference path of Ranker (packed rows, one-pass term pooling, fused deep kernels, wide part in
 * JS) must give the same scores as the training graph (`WideDeepNetwork#logits` over `sparseIds` +
 * `lookup`) on random rows: string terms, cached 32-bit hashes, no terms, and a non-power-of-two
 * bucket config (the modulo branch of the bucketing). Plus golden buckets, computed with the code
 * before this path was added, so that a change to the hashing cannot pass by changing both sides.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ModelMetadata } from "../../../src/domain/model.ts";
import { initBackend } from "../../../src/model/backend.ts";
import { WideDeepNetwork } from "../../../src/model/network.ts";
import { Ranker, type ModelInput } from "../../../src/model/ranker.ts";
import { mulberry32 } from "../../../src/model/random.ts";
import { sparseIds, termHashes, type SparseConfig } from "../../../src/model/sparse.ts";

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
