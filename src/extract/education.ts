/**
 * Education entries: a degree mention (degrees.ts) plus the institution and dates around it.
 * Layouts vary — "Stanford University / Ph.D. in CS   Sep 2021 – Expected May 2026", or one line
 * "M.S. CS, Georgia Tech, 2019 – 2021" — so dates and institution are looked for on the degree's
 * own line first, then on its neighbours in the same paragraph that are not other degrees.
 */
import type { Education, Evidence } from "../domain/profile.ts";
import { scanDates, monthIndex, type DateSpan } from "./dates.ts";
import { findDegrees, fieldOf, type DegreeMention } from "./degrees.ts";
import { knownField } from "./field-relatedness.ts";
import { evidenceAt } from "./lines.ts";
import type { SectionedLine } from "./sections.ts";

export interface EducationEntry {
  education: Education;
  evidence: Evidence[];
}

const INSTITUTION =
  /\b(?:University|Universit[éäy]|Universidad|Università|Univ\.|Institute|Institut|College|School|Polytechnic|Politecnico|Academy|Tech|IIT|MIT|ETH|EPFL|UCLA|CMU|KAIST|NUS|UC\s+[A-Z]\w+)\b/;
/**
 * A degree not yet conferred. Besides "expected"/"ongoing", a doctorate whose thesis is submitted and awaits its
 * examination is still in progress: "PhD (submitted)", "viva pending", "awaiting defence", "under examination".
 * "Candidate of Sciences" is the name of the Russian doctorate (Kandidat nauk), not a candidacy.
 */
const IN_PROGRESS = /\b(?:expected|anticipated|candidate(?!\s+of\s+(?:[\w-]+\s+)?Sciences?\b)|present|ongoing|pursuing|current(?:ly)?|in progress|ABD)\b|\bexp\.|\((?:thesis\s+)?submitted\)|\b(?:viva|defen[cs]e|examination)\s+pending\b|\bpending\s+(?:viva|defen[cs]e)\b|\bawaiting\s+(?:the\s+|my\s+)?(?:viva|defen[cs]e|examination|conferral)\b|\bunder examination\b/i;
/**
 * A programme left without the degree ("withdrew", "discontinued", "did not complete") is neither held nor being
 * pursued, so it is no education entry: it must not become the highest degree.
 */
const LEFT_PROGRAMME = /\b(?:withdr[ae]w[n]?|discontinued|dropped out|did not (?:complete|finish)|left (?:the )?(?:program(?:me)?|PhD|doctorate)|not completed|incomplete)\b/i;

/** A programme applied to, not entered ("Master's programmes: applications pending for Fall 2026 (not enrolled)"). */
const NOT_ENROLLED = /\bnot (?:yet )?enrolled\b|\bapplications?\s+(?:pending|submitted|in progress)\b|\bapplying\s+(?:to|for)\b/i;

function institutionIn(text: string): { index: number; text: string } | null {
  const parts = text.split(/\s*(?:[|,;•·\t–—]|\s-\s|\s{2,})\s*/);
  let pos = 0;
  for (const p of parts) {
    const at = text.indexOf(p, pos);
    pos = at + p.length;
    // A part naming a degree ("B.Tech in CSE" contains "Tech") is not the institution.
    if (at >= 0 && INSTITUTION.test(p) && !findDegrees(p).some((d) => d.level !== "secondary" && d.level !== "other")) {
      return { index: at, text: p };
    }
  }
  return null;
}

/** Neighbour lines that may belong to the degree on line `i`: same paragraph, not another degree. */
function neighbours(lines: SectionedLine[], i: number, degreeLines: Set<number>, above: boolean): SectionedLine[] {
  const out: SectionedLine[] = [];
  for (const j of above ? [i - 1, i + 1, i - 2, i + 2] : [i + 1, i - 1, i + 2, i - 2]) {
    const l = lines[j];
    if (!l || l.blank || l.heading || degreeLines.has(j)) continue;
    // Stop at a paragraph break between i and j.
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    if (lines.slice(lo, hi + 1).some((x) => x.blank || x.heading)) continue;
    out.push(l);
  }
  return out;
}

