/**
 * (candidate, posting, gate results) → a fixed-length, PII-free feature vector.
 *
 * Reads only: education, graduationDate, availableFrom, experience areas, experienceMonths, signals,
 * programmingLanguages, skills, publications, evidence; the posting; the gate verdicts.
 * Never reads `profile.contact` or `profile.resumeId`. The vector length does not depend on the posting:
 * gate verdicts are aggregated per gate kind (fractions over that kind's rules; kinds a posting lacks
 * count as met, since nothing is required).
 *
 * Sparse part (schema 2): `terms`, the resume's redacted words and skills from `resumeTerms` (./terms.ts),
 * passed in by the caller, so this function stays pure and never sees raw resume text or contact details.
 * The model hashes them into learned embeddings and wide weights (src/model/sparse.ts); `hashedTerms`
 * carries their 32-bit hashes, computed here ONCE per vector, so scoring, explaining and the feature
 * cache read the hashes and never hash the strings again (the strings stay for explanations' words).
 *
 * Bump FEATURE_SCHEMA_VERSION on any change to names, order or meaning; models refuse other versions.
 */
import type { GateResult } from "../domain/gate.ts";
import type { GateRule, Posting } from "../domain/posting.ts";
import type { CandidateProfile, DegreeLevel, SignalName } from "../domain/profile.ts";
import { fieldRelatedness } from "../extract/field-relatedness.ts";
import { hashTerms, type HashedTerms } from "../model/sparse.ts";
import { textSimilarity } from "./text-similarity.ts";

export const FEATURE_SCHEMA_VERSION = 2;

/** Ordered feature names with the plain-words label used in explanations. */
export const FEATURES = [
  ["degree_gate_met", "Meets the degree requirement"],
  ["degree_gate_unknown", "Degree requirement unclear from the resume"],
  ["signal_gates_met", "Share of required skills shown in the resume"],
  ["signal_gates_unknown", "Share of required skills that could not be checked"],
  ["availability_gate_met", "Can start by the required date"],
  ["availability_gate_unknown", "Start date not stated"],
  ["all_gates_met", "Meets every minimum qualification"],
  ["gates_unmet_fraction", "Share of minimum qualifications not met"],
  ["phd_in_progress", "Currently pursuing a PhD"],
  ["degree_phd", "Highest degree is a PhD"],
  ["degree_masters", "Highest degree is a Master's"],
  ["degree_bachelors", "Highest degree is a Bachelor's"],
  ["degree_below_bachelors", "Highest degree is below a Bachelor's"],
  ["degree_missing", "No degree found in the resume"],
  ["field_relatedness", "Degree field is related to computing"],
  ["graduation_months_before_deadline", "Months between graduation and the start deadline"],
  ["graduates_by_deadline", "Graduates before the start deadline"],
  ["graduation_stated", "Graduation date stated"],
  ["availability_stated", "Availability date stated"],
  ["available_by_deadline", "Available to start before the deadline"],
  ["log_months_ml", "Machine learning experience (months)"],
  ["log_months_recsys", "Recommender systems experience (months)"],
  ["log_months_data_mining", "Data mining experience (months)"],
  ["log_months_total", "Total work experience (months)"],
  ["signal_machine_learning", "Shows machine learning work"],
  ["signal_recommender_systems", "Shows recommender systems work"],
  ["signal_data_mining", "Shows data mining work"],
  ["signal_algorithms", "Shows data structures and algorithms"],
  ["signal_programming", "Shows hands-on programming"],
  ["log_publications", "Number of publications"],
  ["has_programming_language", "Names a programming language"],
  ["num_programming_languages", "Number of programming languages"],
  ["text_similarity", "Skills match the posting's wording"],
] as const;

export type FeatureName = (typeof FEATURES)[number][0];
export const FEATURE_NAMES = FEATURES.map(([n]) => n) as unknown as readonly FeatureName[];
export const FEATURE_LABELS: Readonly<Record<FeatureName, string>> = Object.fromEntries(FEATURES) as Record<
  FeatureName,
  string
>;
export const NUM_FEATURES = FEATURES.length;

