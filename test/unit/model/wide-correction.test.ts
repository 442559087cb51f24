import { describe, expect, it } from "vitest";
import { fitPlatt } from "../../../src/model/calibration.ts";
import { mulberry32 } from "../../../src/model/random.ts";
import type { SparseIds } from "../../../src/model/sparse.ts";
import { fitWideCorrection, type WideCorrectionOptions } from "../../../src/model/wide-correction.ts";

const OPTS: WideCorrectionOptions = { l1: 2, l2: 2, minExamples: 5, sweeps: 30, maxStep: 1 };
const PLANTED = 999;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** n examples: offset ~ U(−2, 2), 15 noise buckets of 2000 each, the planted bucket in `share` of them with effect `effect`; base-rate shift −1. */
function world(n: number, effect: number, share = 0.3, seed = 5) {
  const rng = mulberry32(seed);
  const offsets = new Float32Array(n);
  const targets = new Float32Array(n);
  const ids: SparseIds[] = [];
  for (let i = 0; i < n; i++) {
    offsets[i] = rng() * 4 - 2;
    const planted = rng() < share;
    const wide = Int32Array.from({ length: 15 }, () => Math.floor(rng() * 2000));
    const all = planted ? Int32Array.from([...wide, PLANTED]) : wide;
    ids.push({ embed: new Int32Array(0), wide: all, crossStart: all.length });
    targets[i] = rng() < sigmoid(offsets[i]! - 1 + (planted ? effect : 0)) ? 1 : 0;
  }
  return { offsets, targets, ids };
}

describe("wide correction (warm-start learning on top of the serving model)", () => {
  it("learns a preference the offset does not know, leaves noise terms at zero and shifts the bias", () => {
    const w = world(1500, 2);
    const fit = fitWideCorrection(w.offsets, w.ids, w.targets, OPTS);
    expect(fit.delta.get(PLANTED)!).toBeGreaterThan(1.2);
    const noise = [...fit.delta].filter(([b]) => b !== PLANTED).map(([, d]) => Math.abs(d));
    expect(noise.filter((d) => d === 0).length / noise.length).toBeGreaterThan(0.8);
    expect(Math.max(...noise)).toBeLessThan(fit.delta.get(PLANTED)! / 1.5);
    expect(fit.bias).toBeLessThan(-0.5);
  });

  it("learns nothing from a world without a preference (beyond the base rate)", () => {
    const w = world(1500, 0);
    const fit = fitWideCorrection(w.offsets, w.ids, w.targets, OPTS);
    expect(Math.abs(fit.delta.get(PLANTED)!)).toBeLessThan(0.3);
    expect(fit.bias).toBeLessThan(-0.5);
  });

  it("with zThreshold, a common term that says nothing stays at 0 however many labels there are (a fixed L1 lets its noise through)", () => {
    // The planted term is in half of 2,000 examples and has no effect: its summed gradient is noise with an
    // SD of ~√(1000·p(1−p)) ≈ 13, far above l1 = 2, so the fixed threshold alone almost always moves it.
    const moved = (zThreshold: number) => Array.from({ length: 20 }, (_, s) => {
      const w = world(2000, 0, 0.5, 100 + s);
      return fitWideCorrection(w.offsets, w.ids, w.targets, { ...OPTS, zThreshold }).delta.get(PLANTED) !== 0;
    }).filter(Boolean).length;
    expect(moved(0)).toBeGreaterThanOrEqual(12); // measured 16 of 20
    expect(moved(1.5)).toBeLessThanOrEqual(3); // P(|z| > 1.5) ≈ 13% if the estimate were pure noise; measured 0 of 20
    // …and a real preference still passes it.
    const real = world(1500, 2);
    expect(fitWideCorrection(real.offsets, real.ids, real.targets, { ...OPTS, zThreshold: 1.5 }).delta.get(PLANTED)!).toBeGreaterThan(1.2);
  });

  it("a term seen in fewer than minExamples resumes never moves, however strong its label", () => {
    const offsets = Float32Array.from({ length: 40 }, () => -3);
    const targets = Float32Array.from({ length: 40 }, (_, i) => (i < 4 ? 10 : 0)); // 4 IPW-inflated advances
    const ids = offsets.map((_, i) => i).reduce<SparseIds[]>((a, i) => {
      const wide = Int32Array.from(i < 4 ? [7, 8] : [8]);
      a.push({ embed: new Int32Array(0), wide, crossStart: wide.length });
      return a;
    }, []);
    const fit = fitWideCorrection(offsets, ids, targets, OPTS);
    expect(fit.delta.get(7)).toBe(0);
  });

  it("the examination likelihood learns the same preference from position-biased clicks", () => {
    // Clicks = examined ∧ advanced; examination 1 for half of the rows, 0.2 for the rest.
    const w = world(3000, 2, 0.3, 9);
    const rng = mulberry32(77);
    const exam = Float32Array.from(w.offsets, (_, i) => (i % 2 ? 1 : 0.2));
    const clicks = Float32Array.from(w.targets, (y, i) => (y === 1 && rng() < exam[i]! ? 1 : 0));
    const fit = fitWideCorrection(w.offsets, w.ids, clicks, OPTS, exam);
    expect(fit.delta.get(PLANTED)!).toBeGreaterThan(1.0);
    // The reported loss is the examination model's likelihood: below its value with no correction at all.
    const untouched = w.offsets.reduce((sum, z, i) => {
      const q = exam[i]! / (1 + Math.exp(-z));
      return sum - (clicks[i]! > 0.5 ? Math.log(q) : Math.log1p(-q));
    }, 0) / w.offsets.length;
    expect(fit.loss).toBeLessThan(untouched);
    expect(fit.loss).toBeGreaterThan(0);
  });

  it("reports the examination model's mean negative log-likelihood", () => {
    const offsets = Float32Array.of(-1, 0, 1, 2, -2, 0.5);
    const clicks = Float32Array.of(0, 1, 0, 1, 0, 0);
    const exam = Float32Array.of(1, 0.5, 0.2, 1, 0.3, 0.8);
    const ids = Array.from(offsets, () => ({ embed: new Int32Array(0), wide: new Int32Array(0), crossStart: 0 }));
    const fit = fitWideCorrection(offsets, ids, clicks, OPTS, exam); // no buckets: only the bias moves
    const nll = offsets.reduce((sum, z, i) => {
      const q = exam[i]! / (1 + Math.exp(-(z + fit.bias)));
      return sum - (clicks[i]! > 0.5 ? Math.log(q) : Math.log1p(-q));
    }, 0) / offsets.length;
    expect(fit.loss).toBeCloseTo(nll, 6);
  });

  it("refuses inputs of different lengths", () => {
    expect(() => fitWideCorrection(new Float32Array(2), [], new Float32Array(2), OPTS)).toThrow(/differ in length/);
  });
});

describe("Platt scaling on awkward labels", () => {
  it("stays finite and positive when a few advances are perfectly separated (no runaway slope)", () => {
    const z = Array.from({ length: 200 }, (_, i) => i / 20 - 5);
    const y = z.map((x) => (x > 4.5 ? 1 : 0));
    const c = fitPlatt(z, y);
    expect(Number.isFinite(c.a) && Number.isFinite(c.b)).toBe(true);
    expect(c.a).toBeGreaterThan(0);
    expect(c.a).toBeLessThan(20);
  });

  it("never reverses the order, even when the labels run against the logits", () => {
    const z = Array.from({ length: 100 }, (_, i) => i / 10);
    const y = z.map((x) => (x < 2 ? 1 : 0));
    expect(fitPlatt(z, y).a).toBeGreaterThan(0);
  });
});