/** The line under a dated degree line is only the open end of its range, wrapped by a PDF: "- present". */
function presentWrapped(lines: SectionedLine[], i: number): boolean {
  const next = lines[i + 1];
  if (next === undefined || next.blank || next.heading) return false;
  if (/^\s*[-–—]\s*(?:present|current(?:ly)?|now|ongoing|today|to date)\s*$/i.test(next.text)) {
    return scanDates(lines[i]!.text).length > 0 && !/[-–—]\s*$/.test(lines[i]!.text);
  }
  // So is its closing date, under a line ending on the opening year ("…, 2021" / "- end of 2025 (thesis submitted)"):
  // the wrapped line is that date alone, with at most a parenthetical note.
  const dash = /^\s*[-–—]\s*/.exec(next.text);
  if (!dash || !/\b(?:19|20)\d\d\s*$/.test(lines[i]!.text)) return false;
  const rest = next.text.slice(dash[0].length);
  const d = scanDates(rest)[0];
  return d !== undefined && d.index === 0 && !d.range && /^\s*(?:\([^()]*\))?\s*[.;]?\s*$/.test(rest.slice(d.end));
}

const DANGLING_CONNECTOR = /(?:\b(?:a la|to|till|until|through|since|bis)|\d\s?[–—-])\s*$/i;
const DANGLING_COMPLETION = /\b(?:finish|complete|graduate|graduating|defend|submit)\w*(?:\s+(?:my|the|it|this|thesis|degree|PhD|programme|program)){0,2}\s+(?:in|by|on|around)\s*$/i;
const DANGLING_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$/i;

/**
 * A PDF line wrap between a month and its year ("…, Sept 2020 – June" / "2024"): the degree line is read with the
 * year that opens the next line. Evidence offsets stay within the degree's own line (see extractEducation).
 */
function withWrappedYear(lines: SectionedLine[], i: number): SectionedLine {
  const l = lines[i]!;
  const next = lines[i + 1];
  if (!next || next.blank || next.heading) return l;
  // The open end of a range wrapped onto a line of its own ("…, Aug 2021" / "- present"), which then reads as a bullet.
  if (presentWrapped(lines, i)) return { ...l, text: `${l.text} ${next.text.trim()}` };
  // A range cut after its connector ("— 2021 a la" / "fecha; defensa esperada: 2026", "2013–" / "2019"): the next
  // line's date words are read with the degree's line (up to its first separator), unless it names a degree itself.
  if (DANGLING_CONNECTOR.test(l.text) && scanDates(l.text).length > 0 && findDegrees(next.text).length === 0) {
    return { ...l, text: `${l.text} ${next.text.split(/\s[|·•]\s|\s{2,}/)[0]}` };
  }
  // Prose cut after its completion verb ("… where I expect to finish in" / "June 2026, after an MA …"): the date that
  // opens the next line is the degree's, even when that line names another degree later on.
  if (DANGLING_COMPLETION.test(l.text) && scanDates(l.text).length === 0) {
    const d = scanDates(next.text)[0];
    if (d && d.index <= 2 && d.from !== null) return { ...l, text: `${l.text} ${next.text.slice(0, d.end).trim()}` };
  }
  if (!DANGLING_MONTH.test(l.text)) return l;
  const year = /^\s*((?:19|20)\d\d)\b/.exec(next.text);
  if (!year) return l;
  // "…, Aug" / "2021 – May 2026 (anticipated)": the year opens a range, and the whole range is the degree's.
  const range = scanDates(next.text).find((x) => x.index === year.index + year[0].length - year[1]!.length && x.range);
  return { ...l, text: `${l.text} ${range ? next.text.slice(range.index, range.end) : year[1]}` };
}

/**
 * Lines that may carry the degree's dates: its own line, then the lines below it up to the next
 * degree / blank / heading (at most 3) — "Lakeview University / 2021 – Present / Expected May 2026";
 * with the institution-above layout, the line above as well.
 */
