import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Posting } from "../../../src/domain/posting.ts";
import { CandidateProfile } from "../../../src/domain/profile.ts";
import { FEATURE_LABELS, FEATURE_NAMES, FEATURE_SCHEMA_VERSION, vectorize } from "../../../src/features/index.ts";
import { textSimilarity } from "../../../src/features/text-similarity.ts";
import { evaluateGates } from "../../../src/gate/index.ts";

const posting = (id: string) => Posting.parse(JSON.parse(readFileSync(`data/postings/${id}.json`, "utf8")));
const recsys = posting("mle-recsys-phd-2026");
const safety = posting("content-safety-mle-2026");

function profile(): CandidateProfile {
  return CandidateProfile.parse({
    schemaVersion: 1,
    resumeId: "a".repeat(64),
    contact: { name: "Ada Lovelace", email: "ada@example.org", phone: "+44 20 7946 0000" },
    education: [{ level: "phd", field: "Computer Science", institution: "Somewhere", status: "in_progress", graduation: "2026-09" }],
    highestDegree: { level: "phd", field: "Computer Science", institution: "Somewhere", status: "in_progress", graduation: "2026-09" },
    graduationDate: "2026-09",
    availableFrom: "2026-10",
    experience: [{ title: "Research Intern", organization: "Lab", start: "2024-06", end: "2024-09", areas: ["recommenderSystems", "machineLearning"] }],
    experienceMonths: { total: 14, machineLearning: 12, recommenderSystems: 4, dataMining: 0 },
    signals: { machineLearning: true, recommenderSystems: true, dataMining: false, dataStructuresAlgorithms: true, generalPurposeProgramming: true },
    programmingLanguages: ["Python", "C++"],
    skills: ["ranking", "retrieval", "PyTorch"],
    publications: 3,
    evidence: [
      { feature: "education.level", text: "PhD candidate in Computer Science", start: 0, end: 33 },
      { feature: "signals.recommenderSystems", text: "Built a ranking model for a recommender system", start: 40, end: 86 },
      { feature: "availableFrom", text: "Available from October 2026", start: 90, end: 117 },
      { feature: "publications", text: "3 publications at RecSys and KDD", start: 120, end: 152 },
    ],
    warnings: [],
  });
}

describe("vectorize", () => {
  it("produces one value per feature name, finite, with the schema version", () => {
    const p = profile();
    const v = vectorize(p, recsys, evaluateGates(p, recsys));
    expect(v.schemaVersion).toBe(FEATURE_SCHEMA_VERSION);
    expect(v.values.length).toBe(FEATURE_NAMES.length);
    expect([...v.values].every(Number.isFinite)).toBe(true);
    expect(Object.keys(v.evidence).sort()).toEqual([...FEATURE_NAMES].sort());
  });

  it("has a posting-independent length and encodes the key facts", () => {
    const p = profile();
    const a = vectorize(p, recsys, evaluateGates(p, recsys));
    const b = vectorize(p, safety, evaluateGates(p, safety));
    expect(a.values.length).toBe(b.values.length);
    const get = (name: (typeof FEATURE_NAMES)[number]) => a.values[FEATURE_NAMES.indexOf(name)];
    expect(get("phd_in_progress")).toBe(1);
    expect(get("degree_phd")).toBe(1);
    expect(get("all_gates_met")).toBe(1);
    expect(get("available_by_deadline")).toBe(1);
    expect(get("graduation_months_before_deadline")).toBe(3); // 2026-12 − 2026-09
    expect(get("log_publications")).toBeCloseTo(Math.log1p(3), 6);
    expect(get("num_programming_languages")).toBe(2);
    expect(get("text_similarity")).toBeGreaterThan(0);
    expect(a.evidence.signal_recommender_systems).toBe("Built a ranking model for a recommender system");
    expect(a.evidence.log_publications).toBe("3 publications at RecSys and KDD");
  });

  it("ignores contact details entirely (identical vector and evidence)", () => {
    const p = profile();
    const q = { ...profile(), contact: { name: "Someone Else", email: "x@y.z", phone: null } };
    const r = { ...profile(), contact: { name: null, email: null, phone: null } };
    const a = vectorize(p, recsys, evaluateGates(p, recsys));
    for (const other of [q, r]) {
      const b = vectorize(other, recsys, evaluateGates(other, recsys));
      expect(Array.from(b.values)).toEqual(Array.from(a.values));
      expect(b.evidence).toEqual(a.evidence);
    }
  });

  it("never touches profile.contact (a throwing getter is not triggered)", () => {
    const p = profile();
    const gates = evaluateGates(p, recsys);
    Object.defineProperty(p, "contact", { get: () => { throw new Error("contact read"); } });
    expect(() => vectorize(p, recsys, gates)).not.toThrow();
  });

  it("labels every feature in plain words", () => {
    for (const n of FEATURE_NAMES) {
      expect(FEATURE_LABELS[n]).toMatch(/^[A-Z][A-Za-z',() -]+$/);
      expect(FEATURE_LABELS[n]).not.toContain("_");
    }
  });

  it("aggregates gate verdicts into fractions", () => {
    const p = { ...profile(), signals: { ...profile().signals, dataStructuresAlgorithms: false } };
    const v = vectorize(p, recsys, evaluateGates(p, recsys));
    expect(v.values[FEATURE_NAMES.indexOf("signal_gates_met")]).toBeCloseTo(0.5, 6);
    expect(v.values[FEATURE_NAMES.indexOf("all_gates_met")]).toBe(0);
    expect(v.values[FEATURE_NAMES.indexOf("gates_unmet_fraction")]).toBeCloseTo(0.25, 6);
  });
});

describe("text similarity", () => {
  it("scores a recsys profile higher against the recsys posting than an unrelated one", () => {
    const p = profile();
    const unrelated = { ...p, skills: ["pottery"], programmingLanguages: [], experience: [], signals: { machineLearning: false, recommenderSystems: false, dataMining: false, dataStructuresAlgorithms: false, generalPurposeProgramming: false } };
    expect(textSimilarity(p, recsys).score).toBeGreaterThan(textSimilarity(unrelated, recsys).score);
    expect(textSimilarity(unrelated, recsys).score).toBe(0);
  });
});