export type FeatureEvidence = Record<FeatureName, string | null>;
export interface FeatureVector {
  schemaVersion: number;
  values: Float32Array;
  evidence: FeatureEvidence;
  /** Redacted, posting-independent resume terms (see ./terms.ts); hashed by the model. */
  terms: readonly string[];
  /** `terms` hashed once (FNV-1a, src/model/sparse.ts `hashTerms`): what the model and the feature cache read. */
  hashedTerms: HashedTerms;
  /** The ranking list; the model crosses it with the terms in its wide part. */
  postingId: string;
}

/** Plain-words label for a feature name (falls back to the name itself for unknown names). */
export function featureLabel(name: string): string {
  return (FEATURE_LABELS as Record<string, string>)[name] ?? name;
}

const GRAD_CLIP = 24;

function monthIndex(ym: string): number {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  return y * 12 + (m - 1);
}

const LEVEL_RANK: Record<DegreeLevel, number> = { other: 0, secondary: 1, associate: 2, bachelors: 3, masters: 4, phd: 5 };

function evidenceOf(profile: CandidateProfile, ...keys: string[]): string | null {
  for (const k of keys) {
    const e = profile.evidence.find((x) => x.feature === k);
    if (e) return e.text;
  }
  return null;
}

interface KindStats {
  met: number;
  unknown: number;
  unmet: number;
  total: number;
  evidence: string | null;
}

function gateStats(posting: Posting, gates: readonly GateResult[], kind: GateRule["kind"]): KindStats {
  const ids = new Set(posting.minimumQualifications.filter((r) => r.kind === kind).map((r) => r.id));
  const s: KindStats = { met: 0, unknown: 0, unmet: 0, total: 0, evidence: null };
  let metEvidence: string | null = null;
  for (const g of gates) {
    if (!ids.has(g.id)) continue;
    s.total++;
    s[g.verdict]++;
    if (g.evidence !== null) {
      if (g.verdict === "met" && metEvidence === null) metEvidence = g.evidence;
      s.evidence ??= g.evidence;
    }
  }
  s.evidence = metEvidence ?? s.evidence;
  return s;
}

const SIGNAL_FEATURES: ReadonlyArray<readonly [FeatureName, SignalName]> = [
  ["signal_machine_learning", "machineLearning"],
  ["signal_recommender_systems", "recommenderSystems"],
  ["signal_data_mining", "dataMining"],
  ["signal_algorithms", "dataStructuresAlgorithms"],
  ["signal_programming", "generalPurposeProgramming"],
];