function datedLines(lines: SectionedLine[], i: number, degreeLines: Set<number>, above: boolean, today: string): SectionedLine[] {
  const own = withWrappedYear(lines, i);
  const out = [own];
  const first = presentWrapped(lines, i) ? i + 2 : i + 1;
  for (let j = first; j <= first + 2; j++) {
    const l = lines[j];
    if (!l || l.blank || l.heading || l.bullet || degreeLines.has(j)) break;
    out.push(l);
  }
  const up = lines[i - 1];
  if (above && up && !up.blank && !up.heading && !degreeLines.has(i - 1)) out.push(up);
  const dated = out.filter((l) => scanDates(l.text).length > 0);
  if (dated.length === 0) {
    // Job-board exports put degree, institution and dates in separate paragraphs ("Bachelor of Engineering…",
    // blank, "Institute…", blank, "2012 to 2016"): take the first dated line before the next degree or heading.
    let seen = 0;
    for (let j = i + 1; j < lines.length && seen < 4; j++) {
      const l = lines[j]!;
      if (l.heading || degreeLines.has(j) || l.section !== lines[i]!.section) break;
      if (l.blank) continue;
      seen++;
      if (scanDates(l.text).length > 0) return [l];
    }
  }
  // "B.E. … in 2016" / next line "HSC … in 2012": the degree's own date wins over a neighbour's. So does an end still
  // to come on the degree's own line ("B.E. …, 2022 – 2026 (exp.)", "PhD …, from Fall 2021, expected Q3 2026"): the
  // lines below are then other entries (an "Intermediate …, 2020 – 2022" row, a degree we do not name), not its dates.
  // (An in-progress line whose own dates are past — "PhD candidate, 2022" — still reads "Expected May 2026" below.)
  // An undated degree line cut mid-phrase whose continuation below holds a closed range ("…, University of" /
  // "Donaustadt, 2012 – 2018", wrapped by a PDF): that range is its date; a dated line further down is the next entry (a bootcamp
  // the taxonomy does not name).
  if (dated.length > 1 && dated[0] === lines[i + 1] && /(?:\b(?:of|and|in|for|the|de|der|für)|,)\s*$/i.test(own.text)
    && !IN_PROGRESS.test(dated[0]!.text) && scanDates(dated[0]!.text).some((s) => s.range && !s.ongoing)) return [dated[0]!];
  const ownSpans = scanDates(own.text);
  const ownEnd = ownSpans.some((s) => !s.ongoing && (!IN_PROGRESS.test(own.text) || (s.to !== null && monthIndex(s.to) > monthIndex(today))));
  return dated[0] === own && ownEnd ? [own] : dated;
}

/**
 * Dates between a degree mention and the next one on the same line, with offsets into the line. In prose (a line
 * longer than a table row) only the first: the date nearest a degree is its own, later ones belong to the story.
 */
function ownDates(text: string, from: number, to: number): DateSpan[] {
  const spans = scanDates(text.slice(from, to)).map((s) => ({ ...s, index: s.index + from, end: s.end + from }));
  // An open start ("2021– (planned defence June 2026)") keeps reading to the first date that ends it.
  if (text.length <= 200) return spans;
  const firstEnd = spans.findIndex((s) => !s.ongoing);
  return spans.slice(0, firstEnd < 0 ? 1 : firstEnd + 1);
}

/** Words that say a degree was finished on the date beside them (thesis defence, viva, award). */
const COMPLETION = /\b(?:defen[cs]e|defended|viva|disputation|conferred|awarded|graduated)\b/i;

/** The dated completion line ("Thesis defended 11/2024") among the two lines under a degree, if any. */
function completionDate(lines: SectionedLine[], i: number, degreeLines: Set<number>): { l: SectionedLine; s: DateSpan } | undefined {
  for (let j = i + 1; j <= i + 2; j++) {
    const l = lines[j];
    if (!l || l.blank || l.heading || degreeLines.has(j)) return undefined;
    // A footnote ("¹ Thesis defended …", "* expected; defence …") belongs to the degree carrying its mark.
    if ([...degreeLines].some((k) => k !== i && k < j && remarkFor(lines, lines[k]!)?.index === j)) continue;
    // "…defence planned for 10 December" / "2025": the year a PDF wrapped is read with the line.
    const w = withWrappedYear(lines, j);
    const s = scanDates(w.text).filter((x) => !x.ongoing && x.to !== null && /\d{4}/.test(x.text));
    if (COMPLETION.test(l.text) && s.length > 0 && /[a-z/.]/i.test(s[s.length - 1]!.text.replace(/\d{4}/, ""))) return { l, s: s[s.length - 1]! };
  }
  return undefined;
}

/**
 * A graduation date stated as such under the degree ("Anticipated graduation: 12/2025", "Expected graduation: June
 * 2026"), within its entry (up to four lines, before the next degree, heading or blank line): it dates the degree more
 * exactly than an open range or a bare year's end. Elsewhere in the resume (an Availability line "Expected graduation
 * July 2026; …") it refines a bare-year end of the same year to its month, when the resume has one degree in progress.
 */
