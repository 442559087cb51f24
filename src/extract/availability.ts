/**
 * Earliest start date the candidate states. A statement needs a trigger ("available", "start",
 * "availability") or must sit in an Availability section, and a date or an immediacy word:
 * "References available upon request" has neither a date nor "immediately", so it is no statement.
 * Seasons resolve as the START of term (Fall 2026 → 2026-09), as anyone starting work would mean.
 * Relocating ("Free to relocate from autumn 2026") and the start of a work authorization ("OPT eligible from
 * 06/2026") are stated start dates too: the candidate can take up the job from then.
 * "After graduation" with no date is reported so index.ts can fall back to the graduation date.
 */
import type { Evidence } from "../domain/profile.ts";
import { monthIndex, scanDates } from "./dates.ts";
import { findDegrees } from "./degrees.ts";
import { evidenceAt } from "./lines.ts";
import type { SectionedLine } from "./sections.ts";

const TRIGGER = /\b(?:availab(?:le|ility)|verfügbar(?:keit)?|disponib(?:le|ilit[ée])|(?:glad|happy|keen|eager|hope|hoping|plan(?:ning)?|intend|would like|wish) to (?:start|join|begin|commence)|arrival (?:date|time)|join(?:ing)?\s+(?:the|your|a|an|our)\s+(?:[\w-]+\s+){0,2}?(?:in|from|on)|(?:can|able to|could|ready to|looking to|open to) (?:start|begin|commence)|start(?:ing)? date|earliest start|start(?:ing)? (?:in|from|on)|join(?:ing)? (?:in|from)|(?:expected|able|ready|available|can) to join|(?:expected|expecting) to (?:start|begin|commence)(?:\s+(?:work|working))?\s+(?:in|on|from|by|around)?|(?:can|could) join|(?:date of|expected) joining|joining date|free (?:to start|from)|(?:can|able to) (?:arrive|report)|arrival date|(?:roles?|positions?|jobs?|opportunities|employment)\s+(?:starting|beginning|commencing)|(?:free|able|ready|willing|happy) to (?:relocate|move)\s+(?:from|in|by|starting)|(?:OPT|CPT|work|employment)\s+(?:eligib(?:le|ility)|authori[sz](?:ed|ation)|permit(?:ted)?)\s+(?:from|starting|begins?)|eligible to (?:work|start|join)\s+(?:from|in|on))\b/i;
const IMMEDIATE = /\b(?:immediately|immediate|now|asap|right away|at once)\b/i;
/** "available from then", "thereafter": the start is the date stated before the trigger in the same line. */
const BACK_REFERENCE = /^\W*(?:from|after)\s+(?:then|that(?:\s+date)?)\b|^\W*thereafter\b/i;
/** A full-time start stated beside other dates ("Summer 2026 internship; full-time from January 2027"). */
const FULL_TIME = /\bfull[- ]time\s+(?:from|starting(?:\s+(?:in|from))?|as of)\b/i;
/** Sections of past work, where "full-time from 2019" dates a job held. */
const HISTORY = new Set(["experience", "research", "education", "projects", "teaching"]);
/** A sentence opening with its start date before the trigger: "From April 2026 I am free to start." */
const FROM_FIRST = /(?:^|[.;]\s+)\W*(?:from|starting(?:\s+(?:in|from))?|as of|beginning(?:\s+in)?)\s+([^.;]{3,30}?)\s*,?\s+(?:I|I'm|I am|I'll|I will|we)\b[^.;]*$/i;
const RESTATED = /[—–,;:-]\s*(?:so|i\.e\.,?|that is,?|meaning|hence|thus|in other words,?)\s+(?:from|starting(?:\s+(?:in|from))?|as of)\s+(?=\S)/i;
const DANGLING_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$/i;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** A month named with no year right after the trigger ("available from June."). */
const YEARLESS_MONTH = /^\s*(?:(?:from|in|starting(?:\s+(?:in|from))?|as of|by)\s+)?(?:(?:early|mid|late)[- ]\s*)?(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?(?!\s*(?:\d|['’]\d))/i;
const AFTER_GRADUATION = /\bafter (?:my )?graduation\b|\bupon graduation\b|\bonce I graduate\b/i;

export interface Availability {
  availableFrom: string | null;
  /** Stated as "after graduation" without a date. */
  afterGraduation: boolean;
  evidence: Evidence[];
}

export function extractAvailability(lines: SectionedLine[], today: string): Availability {
  let best: { value: string; ev: Evidence } | null = null;
  let afterGraduation: Evidence | null = null;
  for (const [i, line] of lines.entries()) {
    if (line.blank || line.heading) continue;
    // "Available from June 2026. Letters of recommendation available upon request.": only the sentence about
    // references is no statement; it is blanked (same length, so offsets still point into the line).
    // A PDF wrap between a month and its year ("Available from February" / "2026."): the year is read with the line.
    const wrapYear = DANGLING_MONTH.test(line.text) && lines[i + 1] && !lines[i + 1]!.blank ? /^\s*((?:19|20)\d\d)\b/.exec(lines[i + 1]!.text)?.[1] : undefined;
    const l = { ...line, text: `${line.text}${wrapYear ? ` ${wrapYear}` : ""}`.replace(/[^.;]*\bupon request\b[^.;]*[.;]?/gi, (m) => " ".repeat(m.length)) };
    if (!(TRIGGER.test(l.text) || l.section === "availability" || (FULL_TIME.test(l.text) && !HISTORY.has(l.section)))) continue;
    if (l.text.trim() === "") continue;
    // Without a trigger word, an Availability-section line must look like a start date: a degree line or a range
    // that has already ended ("BSc Computer Science, 2020 – 2023") under a heading we missed is history.
    // So is a range that began in the past and is still running ("Library desk, 2023 – present").
    const past = (d: { range: boolean; from: string | null; to: string | null; ongoing: boolean }) => d.range
      && ((d.to !== null && monthIndex(d.to) < monthIndex(today)) || (d.ongoing && d.from !== null && monthIndex(d.from) < monthIndex(today)));
    if (!TRIGGER.test(l.text) && !FULL_TIME.test(l.text) && (findDegrees(l.text).length > 0 || scanDates(l.text).some(past))) continue;
    // "Open to research internships in summer 2026; full-time from September 2027": the posting is for a full-time
    // role, so the full-time start is the one stated for it; an internship's dates are not.
    const trig = FULL_TIME.exec(l.text) ?? TRIGGER.exec(l.text);
    // Dates after the trigger are the start date; "M.S. 2024, available June 2026" has two dates.
    // "Right after my defence in June 2026 — so from July 2026": a date restated as the start overrides the one before.
    const restated = RESTATED.exec(l.text.slice(trig ? trig.index : 0));
    const from = (trig ? trig.index : 0) + (restated && scanDates(l.text.slice((trig ? trig.index : 0) + restated.index)).length > 0 ? restated.index : 0);
    // The earliest date stated: "Summer 2026 (May 2026 – Aug 2026)" starts in May.
    const after = scanDates(l.text.slice(from)).filter((x) => x.from !== null)
      .sort((a, b) => monthIndex(a.from!) - monthIndex(b.from!))[0];
    // "Garden leave ends 15 March 2026; available from then": the date the trigger points back to.
    const back = !after && trig && BACK_REFERENCE.test(l.text.slice(trig.index + trig[0].length))
      ? scanDates(l.text.slice(0, trig.index)).filter((x) => x.from !== null).pop() : undefined;
    // "From April 2026 I am free to start.": the sentence opens with the date the trigger closes on.
    const lead = !after && !back && trig ? FROM_FIRST.exec(l.text.slice(0, trig.index)) : null;
    const fronted = lead ? scanDates(lead[1]!).filter((x) => x.from !== null)[0] : undefined;
    const leadAt = lead ? lead.index + lead[0].length - lead[1]!.length : 0;
    // "Defending in May 2026, available from June.": a month without its year after the trigger takes the year of the
    // date before it in the line (the next year when the month comes earlier in the year).
    const bare = !after && !back && !fronted && trig ? YEARLESS_MONTH.exec(l.text.slice(trig.index + trig[0].length)) : null;
    const before = bare ? scanDates(l.text.slice(0, trig!.index)).filter((x) => x.to !== null && /\d{4}/.test(x.text)).pop() : undefined;
    const yearless = bare && before ? (() => {
      const m = MONTHS.indexOf(bare[1]!.slice(0, 3).toLowerCase()) + 1;
      const [y, bm] = before.to!.split("-").map(Number) as [number, number];
      const at = trig!.index + trig![0].length + bare.index + bare[0].length - bare[1]!.length;
      const value = `${m < bm ? y + 1 : y}-${String(m).padStart(2, "0")}`;
      return { index: at - from, end: at - from + bare[1]!.length, from: value, to: value, range: false, ongoing: false, text: bare[1]! };
    })() : undefined;
    const d = after ?? yearless ?? (back ? { ...back, index: back.index - from, end: back.end - from }
      : fronted ? { ...fronted, index: leadAt + fronted.index - from, end: leadAt + fronted.end - from } : undefined);
    let value: string | null = null;
    let ev: Evidence | null = null;
    // A PDF line wrap between the trigger and its date ("…and can start" / "in January 2026."): the date opens the
    // next line of the same paragraph.
    const next = lines[i + 1];
    const wrapped = !d && trig && trig.index + trig[0].length >= l.text.length - 12 && next && !next.blank && !next.heading
      // The date may come later in that line while the sentence runs on ("…could start at the" / "end of the summer —
      // realistically on the 1st of September 2026.").
      ? scanDates(next.text).find((x) => x.from !== null && (x.index <= 12 || !/[.;!?]/.test(next.text.slice(0, x.index)))) : undefined;
    if (d?.from) {
      value = d.from;
      ev = evidenceAt("availableFrom", line, Math.min(from + d.index, line.text.length), Math.min(from + d.end, line.text.length));
    } else if (wrapped?.from) {
      value = wrapped.from;
      ev = evidenceAt("availableFrom", next!, wrapped.index, wrapped.end);
    } else {
      const imm = IMMEDIATE.exec(l.text.slice(from));
      if (imm) {
        value = today;
        ev = evidenceAt("availableFrom", l, from + imm.index, from + imm.index + imm[0].length);
      } else if (AFTER_GRADUATION.test(l.text)) {
        afterGraduation ??= evidenceAt("availableFrom", l);
      }
    }
    if (value && ev && (!best || monthIndex(value) < monthIndex(best.value))) best = { value, ev };
  }
  if (best) return { availableFrom: best.value, afterGraduation: false, evidence: [best.ev] };
  return { availableFrom: null, afterGraduation: afterGraduation !== null, evidence: afterGraduation ? [afterGraduation] : [] };
}
