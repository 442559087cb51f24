/**
 * The recruiter simulator: synthetic candidates and recruiter decisions for postings, used to train the
 * initial model (before any real labels exist) and to test whether retraining on labels learns what
 * recruiters actually reward. Everything is seeded and deterministic.
 *
 * ASSUMPTIONS (quoted in the README):
 * 1. Candidates: degree level phd 30% / masters 35% / bachelors 30% / below 5%; PhDs are 70% in progress,
 *    masters 40%, bachelors 30%. Fields: CS 45%, EE, statistics, maths, physics, data science, economics,
 *    biology, mechanical engineering, 3% missing. Experience, signals, publications and languages are
 *    correlated with the field's relatedness to computing and with the degree (PhDs publish ~2–3 papers).
 * 2. Dates: in-progress degrees graduate 2026-01..2027-12, completed ones 2015..2025; 60% state an
 *    availability month (near graduation if studying, within 9 months otherwise); 3% state neither date.
 * 3. Recruiters advance with probability sigmoid(logit / temperature) where the logit is an explicit sum
 *    (weights in DEFAULT_PREFS): −2.8 base, +2.0 all minimum qualifications met, −1.5 per unmet and −0.5 per
 *    unknown gate, +0.8 PhD in progress when the posting asks for a PhD (+0.3 any PhD otherwise),
 *    +1.0·(field relatedness − 0.5), +1.2·(share of the posting's preferred signals shown), +0.35·log1p(months
 *    of ML/recsys/data-mining experience), +0.4·log1p(publications), +0.6 available by the onboarding deadline.
 * 4. Optional hidden preference (off by default, never a documented criterion): recruiters secretly add
 *    +`weight` for recommender-systems experience AND ≥2 publications, or for a named skill (e.g. "Spark").
 *    The ranking evaluation uses it to test whether retraining on labels picks up what recruiters reward.
 * 5. Decisions are independent draws (no position bias, no quota, no recruiter-to-recruiter variation),
 *    spread evenly over 90 days from 2026-01-05; each candidate applies to one posting.
 */
import type { GateResult } from "../domain/gate.ts";
import type { Posting } from "../domain/posting.ts";
import type {
  CandidateProfile,
  DegreeLevel,
  DegreeStatus,
  Education,
  Evidence,
  Experience,
  ExperienceArea,
} from "../domain/profile.ts";
import { PROFILE_SCHEMA_VERSION } from "../domain/profile.ts";
import { fieldRelatedness } from "../extract/field-relatedness.ts";
import { vectorize } from "../features/index.ts";
import { resumeTerms } from "../features/terms.ts";
import type { TrainingExample } from "../model/train.ts";
import { evaluateGates } from "../gate/index.ts";

import { mulberry32, type Rng } from "../model/random.ts";

export { mulberry32, type Rng };

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function pick<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r <= 0) return v;
  }
  return items[items.length - 1]![0];
}

const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
function poisson(rng: Rng, mean: number): number {
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng();
  } while (p > l && k < 50);
  return k - 1;
}
const ym = (monthIdx: number) => `${Math.floor(monthIdx / 12)}-${String((monthIdx % 12) + 1).padStart(2, "0")}`;
const idx = (year: number, month: number) => year * 12 + (month - 1);

const FIELDS: ReadonlyArray<readonly [string | null, number]> = [
  ["Computer Science", 45],
  ["Electrical Engineering", 10],
  ["Statistics", 10],
  ["Mathematics", 8],
  ["Physics", 7],
  ["Data Science", 5],
  ["Economics", 5],
  ["Biology", 4],
  ["Mechanical Engineering", 3],
  [null, 3],
];
const LANGUAGES = ["Python", "Java", "C++", "Scala", "Go", "R", "SQL", "JavaScript"] as const;
const SKILL_POOL: Record<"ml" | "recsys" | "dm" | "general", readonly string[]> = {
  ml: ["PyTorch", "TensorFlow", "deep learning", "NLP", "computer vision", "classification"],
  recsys: ["recommendation", "ranking", "retrieval", "collaborative filtering", "user modelling"],
  dm: ["clustering", "anomaly detection", "frequent pattern mining", "graph mining", "Spark", "Hadoop"],
  general: ["Git", "Linux", "Docker", "Kubernetes", "SQL", "A/B testing", "Spark"],
};

function hex64(rng: Rng): string {
  let s = "";
  for (let i = 0; i < 8; i++) s += (Math.floor(rng() * 4294967296) >>> 0).toString(16).padStart(8, "0");
  return s;
}

/** A valid, plausible CandidateProfile with correlated fields. `id` only names the synthetic contact. */
export function sampleProfile(rng: Rng, id: number | string): CandidateProfile {
  return sampleCandidate(rng, id).profile;
}

