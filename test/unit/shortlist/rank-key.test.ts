import { describe, expect, it } from "vitest";
import { inversePropensityWeight } from "../../../src/model/propensity.ts";
import { safeFileName } from "../../../src/app/intake.ts";
import { rankKey, tierOfRankKey } from "../../../src/shortlist/rank-key.ts";

describe("rankKey", () => {
  it("orders by gate tier first, then score", () => {
    expect(rankKey("met", 0.01)).toBeGreaterThan(rankKey("unknown", 0.99));
    expect(rankKey("unknown", 0.01)).toBeGreaterThan(rankKey("unmet", 1));
    expect(rankKey("met", 0.7)).toBeGreaterThan(rankKey("met", 0.6));
  });
  it("round-trips the tier and clips scores outside 0..1", () => {
    for (const tier of ["met", "unknown", "unmet"] as const) expect(tierOfRankKey(rankKey(tier, 1.5))).toBe(tier);
    expect(rankKey("unmet", -3)).toBe(0);
  });
});

describe("inversePropensityWeight", () => {
  it("weighs advances made further down the list more, up to a cap; rejects and unknown ranks weigh 1", () => {
    expect(inversePropensityWeight(null)).toBe(1);
    expect(inversePropensityWeight(1)).toBe(1);
    expect(inversePropensityWeight(3)).toBe(1);
    expect(inversePropensityWeight(6)).toBeCloseTo(2, 5);
    expect(inversePropensityWeight(10_000)).toBe(10);
    expect(inversePropensityWeight(10_000, 0)).toBe(1);
  });
});

describe("safeFileName", () => {
  it("keeps the base name and drops control characters", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\x\\cv.pdf")).toBe("cv.pdf");
    expect(safeFileName("cv\u0000\u001b[31m.pdf")).toBe("cv[31m.pdf");
    expect(safeFileName("///")).toBe("unnamed");
  });
});
