import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Posting } from "../../../src/domain/posting.ts";
import { CandidateProfile } from "../../../src/domain/profile.ts";
import {
  HIDDEN_RECSYS_AND_PUBLICATIONS,
  hiddenPreferenceMatches,
  mulberry32,
  recruiterPreference,
  sampleProfile,
  simulateOutcomes,
  toTrainingExample,
} from "../../../src/simulate/simulate.ts";
import { evaluateGates } from "../../../src/gate/index.ts";

const posting = Posting.parse(JSON.parse(readFileSync("data/postings/mle-recsys-phd-2026.json", "utf8")));

describe("simulator", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = simulateOutcomes(200, posting, 123);
    const b = simulateOutcomes(200, posting, 123);
    const c = simulateOutcomes(200, posting, 124);
    expect(b).toEqual(a);
    expect(c.map((x) => x.profile.resumeId)).not.toEqual(a.map((x) => x.profile.resumeId));
  });

  it("samples valid CandidateProfiles with 64-hex resume ids", () => {
    const rng = mulberry32(9);
    for (let i = 0; i < 300; i++) {
      const p = sampleProfile(rng, i);
      expect(() => CandidateProfile.parse(p)).not.toThrow();
      expect(p.resumeId).toMatch(/^[0-9a-f]{64}$/);
      for (const e of p.evidence) expect(e.end).toBeGreaterThanOrEqual(e.start);
    }
  });

  it("produces time-ordered advance/reject outcomes with plausible rates", () => {
    const sims = simulateOutcomes(2000, posting, 5);
    const rate = sims.filter((s) => s.target === 1).length / sims.length;
    expect(rate).toBeGreaterThan(0.05);
    expect(rate).toBeLessThan(0.7);
    const times = sims.map((s) => s.decidedAt);
    expect([...times].sort()).toEqual(times);
    for (const s of sims.slice(0, 20)) expect(s.outcome === "advance").toBe(s.target === 1);
    const ex = toTrainingExample(sims[0]!, posting);
    expect(ex.group).toBe(posting.id);
    expect(ex.time).toBe(sims[0]!.decidedAt);
  });

  it("raises the probability when a candidate matches the hidden preference", () => {
    const rng = mulberry32(77);
    let checked = 0;
    for (let i = 0; i < 400 && checked < 5; i++) {
      const p = sampleProfile(rng, i);
      if (!hiddenPreferenceMatches(p, HIDDEN_RECSYS_AND_PUBLICATIONS)) continue;
      const g = evaluateGates(p, posting);
      expect(recruiterPreference(p, posting, g, { hiddenPreference: HIDDEN_RECSYS_AND_PUBLICATIONS })).toBeGreaterThan(
        recruiterPreference(p, posting, g),
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("prefers candidates who meet every gate", () => {
    const rng = mulberry32(3);
    const sims = Array.from({ length: 500 }, (_, i) => {
      const p = sampleProfile(rng, i);
      const g = evaluateGates(p, posting);
      return { met: g.every((x) => x.verdict === "met"), prob: recruiterPreference(p, posting, g) };
    });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(sims.filter((s) => s.met).map((s) => s.prob))).toBeGreaterThan(mean(sims.filter((s) => !s.met).map((s) => s.prob)));
  });
});
