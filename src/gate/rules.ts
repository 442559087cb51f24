/**
 * One checker per gate-rule kind. Each returns its own verdict *and* its plain-words reason,
 * so the evaluator never switches on rule names (a new kind is a new entry here).
 */
import type { GateResult } from "../domain/gate.ts";
import type { GateRule } from "../domain/posting.ts";
import type { CandidateProfile, DegreeLevel, Education } from "../domain/profile.ts";
import { fieldRelatedness } from "../extract/field-relatedness.ts";

type RuleOf<K extends GateRule["kind"]> = Extract<GateRule, { kind: K }>;
type Checker<K extends GateRule["kind"]> = (rule: RuleOf<K>, profile: CandidateProfile) => Omit<GateResult, "id">;

const LEVEL_RANK: Record<DegreeLevel, number> = { other: 0, secondary: 1, associate: 2, bachelors: 3, masters: 4, phd: 5 };

export function evidenceFor(profile: CandidateProfile, feature: string): string | null {
  return profile.evidence.find((e) => e.feature === feature)?.text ?? null;
}

function describe(e: Education): string {
  return [e.level, e.field && `in ${e.field}`, e.status !== "unknown" && `(${e.status.replace("_", " ")})`]
    .filter(Boolean)
    .join(" ");
}

const degree: Checker<"degree"> = (rule, profile) => {
  const atLevel = profile.education.filter((e) => LEVEL_RANK[e.level] >= LEVEL_RANK[rule.level]);
  const statusOk = (e: Education) => rule.status === "any" || e.status === rule.status;
  const fieldOk = (e: Education) => fieldRelatedness(e.field) >= rule.minFieldRelatedness;
  const evidence = evidenceFor(profile, "education.level") ?? evidenceFor(profile, "highestDegree");
  const met = atLevel.find((e) => statusOk(e) && fieldOk(e));
  if (met) return { verdict: "met", evidence, reason: `Has ${describe(met)}.` };
  if (profile.education.length === 0) {
    return { verdict: "unknown", evidence: null, reason: "No education section could be read from the resume." };
  }
  // A matching degree whose status or field the resume leaves unclear is unknown, not unmet.
  const unclear = atLevel.find(
    (e) => (e.status === "unknown" && rule.status !== "any") || (e.field === null && rule.minFieldRelatedness > 0),
  );
  if (unclear) {
    return { verdict: "unknown", evidence, reason: `Has ${describe(unclear)}, but its status or field is not stated clearly.` };
  }
  const best = atLevel[0] ?? profile.highestDegree;
  const wanted = `${rule.level}${rule.status === "any" ? "" : ` (${rule.status.replace("_", " ")})`}`;
  return {
    verdict: "unmet",
    evidence,
    reason: best ? `Needs ${wanted} in a related field; has ${describe(best)}.` : `Needs ${wanted}; none found.`,
  };
};

const signal: Checker<"signal"> = (rule, profile) => {
  const evidence = evidenceFor(profile, `signals.${rule.signal}`);
  if (profile.signals[rule.signal]) return { verdict: "met", evidence, reason: `Resume shows: ${rule.text.toLowerCase()}.` };
  if (profile.warnings.some((w) => w.startsWith("no_text_layer"))) {
    return { verdict: "unknown", evidence: null, reason: "The resume has no readable text; needs manual review." };
  }
  return { verdict: "unmet", evidence: null, reason: `No evidence in the resume of: ${rule.text.toLowerCase()}.` };
};

const availableBy: Checker<"available_by"> = (rule, profile) => {
  if (profile.availableFrom) {
    const ok = profile.availableFrom <= rule.deadline;
    return {
      verdict: ok ? "met" : "unmet",
      evidence: evidenceFor(profile, "availableFrom"),
      reason: `States availability from ${profile.availableFrom}; deadline ${rule.deadline}.`,
    };
  }
  if (profile.graduationDate) {
    const ok = profile.graduationDate <= rule.deadline;
    return {
      verdict: ok ? "met" : "unmet",
      evidence: evidenceFor(profile, "graduationDate"),
      reason: `No availability stated; graduates ${profile.graduationDate}, deadline ${rule.deadline}.`,
    };
  }
  return {
    verdict: "unknown",
    evidence: null,
    reason: "The resume states neither availability nor graduation date (the posting asks for both).",
  };
};

export const GATE_CHECKERS: { [K in GateRule["kind"]]: Checker<K> } = {
  degree,
  signal,
  available_by: availableBy,
};