export function vectorize(
  profile: CandidateProfile,
  posting: Posting,
  gates: readonly GateResult[],
  terms: readonly string[] = [],
): FeatureVector {
  const v = {} as Record<FeatureName, number>;
  const ev = {} as Record<FeatureName, string | null>;
  const set = (name: FeatureName, value: number, evidence: string | null = null) => {
    v[name] = value;
    ev[name] = evidence;
  };

  // Gates, aggregated per kind so the length is posting-independent.
  const degree = gateStats(posting, gates, "degree");
  const signal = gateStats(posting, gates, "signal");
  const avail = gateStats(posting, gates, "available_by");
  const frac = (n: number, s: KindStats) => (s.total === 0 ? 0 : n / s.total);
  set("degree_gate_met", degree.total === 0 ? 1 : frac(degree.met, degree), degree.evidence);
  set("degree_gate_unknown", frac(degree.unknown, degree), degree.evidence);
  set("signal_gates_met", signal.total === 0 ? 1 : frac(signal.met, signal), signal.evidence);
  set("signal_gates_unknown", frac(signal.unknown, signal), signal.evidence);
  set("availability_gate_met", avail.total === 0 ? 1 : frac(avail.met, avail), avail.evidence);
  set("availability_gate_unknown", frac(avail.unknown, avail), avail.evidence);
  const considered = gates.filter((g) => posting.minimumQualifications.some((r) => r.id === g.id));
  const unmet = considered.filter((g) => g.verdict === "unmet").length;
  const allMet = considered.length > 0 && considered.every((g) => g.verdict === "met");
  set("all_gates_met", allMet ? 1 : 0, allMet ? (degree.evidence ?? signal.evidence) : null);
  set("gates_unmet_fraction", considered.length === 0 ? 0 : unmet / considered.length);

  // Education.
  const eduEvidence = evidenceOf(profile, "education.level", "highestDegree");
  const phdInProgress = profile.education.some((e) => e.level === "phd" && e.status === "in_progress");
  set("phd_in_progress", phdInProgress ? 1 : 0, phdInProgress ? eduEvidence : null);
  const level = profile.highestDegree?.level ?? null;
  set("degree_phd", level === "phd" ? 1 : 0, level === "phd" ? eduEvidence : null);
  set("degree_masters", level === "masters" ? 1 : 0, level === "masters" ? eduEvidence : null);
  set("degree_bachelors", level === "bachelors" ? 1 : 0, level === "bachelors" ? eduEvidence : null);
  const below = level !== null && LEVEL_RANK[level] < LEVEL_RANK.bachelors;
  set("degree_below_bachelors", below ? 1 : 0, below ? eduEvidence : null);
  set("degree_missing", level === null ? 1 : 0);
  let rel = fieldRelatedness(profile.highestDegree?.field ?? null);
  for (const e of profile.education) rel = Math.max(rel, fieldRelatedness(e.field));
  set("field_relatedness", rel, evidenceOf(profile, "education.field", "highestDegree", "education.level"));

  // Dates against the posting's onboarding deadline.
  const deadline = monthIndex(posting.onboardingDeadline.slice(0, 7));
  const gradEvidence = evidenceOf(profile, "graduationDate");
  if (profile.graduationDate) {
    const before = deadline - monthIndex(profile.graduationDate);
    set("graduation_months_before_deadline", Math.max(-GRAD_CLIP, Math.min(GRAD_CLIP, before)), gradEvidence);
    set("graduates_by_deadline", before >= 0 ? 1 : 0, gradEvidence);
    set("graduation_stated", 1, gradEvidence);
  } else {
    set("graduation_months_before_deadline", 0);
    set("graduates_by_deadline", 0);
    set("graduation_stated", 0);
  }
  const availEvidence = evidenceOf(profile, "availableFrom");
  set("availability_stated", profile.availableFrom ? 1 : 0, availEvidence);
  const availOk = profile.availableFrom !== null && monthIndex(profile.availableFrom) <= deadline;
  set("available_by_deadline", availOk ? 1 : 0, availEvidence);

  // Experience.
  const m = profile.experienceMonths;
  set("log_months_ml", Math.log1p(m.machineLearning), evidenceOf(profile, "experienceMonths.machineLearning", "signals.machineLearning"));
  set("log_months_recsys", Math.log1p(m.recommenderSystems), evidenceOf(profile, "experienceMonths.recommenderSystems", "signals.recommenderSystems"));
  set("log_months_data_mining", Math.log1p(m.dataMining), evidenceOf(profile, "experienceMonths.dataMining", "signals.dataMining"));
  set("log_months_total", Math.log1p(m.total), evidenceOf(profile, "experienceMonths.total", "experience"));
  for (const [name, sig] of SIGNAL_FEATURES) {
    const on = profile.signals[sig];
    set(name, on ? 1 : 0, on ? evidenceOf(profile, `signals.${sig}`) : null);
  }
  set("log_publications", Math.log1p(profile.publications), evidenceOf(profile, "publications"));
  const langs = new Set(profile.programmingLanguages.map((l) => l.toLowerCase())).size;
  const langEvidence = evidenceOf(profile, "programmingLanguages") ?? (langs > 0 ? profile.programmingLanguages.join(", ") : null);
  set("has_programming_language", langs > 0 ? 1 : 0, langEvidence);
  set("num_programming_languages", Math.min(langs, 10), langEvidence);

  const sim = textSimilarity(profile, posting);
  set("text_similarity", sim.score, sim.shared.length > 0 ? `Shared terms: ${sim.shared.slice(0, 8).join(", ")}` : null);

  const values = new Float32Array(NUM_FEATURES);
  FEATURE_NAMES.forEach((n, i) => {
    values[i] = v[n];
  });
  return { schemaVersion: FEATURE_SCHEMA_VERSION, values, evidence: ev, terms, hashedTerms: hashTerms(terms), postingId: posting.id };
}
