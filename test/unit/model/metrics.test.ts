import { describe, expect, it } from "vitest";
import { auc, evaluate, expectedCalibrationError, ndcgAtK } from "../../../src/model/metrics.ts";
import { timeSplit } from "../../../src/model/split.ts";

describe("ndcgAtK", () => {
  it("matches a hand-computed two-group case and skips groups without positives", () => {
    // group a: ranked targets 0,1,1 → DCG = 1/log2(3) + 1/log2(4); IDCG = 1 + 1/log2(3)
    // group b: perfect → 1; group c: no positives → skipped
    const scores = [0.9, 0.8, 0.7, 0.2, 0.1, 0.5, 0.4];
    const targets = [0, 1, 1, 1, 0, 0, 0];
    const groups = ["a", "a", "a", "b", "b", "c", "c"];
    const a = (1 / Math.log2(3) + 0.5) / (1 + 1 / Math.log2(3));
    expect(ndcgAtK(scores, targets, groups, 10)).toBeCloseTo((a + 1) / 2, 10);
  });
  it("truncates at k", () => {
    // positive at rank 3, k = 2 → 0
    expect(ndcgAtK([3, 2, 1], [0, 0, 1], ["g", "g", "g"], 2)).toBe(0);
    expect(ndcgAtK([3, 2, 1], [1, 0, 0], ["g", "g", "g"], 2)).toBe(1);
  });
  it("is 0 when no group has a positive", () => {
    expect(ndcgAtK([1, 2], [0, 0], ["g", "g"])).toBe(0);
  });
});

describe("auc", () => {
  it("counts concordant pairs", () => {
    // positives 0.35, 0.8 vs negatives 0.1, 0.4: 3 of 4 pairs ordered → 0.75
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
  });
  it("gives ties half credit and 0.5 for a single class", () => {
    expect(auc([0.5, 0.5], [1, 0])).toBe(0.5);
    expect(auc([0.2, 0.5, 0.5], [0, 1, 0])).toBeCloseTo(0.75, 12);
    expect(auc([0.1, 0.2], [1, 1])).toBe(0.5);
  });
});

describe("expectedCalibrationError", () => {
  it("matches a hand-computed case", () => {
    // bin0: |0.05−0|·¼, bin1: |0.15−1|·¼, bin9: |0.95−0.5|·½ → 0.0125 + 0.2125 + 0.225
    expect(expectedCalibrationError([0.05, 0.15, 0.95, 0.95], [0, 1, 1, 0])).toBeCloseTo(0.45, 10);
  });
  it("is 0 for perfectly calibrated bins and puts 1.0 in the last bin", () => {
    expect(expectedCalibrationError([1, 1, 0, 0], [1, 1, 0, 0])).toBe(0);
  });
});

describe("evaluate", () => {
  it("accepts a scorer function", () => {
    const ex = [0.9, 0.1, 0.8, 0.2].map((v, i) => ({ values: Float32Array.of(v), target: (i % 2 === 0 ? 1 : 0) as 0 | 1, group: "g" }));
    const m = evaluate((rows) => Float32Array.from(rows, (r) => r.values[0]!), ex);
    expect(m).toMatchObject({ auc: 1, ndcgAt10: 1, examples: 4 });
  });
});

describe("timeSplit", () => {
  it("holds out the latest 20% by time, deterministically", () => {
    const ex = Array.from({ length: 10 }, (_, i) => ({ id: i, time: `2026-01-${String(10 - i).padStart(2, "0")}` }));
    const { train, validation } = timeSplit(ex);
    expect(validation.map((e) => e.id)).toEqual([1, 0]);
    expect(train).toHaveLength(8);
    expect(timeSplit(ex)).toEqual({ train, validation });
  });

  it("scrambles ties in time, so a bulk import sorted by outcome still validates on both outcomes", () => {
    const ex = Array.from({ length: 200 }, (_, i) => ({ target: i < 40 ? 1 : 0, time: "2026-03-01T10:00:00.000Z" }));
    const { train, validation } = timeSplit(ex);
    expect(validation).toHaveLength(40);
    const rate = (xs: { target: number }[]) => xs.filter((x) => x.target === 1).length / xs.length;
    expect(rate(validation)).toBeGreaterThan(0.1);
    expect(rate(validation)).toBeLessThan(0.3);
    expect(train.length + validation.length).toBe(200);
    expect(timeSplit([...ex].reverse()).validation.length).toBe(40);
  });
});
