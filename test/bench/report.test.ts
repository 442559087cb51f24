import { describe, expect, it } from "vitest";
import { toJson, type Figure } from "../../bench/lib/report.ts";
import { percentile, round3 } from "../../bench/lib/stats.ts";

const figure: Figure = {
  key: "scoring.rowsPerSec", value: 300_000, unit: "rows/s",
  baseline: { key: "scoring.tfjsCpuRowsPerSec", value: 20_000, what: "cpu" },
  target: { text: "≥ 15× tfjs cpu", met: true },
  extra: { backend: "wasm" },
};

describe("bench report", () => {
  it("nests dotted keys into one JSON object with the baseline, the ratio and the targets", () => {
    const json = toJson([figure], { machine: { cores: 2 } });
    expect(json.scoring).toEqual({ rowsPerSec: 300_000, tfjsCpuRowsPerSec: 20_000, ratio: 15, backend: "wasm" });
    expect(json.targets).toEqual([{ figure: "scoring.rowsPerSec", target: "≥ 15× tfjs cpu", met: true }]);
    expect(json.meta).toEqual({ machine: { cores: 2 } });
  });

  it("uses nearest-rank percentiles and keeps three significant digits", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([5], 99)).toBe(5);
    expect(round3(0.123456)).toBe(0.123);
    expect(round3(123456)).toBe(123456);
  });
});
