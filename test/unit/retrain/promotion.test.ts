import { describe, expect, it } from "vitest";
import { notWorse, promotionTolerance } from "../../../src/app/retrain.ts";

const metrics = (ndcgAt10: number) => ({ ndcgAt10, auc: 0.5, calibrationError: 0, examples: 100 });

describe("promotion rule", () => {
  it("promotes a candidate that is not worse than the serving model within the tolerance", () => {
    expect(notWorse(metrics(0.80), metrics(0.80))).toBe(true);
    expect(notWorse(metrics(0.796), metrics(0.80), 0.005)).toBe(true);
    expect(notWorse(metrics(0.79), metrics(0.80), 0.005)).toBe(false);
  });
  it("allows more noise on small held-back sets and a near tie on large ones", () => {
    expect(promotionTolerance(40)).toBeCloseTo(0.5 / Math.sqrt(40), 10);
    expect(promotionTolerance(100)).toBeCloseTo(0.05, 10);
    expect(promotionTolerance(1_000_000)).toBe(0.005);
    expect(promotionTolerance(0)).toBe(0.5);
    expect(promotionTolerance(40)).toBeGreaterThan(promotionTolerance(4_000));
  });
});
