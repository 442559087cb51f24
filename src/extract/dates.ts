/**
 * Date normalisation to YYYY-MM. Resumes write dates in a handful of shapes; a scanner regex finds
 * them with offsets (for evidence) and pairs neighbours joined by a dash/"to" into ranges.
 *
 * chrono-node parses the month-name forms ("May 2026", "Aug. 2020", "Sept 15, 2019"), but on its own
 * it misreads ranges ("Aug. 2020 - Dec. 2022" -> "2020 - Dec" = Dec 2020), ignores "Present" as a range
 * end, and does not understand seasons or bare years — so structure is ours, chrono parses one token.
 * We import "chrono-node/en" (~45 ms) rather than the root (~170 ms, every locale).
 *
 * Conventions (a month must be chosen when the resume gives less than a month):
 *   - season as a START: Spring=01, Summer=06, Fall/Autumn=09, Winter=01 (beginning of term);
 *   - season as an END / graduation: Spring=05, Summer=08, Fall/Autumn=12, Winter=01 (commencement);
 *   - bare year as a START = 09 (academic year start), as an END / graduation = 05;
 *   - academic year "2018/19" as a START = 2018-09, as an END / graduation = 2019-05;
 *   - "Present"/"Current"/"now"/"ongoing" (and "em andamento", "en curso", "in corso", "en cours", "heute",
 *     "laufend") end a range that is still open (end = null, ongoing = true).
 */
import * as chrono from "chrono-node/en";

export type DateRole = "start" | "end";

interface DateToken {
  index: number;
  end: number;
  kind: "month" | "season" | "year" | "academic" | "present";
  year: number;
  month: number;
  season: string;
}

