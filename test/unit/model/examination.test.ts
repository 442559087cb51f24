import { describe, expect, it } from "vitest";
import { examinationPropensity } from "../../../src/model/propensity.ts";
import { estimateExamination } from "../../../src/model/examination.ts";
import { mulberry32 } from "../../../src/model/random.ts";

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Lists of `listSize` candidates ranked by the base model's logit (which is the truth shifted by `shift`:
 * a pickier team). Recruiters read rank r with min(1, (3/r)^trueEta); a resume not read is rejected.
 */
function reviews(trueEta: number, lists: number, listSize: number, shift: number, seed: number) {
  const rng = mulberry32(seed);
  const offsets: number[] = [];
  const ranks: number[] = [];
  const targets: number[] = [];
  for (let l = 0; l < lists; l++) {
    const logits = Array.from({ length: listSize }, () => rng() * 6 - 4).sort((a, b) => b - a);
    logits.forEach((o, r) => {
      const read = rng() < examinationPropensity(r + 1, trueEta);
      offsets.push(o);
      ranks.push(r + 1);
      targets.push(read && rng() < sigmoid(o + shift) ? 1 : 0);
    });
  }
  return { offsets, ranks, targets };
}

describe("estimateExamination", () => {
  it("finds top-down reading (η near 1) in rolling review with unread resumes rejected, despite a pickier team", () => {
    const r = reviews(1, 60, 20, -1, 3);
    const est = estimateExamination(r.offsets, r.ranks, r.targets);
    expect(est.eta).toBeGreaterThanOrEqual(0.7);
    expect(est.bias).toBeLessThan(-0.4);
  });

  it("finds that every resume was read (η near 0) when a whole list of 400 was decided, ranks and all", () => {
    const r = reviews(0, 1, 400, -1, 4);
    const est = estimateExamination(r.offsets, r.ranks, r.targets);
    expect(est.eta).toBeLessThanOrEqual(0.3);
    expect(est.labelsWithRank).toBe(400);
  });

  it("keeps the documented curve when no label has a rank", () => {
    expect(estimateExamination([0, 1], [0, 0], [1, 0])).toMatchObject({ eta: 1, labelsWithRank: 0 });
  });

  it("refuses inputs of different lengths", () => {
    expect(() => estimateExamination([0], [1, 2], [1])).toThrow(/differ in length/);
  });
});
