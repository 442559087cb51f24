/**
 * The EXTRACT stage: resume plain text → CandidateProfile. Pure, synchronous, deterministic.
 * Each step lives in its own file; this one composes them, picks the highest degree and the
 * graduation date, and makes sure every non-null field and every true signal carries evidence.
 */
import {
  CandidateProfile, PROFILE_SCHEMA_VERSION, SIGNAL_NAMES,
  type Education, type Evidence, type Signals,
} from "../domain/profile.ts";
import { extractAvailability } from "./availability.ts";
import { extractContact } from "./contact.ts";
import { monthIndex, scanDates } from "./dates.ts";
import { LEVEL_RANK } from "./degrees.ts";
import { extractEducation, type EducationEntry } from "./education.ts";
import { experienceMonths, extractRoles } from "./experience.ts";
import { findInjections } from "./injection.ts";
import { evidenceAt, splitLines } from "./lines.ts";
import { extractPublications } from "./publications.ts";
import { sectionize, type SectionedLine } from "./sections.ts";
import { detectSignal, isCourseTaken, isPostingEcho, type TopicSignal } from "./signals.ts";
import { extractLanguages, extractSkills, GENERAL_PURPOSE, pythonByFramework } from "./skills.ts";

export { fieldRelatedness } from "./field-relatedness.ts";
export { publicationVenues } from "./publications.ts";

export interface ExtractOptions {
  /** Warnings from earlier stages (e.g. text extraction), carried into the profile. */
  warnings?: string[];
  /** "YYYY-MM"; the month ongoing roles run to and future graduations are judged against. */
  today?: string;
}

