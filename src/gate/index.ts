/**
 * Step 5a. Minimum qualifications as explained gates: every rule of the posting yields
 * `met | unmet | unknown` with the resume text it rests on. Gates never drop a candidate;
 * they decide the tier the candidate is listed in.
 */
import type { GateResult } from "../domain/gate.ts";
import type { GateRule, Posting } from "../domain/posting.ts";
import type { CandidateProfile } from "../domain/profile.ts";
import type { GateTier } from "../domain/shortlist.ts";
import { GATE_CHECKERS } from "./rules.ts";

function check<K extends GateRule["kind"]>(rule: Extract<GateRule, { kind: K }>, profile: CandidateProfile) {
  const checker = GATE_CHECKERS[rule.kind] as (r: typeof rule, p: CandidateProfile) => Omit<GateResult, "id">;
  return checker(rule, profile);
}

export function evaluateGates(profile: CandidateProfile, posting: Posting): GateResult[] {
  return posting.minimumQualifications.map((rule) => ({ id: rule.id, ...check(rule, profile) }));
}

/** Any unmet gate puts the candidate in the bottom tier; any unknown (and no unmet) in the middle one. */
export function gateTier(gates: readonly GateResult[]): GateTier {
  if (gates.some((g) => g.verdict === "unmet")) return "unmet";
  if (gates.some((g) => g.verdict === "unknown")) return "unknown";
  return "met";
}
