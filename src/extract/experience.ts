/**
 * Roles in experience / research / teaching sections. A role is anchored on a non-bullet line
 * carrying a date or date range; its header is that line plus up to two short non-bullet lines
 * right above it (back to a blank line, bullet or earlier role) — or the next line when the anchor
 * holds only dates. Its body runs to the next role's header. Title = the header part with a job
 * word (Intern, Engineer, Assistant…); organisation = the first other part that is not a place.
 * Months are a union of intervals (overlapping roles count once); ongoing roles run to `today`.
 */
import type { Evidence, Experience, ExperienceArea } from "../domain/profile.ts";
import { monthIndex, scanDates } from "./dates.ts";
import { evidenceAt } from "./lines.ts";
import type { SectionedLine, SectionKind } from "./sections.ts";
import { matchSignal } from "./signals.ts";

export const ROLE_SECTIONS = new Set<SectionKind>(["experience", "research", "teaching"]);
const AREAS: ExperienceArea[] = ["machineLearning", "recommenderSystems", "dataMining"];
const JOB = /\b(?:intern(?:ship)?|engineer|scientist|researcher|assistant|analyst|developer|fellow|manager|lead|consultant|associate|student|instructor|tutor|director|architect|programmer|postdoc(?:toral)?|co-?op|member|specialist|technician|professor|lecturer|grader|founder|officer|designer|TA|RA)\b/i;
const PLACE = /^(?:remote|hybrid|on-?site|[A-Z]{2}|USA|US|UK|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s*[A-Z]{2}(?:\s+\d{5})?)$/;

export interface Role {
  experience: Experience;
  evidence: Evidence[];
}

function parts(text: string): string[] {
  return text
    .split(/\s*(?:[|,;•·\t–—]|\s-\s|\s{2,}|\bat\b|@)\s*/)
    .map((p) => p.replace(/^[-\s:()]+|[-\s:()]+$/g, "").trim())
    .filter((p) => p.length > 1 && !PLACE.test(p) && !/^(?:expected|present|current)$/i.test(p));
}

export function extractRoles(lines: SectionedLine[], today: string): Role[] {
  const content = (l: SectionedLine | undefined) => l !== undefined && !l.blank && !l.heading && ROLE_SECTIONS.has(l.section);
  // A prose line that merely mentions a year ("…launched in 2022 to…") is not an anchor: the date
  // must be a range, or sit at the start or end of the line as role headers put it.
  const anchors = lines.filter((l) => {
    if (!content(l) || l.bullet || l.text.length > 140) return false;
    const d = scanDates(l.text)[0];
    return d !== undefined && (d.range || d.index < 3 || l.text.length - d.end < 4 || /[(|]\s*$/.test(l.text.slice(0, d.index)));
  });
  const anchorSet = new Set(anchors.map((a) => a.index));
  // Header lines above each anchor, so each role knows where it begins.
  const headerStart = new Map<number, number>();
  for (const a of anchors) {
    let s = a.index;
    for (let k = 1; k <= 2; k++) {
      const l = lines[a.index - k];
      if (!content(l) || l!.bullet || anchorSet.has(l!.index) || l!.text.length > 90 || l!.section !== a.section) break;
      s = l!.index;
    }
    headerStart.set(a.index, s);
  }
  const roles: Role[] = [];
  anchors.forEach((a, n) => {
    const begin = headerStart.get(a.index)!;
    const next = anchors[n + 1];
    const stop = next ? headerStart.get(next.index)! : lines.length;
    const block = lines.slice(begin, stop).filter((l) => content(l) && l.section === a.section);
    const span = scanDates(a.text)[0]!;
    const anchorRest = (a.text.slice(0, span.index) + "  " + a.text.slice(span.end)).trim();
    const header = lines.slice(begin, a.index).map((l) => l.text);
    header.push(anchorRest);
    const below = lines[a.index + 1];
    if ((parts(header.join("  ")).length < 2 || !JOB.test(header.join(" "))) && content(below) && !below!.bullet && !anchorSet.has(below!.index) && below!.text.length < 80) {
      header.push(below!.text);
    }
    const ps = parts(header.join("  "));
    const title = ps.find((p) => JOB.test(p)) ?? ps[0] ?? (a.section === "teaching" ? "Teaching role" : "Role");
    const organization = ps.find((p) => p !== title) ?? null;
    const found = AREAS.filter((area) => block.some((l) => matchSignal(l, area).length > 0));
    // Recommender work is ML work (same implication as the signals).
    const areas = AREAS.filter((a) => found.includes(a) || (a === "machineLearning" && found.includes("recommenderSystems")));
    roles.push({
      experience: { title, organization, start: span.from, end: span.ongoing ? null : span.to, areas },
      evidence: [evidenceAt("experience", a)],
    });
  });
  return roles;
}

/** Months covered by the union of the roles' intervals, inclusive of both end months. */
export function monthsCovered(roles: Experience[], today: string): number {
  const now = monthIndex(today);
  const covered = new Set<number>();
  for (const r of roles) {
    if (r.start === null) continue;
    const s = monthIndex(r.start);
    const e = Math.min(r.end === null ? now : monthIndex(r.end), now);
    for (let m = s; m <= e; m++) covered.add(m);
  }
  return covered.size;
}

export function experienceMonths(roles: Experience[], today: string) {
  return {
    total: monthsCovered(roles, today),
    machineLearning: monthsCovered(roles.filter((r) => r.areas.includes("machineLearning")), today),
    recommenderSystems: monthsCovered(roles.filter((r) => r.areas.includes("recommenderSystems")), today),
    dataMining: monthsCovered(roles.filter((r) => r.areas.includes("dataMining")), today),
  };
}