export interface DateSpan {
  /** Offsets within the scanned string. */
  index: number;
  end: number;
  text: string;
  /** Resolved as a start (season/year conventions above). */
  from: string | null;
  /** Resolved as an end; null when ongoing. */
  to: string | null;
  ongoing: boolean;
  range: boolean;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_RE =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
/** Spanish month names (CVs from Spain and Latin America write "Marzo 2026", "marzo de 2026"). */
const ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
const ES_MONTH_RE = "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre)";
const TOKEN = new RegExp(
  [
    // "early 2026 — January", "the spring of 2026 — March at the earliest": a vague time of year narrowed at once to a
    // month written without its year; the month counts, in that year.
    `(?<qm>\\b(?:early|late|mid-?|(?:spring|summer|fall|autumn|winter)(?:\\s+of)?)\\s*(?:19|20)\\d\\d\\s*[—–-]\\s*${MONTH_RE}\\b(?![.,]?\\s*\\d))`,
    // "2026-06-30", "defended 2025-09-12": an ISO date is its year and month.
    `(?<iso>\\b(?:19|20)\\d\\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])\\b(?!-?\\d))`,
    // "end of 2025" = December; "beginning of 2026" / "start of 2026" = January.
    `(?<endof>\\b(?:end|close|beginning|start)\\s+of\\s+(?:19|20)\\d\\d\\b)`,
    `(?<esm>\\b${ES_MONTH_RE}\\s+(?:de\\s+|del\\s+)?(?:19|20)\\d\\d\\b)`,
    // "03-2026": a month and year joined by a hyphen (two-digit month, nothing numeric glued before).
    `(?<mydash>(?<![\\d-])(?:0[1-9]|1[0-2])-(?:19|20)\\d\\d\\b(?![-/.]?\\d))`,
    // "the 1st of June 2026", "29th of May 2026", "15 March 2026": a day before the month.
    `(?<dmy>\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}\\.?,?\\s+(?:19|20)\\d\\d\\b)`,
    `(?<mname>\\b${MONTH_RE}\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?,?\\s*(?:'?\\d{4}|['’]\\d{2})\\b)`,
    `(?<season>\\b(?:spring|summer|fall|autumn|winter)(?:\\s+(?:semester|term|quarter|of))?,?\\s+(?:\\d{4}|['’]\\d{2})\\b)`,
    `(?<mdy>\\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\\d|3[01])/\\d{4}\\b)`,
    `(?<my>\\b(?:0?[1-9]|1[0-2])\\s*[/.]\\s*\\d{4}\\b)`,
    `(?<ym>\\b\\d{4}[-/.](?:0[1-9]|1[0-2])\\b(?![-/.]?\\d))`,
    // "B.Tech (2020–24)", "M.Tech | 2024-26": a range whose end is written with two digits, later in the same decade or
    // the next (a "2019-12" stays year-month above). Read as two years; scanDates pairs them across the dash.
    // "2015/16", "2018/19": a UK-style academic year, Sept of the first year to May of the second (the second year must
    // follow the first; "2011/12" reads as December 2011 above).
    `(?<ay>\\b(?:19[5-9]\\d|20\\d\\d)/\\d{2}\\b(?![-/.]?\\d))`,
    `(?<yy>\\b(?:19[5-9]\\d|20\\d\\d)\\s?[-–—]\\s?\\d{2}\\b(?![-/.:]?\\d))`,
    // "(exp. 05/26)", "expected 05/26": a month with a two-digit year, only after a word saying it is a date to come
    // (a bare "05/26" may be a day and month).
    `(?<expmy>(?<=\\b(?:exp\\.?|expected|anticipated|est\\.|grad(?:uation|uating)?\\.?)\\s*:?\\s*)(?:0?[1-9]|1[0-2])\\s*/\\s*\\d{2}\\b(?![/.]?\\d))`,
    `(?<year>\\b(?:19[5-9]\\d|20\\d\\d)\\b)`,
    // "'26", "summer '24", "MS CS '22": a two-digit year after an apostrophe (not a quote's closing mark: no letter before).
    `(?<ayear>(?<![\\w'’])['’]\\d{2}\\b)`,
    // "ongoing" in the languages of the CVs we read in English: Portuguese, Spanish, Italian, French, German.
    `(?<present>\\b(?:present|current(?:ly)?|now|ongoing|today|to date|(?<=[-–—]\\s?)date|em andamento|presente|actualidad|en curso|in corso|en cours|heute|laufend)\\b)`,
  ].join("|"),
  "gi",
);
const SEP = /^\s*(?:-|–|—|−|~|to|until|till|through|thru|→|->)\s*(?:(?:expected|anticipated|exp\.|est\.)\s*:?\s*)?(?:the\s+)?$/i;
const SEASON_START: Record<string, number> = { spring: 1, summer: 6, fall: 9, autumn: 9, winter: 1 };
const SEASON_END: Record<string, number> = { spring: 5, summer: 8, fall: 12, autumn: 12, winter: 1 };

export function ym(year: number, month: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** Months since year 0, for interval arithmetic. */
export function monthIndex(value: string): number {
  return Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1;
}

/** "'26" → 2026, "'98" → 1998 (a resume's two-digit years are this century unless 50 or more). */
function twoDigitYear(s: string): number {
  const n = Number(s.replace(/\D/g, ""));
  return n < 50 ? 2000 + n : 1900 + n;
}

function parseMonthName(s: string): { year: number; month: number } | null {
  const short = /^([a-z]+)\.?\s*['’](\d{2})$/i.exec(s);
  if (short) {
    const month = MONTHS.indexOf(short[1]!.slice(0, 3).toLowerCase()) + 1;
    return month > 0 ? { year: twoDigitYear(short[2]!), month } : null;
  }
  const r = chrono.strict.parse(s, new Date(Date.UTC(2000, 0, 1)))[0];
  if (r && r.start.isCertain("year") && r.start.isCertain("month")) {
    return { year: r.start.get("year") ?? 0, month: r.start.get("month") ?? 0 };
  }
  // chrono rejects a few spellings ("Sept 2019" without a day in some versions); fall back to our table.
  const m = /([a-z]+)\.?.*?(\d{4})/i.exec(s);
  const month = m ? MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1 : 0;
  return m && month > 0 ? { year: Number(m[2]), month } : null;
}

function toToken(m: RegExpExecArray): DateToken | null {
  const g = m.groups ?? {};
  const base = { index: m.index, end: m.index + m[0].length, year: 0, month: 0, season: "" };
  const digits = (s: string) => (s.match(/\d+/g) ?? []).map(Number);
  if (g.mname) {
    const p = parseMonthName(g.mname);
    return p ? { ...base, kind: "month", ...p } : null;
  }
  if (g.qm) {
    const y = digits(g.qm)[0]!;
    const name = /([a-z]+)\W*$/i.exec(g.qm)![1]!;
    return { ...base, kind: "month", year: y, month: MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1 };
  }
  if (g.dmy) {
    const name = /(?:of\s+)?([a-z]+)\.?,?\s+\d{4}$/i.exec(g.dmy)![1]!;
    return { ...base, kind: "month", year: digits(g.dmy).pop()!, month: MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1 };
  }
  if (g.iso) {
    const [yr, mo] = digits(g.iso);
    return { ...base, kind: "month", month: mo!, year: yr! };
  }
  if (g.endof) {
    return { ...base, kind: "month", year: digits(g.endof)[0]!, month: /^(?:end|close)/i.test(g.endof) ? 12 : 1 };
  }
  if (g.esm) {
    const name = /^[a-z]+/i.exec(g.esm)![0].toLowerCase().replace(/^setiembre$/, "septiembre");
    return { ...base, kind: "month", year: digits(g.esm)[0]!, month: ES_MONTHS.indexOf(name) + 1 };
  }
  if (g.mydash) {
    const [mo, yr] = digits(g.mydash);
    return { ...base, kind: "month", month: mo!, year: yr! };
  }
  if (g.season) {
    const season = g.season.toLowerCase().match(/[a-z]+/)![0];
    const y = digits(g.season)[0]!;
    return { ...base, kind: "season", season, year: y < 100 ? twoDigitYear(String(y)) : y };
  }
  if (g.mdy) {
    const [mo, , yr] = digits(g.mdy);
    return { ...base, kind: "month", month: mo!, year: yr! };
  }
  if (g.my) {
    const [mo, yr] = digits(g.my);
    return { ...base, kind: "month", month: mo!, year: yr! };
  }
  if (g.expmy) {
    const [mo, yr] = digits(g.expmy);
    return { ...base, kind: "month", month: mo!, year: twoDigitYear(String(yr)) };
  }
  if (g.ym) {
    const [yr, mo] = digits(g.ym);
    return { ...base, kind: "month", month: mo!, year: yr! };
  }
  if (g.ay) {
    const [yr, next] = digits(g.ay);
    return next === (yr! + 1) % 100 ? { ...base, kind: "academic", year: yr! } : { ...base, end: base.index + 4, kind: "year", year: yr! };
  }
  if (g.year) return { ...base, kind: "year", year: Number(g.year) };
  if (g.ayear) return { ...base, kind: "year", year: twoDigitYear(g.ayear) };
  if (g.present) return { ...base, kind: "present" };
  return null;
}

export function resolve(t: DateToken, role: DateRole): string | null {
  switch (t.kind) {
    case "month":
      return t.month >= 1 && t.month <= 12 ? ym(t.year, t.month) : null;
    case "season":
      return ym(t.year, (role === "start" ? SEASON_START : SEASON_END)[t.season] ?? 1);
    case "year":
      return ym(t.year, role === "start" ? 9 : 5);
    case "academic":
      return role === "start" ? ym(t.year, 9) : ym(t.year + 1, 5);
    case "present":
      return null;
  }
}

function tokens(s: string): DateToken[] {
  const out: DateToken[] = [];
  for (const m of s.matchAll(TOKEN)) {
    const yy = m.groups?.yy;
    if (yy) {
      // Only a forward range of at most ten years ("2020–24"); otherwise the four-digit year alone.
      const start = Number(yy.slice(0, 4));
      const endAt = yy.length - 2;
      const end = Math.floor(start / 100) * 100 + Number(yy.slice(endAt));
      const base = { month: 0, season: "" };
      out.push({ ...base, index: m.index, end: m.index + 4, kind: "year", year: start });
      if (end > start && end - start <= 10) out.push({ ...base, index: m.index + endAt, end: m.index + yy.length, kind: "year", year: end });
      continue;
    }
    const t = toToken(m as RegExpExecArray);
    if (t) out.push(t);
  }
  return out;
}

/** Every date or date range in `s`, left to right. A lone "Present" is not a date. */
export function scanDates(s: string): DateSpan[] {
  const ts = tokens(s);
  const out: DateSpan[] = [];
  for (let i = 0; i < ts.length; i++) {
    const a = ts[i]!;
    const b = ts[i + 1];
    if (a.kind === "present") continue;
    if (b && SEP.test(s.slice(a.end, b.index))) {
      const ongoing = b.kind === "present";
      out.push({
        index: a.index, end: b.end, text: s.slice(a.index, b.end), range: true, ongoing,
        from: resolve(a, "start"), to: ongoing ? null : resolve(b, "end"),
      });
      i++;
      continue;
    }
    // "Since 2021" is an open range written as a single date; so is "2022–" with its dash closed up to the year and
    // nothing after it but the end of the line or a separator (a PDF wrap of "2019 – / 2023" leaves a spaced dash).
    const since = (/\b(?:since|from)\s*$/i.test(s.slice(0, a.index)) && !/avail|start/i.test(s.slice(0, a.index)))
      || (/^[–—-]\s*(?:$|[,;|)(·])/.test(s.slice(a.end)) && !(b && b.index - a.end <= 3));
    out.push({
      index: a.index, end: a.end, text: s.slice(a.index, a.end), range: since, ongoing: since,
      from: resolve(a, "start"), to: since ? null : resolve(a, "end"),
    });
  }
  return out;
}

/** The first date in `s` as a single month, resolved for `role`. */
export function parseDate(s: string, role: DateRole = "end"): string | null {
  const d = scanDates(s)[0];
  if (!d) return null;
  return role === "start" ? d.from : d.range ? d.to : d.to;
}

/** The first range (or single date) in `s`; null when `s` holds no date. */
export function parseRange(s: string): { start: string | null; end: string | null; ongoing: boolean } | null {
  const d = scanDates(s)[0];
  return d ? { start: d.from, end: d.to, ongoing: d.ongoing } : null;
}
