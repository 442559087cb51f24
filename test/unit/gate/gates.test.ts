import { describe, expect, it } from "vitest";
import { evaluateGates, gateTier } from "../../../src/gate/index.ts";
import { education, makeProfile, seedPosting } from "../../helpers/profiles.ts";

const posting = seedPosting();
const verdicts = (p: ReturnType<typeof makeProfile>) => Object.fromEntries(evaluateGates(p, posting).map((g) => [g.id, g.verdict]));

describe("degree gate (currently pursuing a PhD in CS or related)", () => {
  it("is met by a PhD in progress in computer science, with the evidence text", () => {
    const phd = education({});
    const p = makeProfile({ education: [phd], highestDegree: phd, evidence: [{ feature: "education.level", text: "PhD in Computer Science (expected 2026)", start: 0, end: 39 }] });
    const gate = evaluateGates(p, posting).find((g) => g.id === "phd-in-progress-cs")!;
    expect(gate.verdict).toBe("met");
    expect(gate.evidence).toBe("PhD in Computer Science (expected 2026)");
  });
  it("is unmet by a completed PhD (status, not just level)", () => {
    const done = education({ status: "completed", graduation: "2020-05" });
    expect(verdicts(makeProfile({ education: [done], highestDegree: done }))["phd-in-progress-cs"]).toBe("unmet");
  });
  it("is unmet by a PhD in an unrelated field and by an MBA", () => {
    const bio = education({ field: "History" });
    expect(verdicts(makeProfile({ education: [bio], highestDegree: bio }))["phd-in-progress-cs"]).toBe("unmet");
    const mba = education({ level: "masters", field: "Business Administration", status: "completed" });
    expect(verdicts(makeProfile({ education: [mba], highestDegree: mba }))["phd-in-progress-cs"]).toBe("unmet");
  });
  it("is unknown when the PhD's status cannot be told, or there is no education at all", () => {
    const unclear = education({ status: "unknown", graduation: null });
    expect(verdicts(makeProfile({ education: [unclear], highestDegree: unclear }))["phd-in-progress-cs"]).toBe("unknown");
    expect(verdicts(makeProfile())["phd-in-progress-cs"]).toBe("unknown");
  });
});

describe("signal gates", () => {
  it("follow the profile's signals and cite their evidence", () => {
    const p = makeProfile({
      signals: { machineLearning: false, recommenderSystems: false, dataMining: false, dataStructuresAlgorithms: true, generalPurposeProgramming: false },
      evidence: [{ feature: "signals.dataStructuresAlgorithms", text: "TA, Algorithms (CS 161)", start: 0, end: 23 }],
    });
    const gates = evaluateGates(p, posting);
    expect(gates.find((g) => g.id === "data-structures-algorithms")).toMatchObject({ verdict: "met", evidence: "TA, Algorithms (CS 161)" });
    expect(gates.find((g) => g.id === "hands-on-coding")).toMatchObject({ verdict: "unmet", evidence: null });
  });
  it("are unknown for a resume without a text layer", () => {
    expect(verdicts(makeProfile({ warnings: ["no_text_layer: x.pdf has no extractable text"] }))["hands-on-coding"]).toBe("unknown");
  });
});

describe("onboarding gate", () => {
  it("uses stated availability first, then the graduation date, else unknown", () => {
    expect(verdicts(makeProfile({ availableFrom: "2026-09", graduationDate: "2027-05" }))["onboard-by-2026"]).toBe("met");
    expect(verdicts(makeProfile({ availableFrom: "2027-02" }))["onboard-by-2026"]).toBe("unmet");
    expect(verdicts(makeProfile({ graduationDate: "2026-12" }))["onboard-by-2026"]).toBe("met");
    expect(verdicts(makeProfile({ graduationDate: "2027-05" }))["onboard-by-2026"]).toBe("unmet");
    const unknown = evaluateGates(makeProfile(), posting).find((g) => g.id === "onboard-by-2026")!;
    expect(unknown.verdict).toBe("unknown");
    expect(unknown.reason).toMatch(/neither availability nor graduation/);
  });
});

describe("gateTier", () => {
  const g = (verdict: "met" | "unmet" | "unknown") => ({ id: "x", verdict, evidence: null, reason: "" });
  it("puts any unmet below any unknown below all met", () => {
    expect(gateTier([g("met"), g("met")])).toBe("met");
    expect(gateTier([g("met"), g("unknown")])).toBe("unknown");
    expect(gateTier([g("unknown"), g("unmet")])).toBe("unmet");
  });
});