/**
 * A candidate as the pipeline would see it: the profile plus a resume text (the evidence lines, a skills
 * line and a contact line, which the feature redaction must remove).
 */
export function sampleCandidate(rng: Rng, id: number | string): { profile: CandidateProfile; text: string } {
  const resumeId = hex64(rng);
  let text = "";
  const evidence: Evidence[] = [];
  const cite = (feature: string, t: string) => {
    const start = text.length;
    text += t + "\n";
    evidence.push({ feature, text: t, start, end: start + t.length });
  };

  const level = pick<DegreeLevel>(rng, [
    ["phd", 30],
    ["masters", 35],
    ["bachelors", 30],
    ["associate", 3],
    ["secondary", 2],
  ]);
  const inProgressP = level === "phd" ? 0.7 : level === "masters" ? 0.4 : level === "bachelors" ? 0.3 : 0.1;
  const r = rng();
  const status: DegreeStatus = r < inProgressP ? "in_progress" : r < inProgressP + 0.05 ? "unknown" : "completed";
  const field = pick(rng, FIELDS);
  const rel = fieldRelatedness(field);
  let graduation: string | null =
    status === "in_progress" ? ym(idx(2026, 1) + int(rng, 0, 23)) : ym(idx(2015, 1) + int(rng, 0, 131));
  if (rng() < 0.03) graduation = null;
  const highest: Education = { level, field, institution: null, status, graduation };
  const education: Education[] = [highest];
  if ((level === "phd" || level === "masters") && rng() < 0.8) {
    const g = graduation ? idx(Number(graduation.slice(0, 4)), 1) - int(rng, 24, 60) : idx(2018, 6);
    education.push({ level: "bachelors", field, institution: null, status: "completed", graduation: ym(g) });
  }
  const statusWords = status === "in_progress" ? "(in progress)" : status === "completed" ? "" : "";
  cite("education.level", `${level === "phd" ? "PhD" : level} ${field ? `in ${field}` : ""} ${statusWords}`.replace(/\s+/g, " ").trim());
  if (field) cite("education.field", field);
  if (graduation) cite("graduationDate", `${status === "in_progress" ? "Expected graduation" : "Graduated"} ${graduation}`);

  let availableFrom: string | null = null;
  if (rng() < 0.6) {
    const base = status === "in_progress" && graduation ? idx(Number(graduation.slice(0, 4)), Number(graduation.slice(5, 7))) : idx(2026, 1);
    availableFrom = ym(base + int(rng, status === "in_progress" ? -3 : 0, status === "in_progress" ? 3 : 9));
    cite("availableFrom", `Available from ${availableFrom}`);
  }

  // Experience, correlated with relatedness and degree.
  const isPhd = level === "phd";
  const mlMonths = rng() < 0.25 + 0.5 * rel + (isPhd ? 0.1 : 0) ? int(rng, 3, isPhd ? 60 : 36) : 0;
  const recsysMonths = mlMonths > 0 && rng() < 0.35 ? int(rng, 2, Math.max(3, mlMonths)) : 0;
  const dmMonths = rng() < 0.2 + 0.3 * rel ? int(rng, 2, 36) : 0;
  const total = Math.max(mlMonths, recsysMonths, dmMonths) + int(rng, 0, 48);
  const experience: Experience[] = [];
  const areasOf = (pairs: Array<[ExperienceArea, number]>) => pairs.filter(([, m]) => m > 0).map(([a]) => a);
  const areas = areasOf([
    ["machineLearning", mlMonths],
    ["recommenderSystems", recsysMonths],
    ["dataMining", dmMonths],
  ]);
  if (total > 0) {
    experience.push({
      title: areas.length > 0 ? "Research Intern" : "Software Engineer",
      organization: null,
      start: ym(idx(2026, 1) - total),
      end: null,
      areas,
    });
  }
  const signals = {
    machineLearning: mlMonths > 0 || rng() < 0.15,
    recommenderSystems: recsysMonths > 0 || rng() < 0.03,
    dataMining: dmMonths > 0 || rng() < 0.1,
    dataStructuresAlgorithms: rng() < 0.45 + 0.45 * rel,
    generalPurposeProgramming: rng() < 0.6 + 0.35 * rel,
  };
  if (mlMonths > 0) cite("experienceMonths.machineLearning", `${mlMonths} months training machine learning models`);
  if (recsysMonths > 0) cite("experienceMonths.recommenderSystems", `${recsysMonths} months building recommender systems`);
  if (dmMonths > 0) cite("experienceMonths.dataMining", `${dmMonths} months mining behavioural logs`);
  if (signals.machineLearning) cite("signals.machineLearning", "Trained and evaluated machine learning models");
  if (signals.recommenderSystems) cite("signals.recommenderSystems", "Built a ranking model for a recommender system");
  if (signals.dataMining) cite("signals.dataMining", "Applied clustering and frequent-pattern mining to logs");
  if (signals.dataStructuresAlgorithms) cite("signals.dataStructuresAlgorithms", "Coursework and contests in data structures and algorithms");
  if (signals.generalPurposeProgramming) cite("signals.generalPurposeProgramming", "Wrote production code in Python and Java");

  const pubMean = isPhd ? (status === "in_progress" ? 2 : 3) : level === "masters" ? 0.4 : 0.1;
  const publications = poisson(rng, pubMean * (0.5 + rel * 0.7));
  if (publications > 0) cite("publications", `${publications} peer-reviewed publication${publications > 1 ? "s" : ""}`);

  const nLang = signals.generalPurposeProgramming ? int(rng, 1, 4) : rng() < 0.3 ? 1 : 0;
  const langs = new Set<string>();
  while (langs.size < nLang) langs.add(LANGUAGES[int(rng, 0, LANGUAGES.length - 1)]!);
  const programmingLanguages = [...langs];
  if (programmingLanguages.length > 0) cite("programmingLanguages", programmingLanguages.join(", "));

  const skills = new Set<string>();
  const addFrom = (pool: readonly string[], k: number) => {
    for (let i = 0; i < k; i++) skills.add(pool[int(rng, 0, pool.length - 1)]!);
  };
  if (signals.machineLearning) addFrom(SKILL_POOL.ml, int(rng, 1, 3));
  if (signals.recommenderSystems) addFrom(SKILL_POOL.recsys, int(rng, 1, 3));
  if (signals.dataMining) addFrom(SKILL_POOL.dm, int(rng, 1, 3));
  addFrom(SKILL_POOL.general, int(rng, 0, 3));

  const graduationDate = status === "in_progress" ? graduation : (education.map((e) => e.graduation).filter((g): g is string => g !== null).sort().at(-1) ?? null);

  const name = `Simulated Candidate ${id}`;
  if (skills.size > 0) text += `Skills: ${[...skills].join(", ")}\n`;
  text += `Contact: ${name}, candidate${String(id).replace(/[^a-z0-9]/gi, "")}@example.org\n`;
  const profile: CandidateProfile = {
    schemaVersion: PROFILE_SCHEMA_VERSION,
    resumeId,
    contact: { name, email: null, phone: null },
    education,
    highestDegree: highest,
    graduationDate,
    availableFrom,
    experience,
    experienceMonths: { total, machineLearning: mlMonths, recommenderSystems: recsysMonths, dataMining: dmMonths },
    signals,
    programmingLanguages,
    skills: [...skills],
    publications,
    evidence,
    warnings: [],
  };
  return { profile, text };
}