function currentMonth(): string {
  const d = new Date();
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

const ym = (v: string | null) => (v === null ? -1 : monthIndex(v));

/** Highest level; ties → the one in progress, then the latest graduation. */
export function pickHighest(entries: Education[]): Education | null {
  let best: Education | null = null;
  for (const e of entries) {
    if (!best) { best = e; continue; }
    const byLevel = LEVEL_RANK[e.level] - LEVEL_RANK[best.level];
    const byProgress = Number(e.status === "in_progress") - Number(best.status === "in_progress");
    if (byLevel > 0 || (byLevel === 0 && (byProgress > 0 || (byProgress === 0 && ym(e.graduation) > ym(best.graduation))))) best = e;
  }
  return best;
}

/** The degree in progress (highest first), else the latest completed graduation. */
export function pickGraduation(all: Education[]): Education | null {
  // A certificate or diploma ("other") is not the degree a posting's graduation date refers to.
  const degrees = all.filter((e) => e.level !== "other");
  const entries = degrees.length > 0 ? degrees : all;
  const inProgress = pickHighest(entries.filter((e) => e.status === "in_progress"));
  if (inProgress) return inProgress;
  const done = entries.filter((e) => e.status === "completed" && e.graduation !== null);
  return done.sort((a, b) => ym(b.graduation) - ym(a.graduation))[0] ?? null;
}

/**
 * Evidence a recruiter can check is the resume LINE a claim comes from ("Ph.D. in Computer Science, Stanford,
 * Expected May 2026"), not the matched token ("Ph.D."): every span is widened to its full trimmed line, and a
 * feature citing the same line twice keeps one copy.
 */
function toLines(evidence: Evidence[], lines: { start: number; end: number; text: string }[]): Evidence[] {
  const out: Evidence[] = [];
  for (const e of evidence) {
    const line = lines.find((l) => l.start <= e.start && e.start <= l.end && e.end <= l.end);
    const ev = line ? { feature: e.feature, text: line.text, start: line.start, end: line.end } : e;
    if (!out.some((o) => o.feature === ev.feature && o.start === ev.start)) out.push(ev);
  }
  return out;
}

const THESIS_DATE = /\b(?:submit(?:ting|ted)?|defen[cs]e|defend(?:ing)?|viva)\b[^.;]{0,60}?\b(?:dissertation|thesis|doctorate|PhD)\b[^.;]{0,30}?|\b(?:dissertation|thesis)\s+(?:submission|defen[cs]e)\b[^.;]{0,30}?/i;

/** The first future date in a sentence about submitting or defending the thesis, with its evidence. */
function thesisCompletion(lines: SectionedLine[], today: string): { date: string; evidence: Evidence } | null {
  for (const l of lines) {
    if (l.blank || l.heading) continue;
    // Read with the next line of its paragraph: a PDF wraps "… my dissertation in spring" / "2026 I would …".
    const next = lines[l.index + 1];
    const text = next && !next.blank && !next.heading && !next.bullet && next.section === l.section ? `${l.text} ${next.text}` : l.text;
    for (const m of text.matchAll(new RegExp(THESIS_DATE.source, "gi"))) {
      if (m.index >= l.text.length) break;
      const rest = text.slice(m.index);
      const sentence = rest.slice(0, /[.;]/.exec(rest.slice(m[0].length))?.index ?? rest.length);
      const d = scanDates(sentence).find((x) => !x.ongoing && x.to !== null && monthIndex(x.to) >= monthIndex(today));
      if (d?.to) return { date: d.to, evidence: evidenceAt("graduationDate", l, Math.min(m.index + d.index, l.text.length), Math.min(m.index + d.end, l.text.length)) };
    }
  }
  return null;
}

const snippet = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

export function extractProfile(text: string, resumeId: string, options: ExtractOptions = {}): CandidateProfile {
  const today = options.today ?? currentMonth();
  const warnings = [...(options.warnings ?? [])];
  const evidence: Evidence[] = [];

  const all = sectionize(splitLines(text));
  // Injected instructions are dropped before any step sees them (blanked, so adjacency still holds).
  const tainted = findInjections(all);
  for (const i of tainted) warnings.push(`injection_text: ${snippet(all[i]!.text)}`);
  const lines = all.map((l) => (tainted.has(l.index) ? { ...l, text: "", end: l.start, blank: true, bullet: false } : l));

  const contact = extractContact(lines);
  evidence.push(...contact.evidence);

  let entries: EducationEntry[] = extractEducation(lines, today, false);
  if (entries.length === 0) entries = extractEducation(lines, today, true);
  const education = entries.map((e) => e.education);
  for (const e of entries) evidence.push(...e.evidence);
  const highestDegree = pickHighest(education);
  const gradDegree = pickGraduation(education);
  let graduationDate = gradDegree?.graduation ?? null;
  // A degree in progress with no end date ("Doctoral candidate …, since 10/2021"): a sentence elsewhere that dates
  // the thesis submission or defence ("After submitting my dissertation in spring 2026") gives its expected end.
  const thesisEnd = gradDegree?.status === "in_progress" && graduationDate === null ? thesisCompletion(lines, today) : null;
  if (thesisEnd) {
    graduationDate = thesisEnd.date;
    evidence.push(thesisEnd.evidence);
  }
  const entryOf = (ed: Education | null) => entries.find((e) => e.education === ed);
  if (highestDegree) {
    const lvl = entryOf(highestDegree)!.evidence[0]!;
    evidence.push({ ...lvl, feature: "highestDegree" });
  }
  if (graduationDate) {
    const g = entryOf(gradDegree)!.evidence.find((e) => e.feature === "education.graduation");
    if (g) evidence.push({ ...g, feature: "graduationDate" });
  }
  if (education.length === 0) warnings.push("no_education_found: no degree found in the resume");
  else if (gradDegree === null || graduationDate === null) {
    const d = gradDegree ?? highestDegree!;
    warnings.push(`graduation_date_unknown: no graduation date for the ${d.level} degree${d.field ? ` in ${d.field}` : ""}`);
  }

  const availability = extractAvailability(lines, today);
  let availableFrom = availability.availableFrom;
  evidence.push(...availability.evidence);
  if (availableFrom === null && availability.afterGraduation && graduationDate !== null) {
    availableFrom = graduationDate;
    warnings.push(`availability_after_graduation: read as the graduation date ${graduationDate}`);
  }
  if (availableFrom === null) warnings.push("availability_not_stated: no start date or availability statement found");

  // A Skills/Summary line reciting the posting's qualification names is dropped from skills and signals.
  const echo = new Set(lines.filter(isPostingEcho).map((l) => l.index));
  // A PDF wrap carries the end of the recited sentence onto the next line ("…, data" / "structures & algorithms and
  // Python, eager to join …"): that continuation is part of the echo.
  for (const l of lines) {
    const prev = lines[l.index - 1];
    if (prev && echo.has(prev.index) && !/[.!?]\s*$/.test(prev.text) && !l.blank && !l.heading && !l.bullet && l.section === prev.section) echo.add(l.index);
  }
  for (const i of echo) warnings.push(`posting_echo: ${snippet(lines[i]!.text)}`);
  const content = lines.map((l) => (echo.has(l.index) ? { ...l, text: "", end: l.start, blank: true, bullet: false } : l));

  const roles = extractRoles(content, today);
  const experience = roles.map((r) => r.experience);
  for (const r of roles) evidence.push(...r.evidence);

  const languages = extractLanguages(content);
  const skills = extractSkills(content);
  evidence.push(...languages.evidence, ...skills.evidence);
  const publications = extractPublications(content);
  evidence.push(...publications.evidence);

  const signals = Object.fromEntries(SIGNAL_NAMES.map((s) => [s, false])) as Signals;
  for (const s of ["machineLearning", "recommenderSystems", "dataMining", "dataStructuresAlgorithms"] as TopicSignal[]) {
    const r = detectSignal(content, s);
    signals[s] = r.value;
    evidence.push(...r.evidence);
  }
  // Building recommender models is machine-learning work (see signals.ts).
  if (signals.recommenderSystems && !signals.machineLearning) {
    signals.machineLearning = true;
    evidence.push(...evidence.filter((e) => e.feature === "signals.recommenderSystems").map((e) => ({ ...e, feature: "signals.machineLearning" })));
  }
  // A language named only in a course taken ("Intro to Python (Codecademy)" under Courses) is no programming shown.
  const used = extractLanguages(content.filter((l) => !isCourseTaken(l)));
  const gp = used.evidence.filter((e) => GENERAL_PURPOSE.has(used.names[used.evidence.indexOf(e)] ?? ""));
  signals.generalPurposeProgramming = gp.length > 0;
  evidence.push(...gp.map((e) => ({ ...e, feature: "signals.generalPurposeProgramming" })));
  const viaFramework = gp.length === 0 ? pythonByFramework(content) : null;
  if (viaFramework) {
    signals.generalPurposeProgramming = true;
    evidence.push(viaFramework);
  }

  return CandidateProfile.parse({
    schemaVersion: PROFILE_SCHEMA_VERSION,
    resumeId,
    contact: { name: contact.name, email: contact.email, phone: contact.phone },
    education,
    highestDegree,
    graduationDate,
    availableFrom,
    experience,
    experienceMonths: experienceMonths(experience, today),
    signals,
    programmingLanguages: languages.names,
    skills: skills.names,
    publications: publications.count,
    evidence: toLines(evidence, all),
    warnings,
  });
}