const GRADUATION_STATED = /\b(?:expected|anticipated|projected|planned|estimated)\s+(?:graduation|completion|conferral)(?:\s+date)?\s*(?::|-|–|—|in|on|by)?\s*$/i;
function statedGraduation(l: SectionedLine): DateSpan | undefined {
  if (!/graduation|completion|conferral/i.test(l.text)) return undefined;
  return scanDates(l.text).find((x) => !x.range && !x.ongoing && x.to !== null && /\d{4}/.test(x.text)
    && /[a-z/.]/i.test(x.text.replace(/\d{4}/, "")) && GRADUATION_STATED.test(l.text.slice(Math.max(0, x.index - 40), x.index)));
}
function graduationBelow(lines: SectionedLine[], i: number, degreeLines: Set<number>): { l: SectionedLine; s: DateSpan } | undefined {
  for (let j = i + 1; j <= i + 4; j++) {
    const l = lines[j];
    if (!l || l.blank || l.heading || degreeLines.has(j)) return undefined;
    const s = statedGraduation(l);
    if (s) return { l, s };
  }
  return undefined;
}

/** A footnote mark glued to a word of a degree line ("Physics¹", "2019 – 2023*"). */
// Text normalisation turns "¹" into "1", so a single digit glued to a lower-case word ("Physics1,") is a mark too.
const MARK = /(?<=[\p{L}\d)])(\*{1,2}|[¹²³⁴⁵⁶⁷⁸⁹†‡])(?=[\s,;.)]|$)|(?<=\p{Ll}{3})([1-9])(?=[,;]|\s+[-–—,]|$)/u;

/**
 * The remark a degree line's footnote mark points to: a later line of the same section opening with the same mark
 * ("¹ Thesis defended 14 March 2024: …", "* I left the PhD programme in 2023 …").
 */
function remarkFor(lines: SectionedLine[], line: SectionedLine): SectionedLine | undefined {
  if (!/[*¹²³⁴⁵⁶⁷⁸⁹†‡]|\p{Ll}[1-9]\b/u.test(line.text)) return undefined;
  const m = MARK.exec(line.text);
  const mark = m?.[1] ?? m?.[2];
  if (!mark) return undefined;
  for (let j = line.index + 1; j <= line.index + 8; j++) {
    const l = lines[j];
    if (!l || l.heading || (l.section !== line.section && !l.blank)) return undefined;
    const t = l.text.trimStart();
    if (t.startsWith(mark) && t[mark.length] !== mark[0] && (!/\d/.test(mark) || /^\d\s+\p{Lu}/u.test(t))) return l;
    // Text normalisation turns a leading "* " into a bullet: a bullet closing the section answers an asterisk.
    const after = lines.slice(j + 1).find((x) => !x.blank);
    if (mark === "*" && l.bullet && (!after || after.heading || after.section !== line.section)) return l;
  }
  return undefined;
}

/** A line that is nothing but a date or range ("2020.09-2025.07", "Sep 2019 – Jun 2021"). */
function dateOnly(l: SectionedLine | undefined): boolean {
  if (!l || l.blank || l.heading) return false;
  const spans = scanDates(l.text);
  if (spans.length === 0) return false;
  let rest = l.text;
  for (const s of spans) rest = rest.replace(s.text, " ");
  return !/\p{L}/u.test(rest);
}

/**
 * The field of a degree, read across a PDF line wrap when it ends on a joining word ("… in Applied Mathematics and" /
 * "Informatics, Steppe State University, …").
 */
function fieldAcrossWrap(lines: SectionedLine[], line: SectionedLine, d: DegreeMention): string | null {
  const f = fieldOf(line.text, d);
  const next = lines[line.index + 1];
  if (!f && next && !next.blank && !next.heading && !next.bullet && findDegrees(next.text).length === 0) return fieldBelow(line, d, next);
  if (!f || !/\s(?:and|of|&)$/i.test(f) || !line.text.trimEnd().endsWith(f) || !next || next.blank || next.heading || next.bullet) return f;
  return fieldOf(`${line.text} ${next.text}`, d) ?? f;
}

/** Latin honours and other words a degree line may carry that are no field. */
const HONOURS = /\b(?:summa|magna|maxima)?\s*cum\s+laude\b|\bwith\s+(?:high(?:est)?\s+)?(?:distinction|honou?rs)\b|\b(?:first[- ]class|distinction|honou?rs)\b/gi;