export type HiddenPreference =
  | { kind: "recsysAndPublications"; minPublications: number; weight: number }
  | { kind: "skill"; skill: string; weight: number };

export interface RecruiterPrefs {
  base: number;
  allGatesMet: number;
  perUnmetGate: number;
  perUnknownGate: number;
  phdInProgressWhenAsked: number;
  anyPhd: number;
  fieldRelatedness: number;
  preferredSignals: number;
  logMonthsRelevant: number;
  logPublications: number;
  availableByDeadline: number;
  /** Divides the logit: >1 noisier recruiters, <1 more decisive. */
  temperature: number;
  hiddenPreference: HiddenPreference | null;
}

export const DEFAULT_PREFS: Readonly<RecruiterPrefs> = {
  base: -2.8,
  allGatesMet: 2.0,
  perUnmetGate: -1.5,
  perUnknownGate: -0.5,
  phdInProgressWhenAsked: 0.8,
  anyPhd: 0.3,
  fieldRelatedness: 1.0,
  preferredSignals: 1.2,
  logMonthsRelevant: 0.35,
  logPublications: 0.4,
  availableByDeadline: 0.6,
  temperature: 1,
  hiddenPreference: null,
};

export const HIDDEN_RECSYS_AND_PUBLICATIONS: HiddenPreference = { kind: "recsysAndPublications", minPublications: 2, weight: 1.5 };

export function hiddenPreferenceMatches(profile: CandidateProfile, h: HiddenPreference): boolean {
  if (h.kind === "recsysAndPublications") {
    const recsys = profile.signals.recommenderSystems || profile.experienceMonths.recommenderSystems > 0;
    return recsys && profile.publications >= h.minPublications;
  }
  const want = h.skill.toLowerCase();
  return profile.skills.some((s) => s.toLowerCase() === want);
}

