/**
 * Adverse-impact audit, pure: per self-reported category and stage, counts, selection rates,
 * impact ratios to the highest-rate category, and four-fifths flags (EEOC Uniform Guidelines);
 * plus the NYC Local Law 144 scoring rate (share of a category scoring above the median score of
 * everyone audited). Candidates without a category are counted as unknown and left out of rates.
 * Categories under 2% of the categorised sample are noted and do not set the highest rate
 * (LL144 lets an auditor exclude them from the impact-ratio denominator).
 */
import { z } from "zod";
import type { GateTier } from "../domain/shortlist.ts";

export const AUDIT_STAGES = ["passedGates", "shortlisted", "advanced", "scoredAboveMedian"] as const;
export type AuditStage = (typeof AUDIT_STAGES)[number];
export const STAGE_LABELS: Record<AuditStage, string> = {
  passedGates: "passed gates (all met)",
  shortlisted: "shortlisted (top K)",
  advanced: "advanced (advance / hire)",
  scoredAboveMedian: "scoring rate (above median score)",
};

/** Exactly four fifths is not adverse; the epsilon keeps 0.16 / 0.2 = 0.7999… from being flagged. */
export const FOUR_FIFTHS = 0.8;
export const SMALL_CATEGORY_SHARE = 0.02;

export interface AuditCandidate {
  resumeId: string;
  score: number;
  tier: GateTier;
  /** 1-based rank on the shortlist. */
  rank: number;
  advanced: boolean;
}

const StageResult = z.object({
  selected: z.number().int(),
  rate: z.number(),
  impactRatio: z.number().nullable(),
  /** Impact ratio below four fifths. */
  adverseImpact: z.boolean(),
});

export const CategoryReport = z.object({
  category: z.string(),
  count: z.number().int(),
  /** Share of the categorised sample. */
  share: z.number(),
  /** Under 2% of the categorised sample: noted, not used for the highest rate. */
  small: z.boolean(),
  stages: z.object({ passedGates: StageResult, shortlisted: StageResult, advanced: StageResult, scoredAboveMedian: StageResult }),
});
export type CategoryReport = z.infer<typeof CategoryReport>;

export const AuditReport = z.object({
  postingId: z.string(),
  k: z.number().int(),
  generatedAt: z.string(),
  applicants: z.number().int(),
  categorised: z.number().int(),
  unknown: z.number().int(),
  /** Rows of the groups file naming no applicant of this posting (ignored). */
  ignoredGroupRows: z.number().int(),
  medianScore: z.number().nullable(),
  categories: z.array(CategoryReport),
  notes: z.array(z.string()),
});
export type AuditReport = z.infer<typeof AuditReport>;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function auditPosting(
  postingId: string,
  candidates: readonly AuditCandidate[],
  groups: ReadonlyMap<string, string>,
  k: number,
  now = new Date(),
): AuditReport {
  const med = median(candidates.map((c) => c.score));
  const selectedAt: Record<AuditStage, (c: AuditCandidate) => boolean> = {
    passedGates: (c) => c.tier === "met",
    shortlisted: (c) => c.rank <= k,
    advanced: (c) => c.advanced,
    scoredAboveMedian: (c) => med !== null && c.score > med,
  };
  const byCategory = new Map<string, AuditCandidate[]>();
  let unknown = 0;
  for (const c of candidates) {
    const cat = groups.get(c.resumeId);
    if (cat === undefined) { unknown++; continue; }
    byCategory.set(cat, [...(byCategory.get(cat) ?? []), c]);
  }
  const applicantIds = new Set(candidates.map((c) => c.resumeId));
  const ignoredGroupRows = [...groups.keys()].filter((id) => !applicantIds.has(id)).length;
  const categorised = candidates.length - unknown;
  const cats = [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([category, members]) => {
    const share = categorised === 0 ? 0 : members.length / categorised;
    const rates = Object.fromEntries(AUDIT_STAGES.map((s) => {
      const selected = members.filter(selectedAt[s]).length;
      return [s, { selected, rate: selected / members.length }];
    })) as Record<AuditStage, { selected: number; rate: number }>;
    return { category, count: members.length, share, small: share < SMALL_CATEGORY_SHARE, rates };
  });
  const categories: CategoryReport[] = cats.map((c) => {
    const stages = Object.fromEntries(AUDIT_STAGES.map((s) => {
      const reference = cats.filter((o) => !o.small);
      const highest = Math.max(0, ...(reference.length > 0 ? reference : cats).map((o) => o.rates[s].rate));
      const impactRatio = highest > 0 ? c.rates[s].rate / highest : null;
      return [s, { ...c.rates[s], impactRatio, adverseImpact: impactRatio !== null && impactRatio < FOUR_FIFTHS - 1e-9 }];
    })) as CategoryReport["stages"];
    return { category: c.category, count: c.count, share: c.share, small: c.small, stages };
  });
  const notes: string[] = [];
  for (const c of categories.filter((x) => x.small)) notes.push(`"${c.category}" is under 2% of the categorised sample (${c.count}); its ratios are unreliable and it does not set the highest rate.`);
  for (const c of categories) {
    for (const s of AUDIT_STAGES) {
      if (c.stages[s].adverseImpact) notes.push(`"${c.category}" at ${STAGE_LABELS[s]}: impact ratio ${c.stages[s].impactRatio!.toFixed(2)} is below four fifths.`);
    }
  }
  if (unknown > 0) notes.push(`${unknown} applicant(s) have no category in the groups file and are left out of the rates.`);
  if (ignoredGroupRows > 0) notes.push(`${ignoredGroupRows} row(s) of the groups file name no applicant of ${postingId}.`);
  notes.push("A flag is a prompt to investigate, not a finding of discrimination; small samples make ratios unstable.");
  return { postingId, k, generatedAt: now.toISOString(), applicants: candidates.length, categorised, unknown, ignoredGroupRows, medianScore: med, categories, notes };
}