/**
 * A degree line that holds nothing after the degree but its date, a gloss in parentheses and honours ("PhD, 2013",
 * "Doctorate (Dr. rer. nat.) — summa cum laude — 2014") has its field as the first cell of the next line
 * ("Electrical Engineering", "Mathematics, UNIVERSITÄT FELDMARK"), when that cell is a field we know and no
 * institution.
 */
function fieldBelow(line: SectionedLine, d: DegreeMention, next: SectionedLine): string | null {
  let rest = line.text.slice(d.end).replace(/\([^()]*\)/g, " ").replace(HONOURS, " ");
  for (const s of scanDates(rest)) rest = rest.replace(s.text, " ");
  if (/\p{L}/u.test(rest)) return null;
  const cell = (next.text.trim().split(/\s*(?:[|,;•·\t–—(]|\s-\s|\s{2,})\s*/)[0] ?? "").trim();
  if (cell.length < 2 || cell.length > 60 || !/^[A-Z][\p{L} &]+$/u.test(cell) || INSTITUTION.test(cell) || !knownField(cell)) return null;
  return cell;
}

export function extractEducation(lines: SectionedLine[], today: string, anywhere: boolean): EducationEntry[] {
  const candidates = lines.filter((l) => !l.blank && !l.heading && (anywhere || l.section === "education"));
  const mentions = candidates.map((l) => ({ line: l, degrees: findDegrees(l.text) })).filter((x) => x.degrees.length > 0);
  const degreeLines = new Set(mentions.map((m) => m.line.index));
  const out: EducationEntry[] = [];
  // Orientation is a property of the whole section: if the first degree has its institution on the
  // line above ("Stanford University / Ph.D. in CS"), every degree does — the line below it is
  // then the NEXT entry's institution, not this one's.
  const firstAbove = mentions[0] ? lines[mentions[0].line.index - 1] : undefined;
  const above = firstAbove !== undefined && !firstAbove.blank && !firstAbove.heading && institutionIn(firstAbove.text) !== null
    && !institutionIn(mentions[0]!.line.text);
  // Date-first rows ("2020.09-2025.07" / "Ph.D. in Computer Science" / "<University>" / "2016.09-2020.07" / "B.Sc…"):
  // when the first degree has a bare date line above it, each degree's date is the one above it — the one below
  // belongs to the next degree.
  const dateFirst = mentions[0] !== undefined && dateOnly(lines[mentions[0].line.index - 1])
    && !degreeLines.has(mentions[0].line.index - 1) && scanDates(mentions[0].line.text).length === 0;
  const stated = lines.filter((l) => !l.blank && !l.heading && !degreeLines.has(l.index)).map((l) => ({ l, s: statedGraduation(l) }))
    .filter((x): x is { l: SectionedLine; s: DateSpan } => x.s !== undefined);
  const statedElsewhere = stated.length === 1 ? stated[0] : undefined;
  for (const { line, degrees } of mentions) {
    // Only on an entry-sized line: a whole resume flattened to one line says "discontinued products" elsewhere.
    // A parenthesis left open at the line's end was wrapped by a PDF ("PhD studies, Physics (left for industry, not" /
    // "completed)"): its continuation is read with it.
    const wrapped = lines[line.index + 1];
    const leftText = (line.text.match(/\(/g) ?? []).length > (line.text.match(/\)/g) ?? []).length && wrapped && !wrapped.blank && !wrapped.heading
      && !degreeLines.has(wrapped.index) ? `${line.text} ${wrapped.text.trim()}` : line.text;
    if (leftText.length <= 200 && (LEFT_PROGRAMME.test(leftText) || NOT_ENROLLED.test(leftText))) continue;
    // A remark under the entries, tied to this degree by a footnote mark, speaks for it: a programme left, a defence date.
    const remark = remarkFor(lines, line);
    if (remark && remark.text.length <= 200 && LEFT_PROGRAMME.test(remark.text)) continue;
    const remarkDone = remark && COMPLETION.test(remark.text)
      ? scanDates(remark.text).filter((x) => !x.ongoing && x.to !== null && /\d{4}/.test(x.text) && /\p{L}/u.test(x.text)).pop()
      : undefined;
    const near = neighbours(lines, line.index, degreeLines, above);
    const dateAbove = dateFirst && scanDates(line.text).length === 0 && dateOnly(lines[line.index - 1]) ? lines[line.index - 1] : undefined;
    const dateLines = dateAbove ? [dateAbove] : datedLines(lines, line.index, degreeLines, above, today);
    for (const [k, d] of degrees.entries()) {
      // With two degrees on one line ("B.S. and M.S. in CS, 2015 – 2020") the dates belong to the last — unless
      // each degree has dates of its own before the next one ("MSc … in July 2024, after a BSc … in 2022").
      const own = degrees.length > 1 ? ownDates(line.text, d.end, degrees[k + 1]?.index ?? line.text.length) : [];
      const spans = own.length > 0 ? own.map((s) => ({ l: line, s }))
        : dateLines.flatMap((l) => (k === degrees.length - 1 || l !== line ? scanDates(l.text).map((s) => ({ l, s })) : []));
      // "2021 – Present" then "Expected May 2026": a dated end beats an open range.
      // "…, 2020 – 2024" then "Thesis defended 11/2024": the completion line under the degree dates it more exactly.
      const done = k !== degrees.length - 1 ? undefined
        : remark && remarkDone ? { l: remark, s: remarkDone } : completionDate(lines, line.index, degreeLines) ?? graduationBelow(lines, line.index, degreeLines);
      const pick = done ?? spans.filter((x) => !x.s.ongoing).pop() ?? spans[spans.length - 1];
      const last: DateSpan | undefined = pick?.s;
      const dated = pick?.l;
      let graduation = last ? (last.ongoing ? null : last.to) : null;
      // A bare year's end ("2024 – 2026") refined by a graduation stated elsewhere in that year ("Expected graduation
      // July 2026" under Availability).
      if (graduation && statedElsewhere && last && !/\p{L}|\//u.test(last.text) && statedElsewhere.s.to!.slice(0, 4) === graduation.slice(0, 4)
        && statedElsewhere.l.section !== "education") graduation = statedElsewhere.s.to;
      const inst = institutionIn(line.text) ? { line, hit: institutionIn(line.text)! }
        : near.map((l) => ({ line: l, hit: institutionIn(l.text) })).find((x) => x.hit !== null && !x.line.bullet);
      // With dates of its own, the degree's status is read from its own clause too ("MSc … in July 2024"), not from
      // a later "present" of a job on the same line. An undated degree still says "(in progress)" on its own line —
      // if entry-sized: a whole resume flattened to one line says "present" or "currently" about something else.
      const ownLine = line.text.length <= 200 ? [line] : [];
      const statusText = own.length > 0 && last ? line.text.slice(d.index, Math.max(last.end, d.end))
        : [...new Set([...dateLines, ...ownLine, ...(remark ? [remark] : [])])].map((l) => l.text).join(" ")
          // LinkedIn's label "Dates attended or expected graduation 2017 – 2022" says nothing about this degree's status.
          .replace(/\bDates attended or expected graduation\b/gi, "");
      const status: Education["status"] =
        d.inProgress || IN_PROGRESS.test(statusText) || last?.ongoing || (graduation !== null && monthIndex(graduation) > monthIndex(today))
          ? "in_progress"
          : graduation !== null ? "completed" : "unknown";
      const education: Education = {
        level: d.level,
        // A school-leaving certificate has no field of study ("Westbrook High School, High School Diploma").
        field: d.level === "secondary" ? null : fieldAcrossWrap(lines, line, d),
        institution: inst?.hit?.text ?? null,
        status,
        graduation,
      };
      const evidence: Evidence[] = [evidenceAt("education.level", line, d.index, d.end)];
      // A field read from the line below the degree (fieldBelow) is cited there.
      const below = lines[line.index + 1];
      const fieldLine = education.field && !line.text.includes(education.field) && below?.text.includes(education.field) ? below : line;
      if (education.field) evidence.push(evidenceAt("education.field", fieldLine));
      if (inst?.hit) evidence.push(evidenceAt("education.institution", inst.line, inst.hit.index, inst.hit.index + inst.hit.text.length));
      // A date read across a wrap (withWrappedYear) is cited up to the end of the degree's own line.
      if (last && dated) {
        const real = lines[dated.index]!;
        evidence.push(evidenceAt("education.graduation", real, Math.min(last.index, real.text.length), Math.min(last.end, real.text.length)));
      }
      out.push({ education, evidence });
    }
  }
  // The same degree listed twice (summary + education) counts once.
  return out.filter((e, i) => out.findIndex((o) => o.education.level === e.education.level &&
    (o.education.field ?? "") === (e.education.field ?? "") && o.education.graduation === e.education.graduation) === i);
}