/** Probability that the simulated recruiter advances this candidate (formula in the header comment). */
export function recruiterPreference(
  profile: CandidateProfile,
  posting: Posting,
  gates: readonly GateResult[],
  prefs: Partial<RecruiterPrefs> = {},
): number {
  const p = { ...DEFAULT_PREFS, ...prefs };
  const unmet = gates.filter((g) => g.verdict === "unmet").length;
  const unknown = gates.filter((g) => g.verdict === "unknown").length;
  let logit = p.base;
  if (gates.length > 0 && unmet === 0 && unknown === 0) logit += p.allGatesMet;
  logit += p.perUnmetGate * unmet + p.perUnknownGate * unknown;
  const asksPhd = posting.minimumQualifications.some((r) => r.kind === "degree" && r.level === "phd");
  const phdInProgress = profile.education.some((e) => e.level === "phd" && e.status === "in_progress");
  const anyPhd = profile.education.some((e) => e.level === "phd");
  if (asksPhd && phdInProgress) logit += p.phdInProgressWhenAsked;
  else if (anyPhd) logit += p.anyPhd;
  const rel = Math.max(0, ...profile.education.map((e) => fieldRelatedness(e.field)));
  logit += p.fieldRelatedness * (rel - 0.5);
  const wanted = [...new Set(posting.preferredQualifications.flatMap((q) => q.signals))];
  if (wanted.length > 0) logit += p.preferredSignals * (wanted.filter((s) => profile.signals[s]).length / wanted.length);
  const m = profile.experienceMonths;
  logit += p.logMonthsRelevant * Math.log1p(m.machineLearning + m.recommenderSystems + m.dataMining);
  logit += p.logPublications * Math.log1p(profile.publications);
  const deadline = posting.onboardingDeadline.slice(0, 7);
  const start = profile.availableFrom ?? profile.graduationDate;
  if (start !== null && start <= deadline) logit += p.availableByDeadline;
  if (p.hiddenPreference && hiddenPreferenceMatches(profile, p.hiddenPreference)) logit += p.hiddenPreference.weight;
  return 1 / (1 + Math.exp(-logit / p.temperature));
}

export interface SimulatedOutcome {
  profile: CandidateProfile;
  /** The resume text (with a synthetic contact line that feature redaction removes). */
  text: string;
  postingId: string;
  gates: GateResult[];
  /** The simulator's true advance probability (not observable in real data). */
  probability: number;
  outcome: "advance" | "reject";
  target: 0 | 1;
  decidedAt: string;
}

const SIM_START = Date.parse("2026-01-05T09:00:00Z");
const SIM_SPAN_MS = 90 * 24 * 3600 * 1000;

/** n simulated candidates for one posting with recruiter decisions; deterministic for (seed, posting.id). */
export type CandidateDecorator = (candidate: { profile: CandidateProfile; text: string }, index: number) => { profile: CandidateProfile; text: string };

/**
 * `decorate` changes a candidate before the recruiter decides (e.g. src/simulate/hidden-tool.ts gives some
 * resumes a tool the posting never names); it must draw from its own RNG so the base stream is unchanged.
 */
export function simulateOutcomes(
  n: number,
  posting: Posting,
  seed: number,
  prefs: Partial<RecruiterPrefs> = {},
  decorate?: CandidateDecorator,
): SimulatedOutcome[] {
  const rng = mulberry32((seed ^ hashString(posting.id)) >>> 0);
  const out: SimulatedOutcome[] = [];
  for (let i = 0; i < n; i++) {
    const sampled = sampleCandidate(rng, `${posting.id}-${i}`);
    const { profile, text } = decorate ? decorate(sampled, i) : sampled;
    const gates = evaluateGates(profile, posting);
    const probability = recruiterPreference(profile, posting, gates, prefs);
    const advance = rng() < probability;
    const t = SIM_START + Math.floor(((i + rng()) / Math.max(n, 1)) * SIM_SPAN_MS);
    out.push({
      profile,
      text,
      postingId: posting.id,
      gates,
      probability,
      outcome: advance ? "advance" : "reject",
      target: advance ? 1 : 0,
      decidedAt: new Date(t).toISOString(),
    });
  }
  return out;
}

/** Vectorise a simulated outcome into a training example (group = posting id, time = decidedAt). */
export function toTrainingExample(sim: SimulatedOutcome, posting: Posting): TrainingExample {
  const { values, terms } = vectorize(sim.profile, posting, sim.gates, resumeTerms(sim.text, sim.profile));
  return { values, terms, target: sim.target, group: sim.postingId, time: sim.decidedAt };
}
