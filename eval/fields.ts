/**
 * Field-by-field judging of a CandidateProfile against ground truth. A truth is PARTIAL: each labelled source
 * can judge only some fields (DataTurks has degrees and e-mails but no signals; RenderCV's YAML has no
 * availability), and a field absent from the truth is not judged at all — never counted as right.
 */
import { SIGNAL_NAMES, type CandidateProfile, type DegreeLevel, type DegreeStatus, type SignalName } from "../src/domain/profile.ts";

export const FIELD_NAMES = [
  "level", "status", "field", "graduation", "availability",
  ...SIGNAL_NAMES.map((s) => `signal.${s}` as const), "publications", "email",
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export interface Truth {
  level?: DegreeLevel;
  status?: DegreeStatus;
  field?: string | null;
  /** "YYYY-MM", or "YYYY" when only the year is known (any month of it is right), or null (no date). */
  graduation?: string | null;
  /** Any of these years is right (DataTurks/dotin annotate one or more "Graduation Year" spans). */
  graduationYears?: number[];
  availability?: string | null;
  signals?: Partial<Record<SignalName, boolean>>;
  publications?: number;
  email?: string | null;
}

export interface Judgement {
  field: FieldName;
  ok: boolean;
  expected: unknown;
  actual: unknown;
}

/** Field names compare case- and punctuation-insensitively; "&" reads as "and". */
export function normaliseField(s: string | null | undefined): string {
  return (s ?? "").toLowerCase().replace(/&/g, " and ").replace(/[^a-z0-9]+/g, " ").trim();
}

function sameField(expected: string | null, actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  const [e, a] = [normaliseField(expected), normaliseField(actual)];
  // A trailing specialisation ("Computer Science (Machine Learning)") keeps the field right.
  return e === a || a.startsWith(`${e} `);
}

function sameMonth(expected: string | null, actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  return expected.length === 4 ? actual.slice(0, 4) === expected : actual === expected;
}

export function judge(p: CandidateProfile, t: Truth): Judgement[] {
  const out: Judgement[] = [];
  const add = (field: FieldName, ok: boolean, expected: unknown, actual: unknown) => out.push({ field, ok, expected, actual });
  const h = p.highestDegree;
  if (t.level !== undefined) add("level", h?.level === t.level, t.level, h?.level ?? null);
  if (t.status !== undefined) add("status", h?.status === t.status, t.status, h?.status ?? null);
  if (t.field !== undefined) add("field", sameField(t.field, h?.field ?? null), t.field, h?.field ?? null);
  if (t.graduation !== undefined) add("graduation", sameMonth(t.graduation, p.graduationDate), t.graduation, p.graduationDate);
  else if (t.graduationYears !== undefined && t.graduationYears.length > 0) {
    const year = p.graduationDate === null ? null : Number(p.graduationDate.slice(0, 4));
    add("graduation", year !== null && t.graduationYears.includes(year), t.graduationYears.join("|"), p.graduationDate);
  }
  if (t.availability !== undefined) add("availability", sameMonth(t.availability, p.availableFrom), t.availability, p.availableFrom);
  for (const s of SIGNAL_NAMES) {
    const v = t.signals?.[s];
    if (v !== undefined) add(`signal.${s}`, p.signals[s] === v, v, p.signals[s]);
  }
  if (t.publications !== undefined) add("publications", p.publications === t.publications, t.publications, p.publications);
  if (t.email !== undefined) add("email", (p.contact.email ?? null) === (t.email?.toLowerCase() ?? null), t.email, p.contact.email);
  return out;
}

export interface FieldScore {
  right: number;
  judged: number;
}

export interface SetScore {
  name: string;
  documents: number;
  fields: Partial<Record<FieldName, FieldScore>>;
  total: FieldScore;
  /** Documents where at least one judged field is wrong, with what was wrong. */
  misses: { id: string; wrong: Judgement[] }[];
  notes: string[];
}

export function scoreSet(name: string, results: { id: string; judgements: Judgement[] }[], notes: string[] = []): SetScore {
  const fields: SetScore["fields"] = {};
  const total = { right: 0, judged: 0 };
  const misses: SetScore["misses"] = [];
  for (const r of results) {
    for (const j of r.judgements) {
      const f = (fields[j.field] ??= { right: 0, judged: 0 });
      f.judged++;
      total.judged++;
      if (j.ok) {
        f.right++;
        total.right++;
      }
    }
    const wrong = r.judgements.filter((j) => !j.ok);
    if (wrong.length > 0) misses.push({ id: r.id, wrong });
  }
  return { name, documents: results.length, fields, total, misses, notes };
}

export const pct = (s: FieldScore | undefined) => (s && s.judged > 0 ? (100 * s.right) / s.judged : null);
