import { describe, expect, it } from "vitest";
import { auditPosting, median, type AuditCandidate } from "../../src/audit/adverse-impact.ts";
import { GroupsFileError, parseGroupsCsv } from "../../src/audit/groups-csv.ts";
import { auditHtml } from "../../src/audit/html-report.ts";

const rid = (n: number) => n.toString(16).padStart(64, "0");

/** 50 in A (30 pass gates), 50 in B (15 pass), 1 in C (<2%), 3 unknown; rank = index + 1, scores descending. */
function sample() {
  const candidates: AuditCandidate[] = [];
  const groups = new Map<string, string>();
  const add = (cat: string | null, tier: "met" | "unmet", advanced = false) => {
    const i = candidates.length;
    candidates.push({ resumeId: rid(i + 1), score: 1 - i / 200, tier, rank: i + 1, advanced });
    if (cat) groups.set(rid(i + 1), cat);
  };
  for (let i = 0; i < 50; i++) add("A", i < 30 ? "met" : "unmet", i < 10);
  for (let i = 0; i < 50; i++) add("B", i < 15 ? "met" : "unmet", i < 8);
  add("C", "met");
  for (let i = 0; i < 3; i++) add(null, "met");
  groups.set(rid(9999), "A"); // not an applicant
  return { candidates, groups };
}

describe("adverse-impact audit", () => {
  const { candidates, groups } = sample();
  const report = auditPosting("role", candidates, groups, 20, new Date("2026-01-01T00:00:00Z"));
  const cat = (name: string) => report.categories.find((c) => c.category === name)!;

  it("computes selection rates, impact ratios to the highest group and four-fifths flags per stage", () => {
    expect(cat("A").stages.passedGates).toMatchObject({ selected: 30, rate: 0.6, impactRatio: 1, adverseImpact: false });
    expect(cat("B").stages.passedGates).toMatchObject({ selected: 15, rate: 0.3, impactRatio: 0.5, adverseImpact: true });
    // Top 20 are all in A (ranked first).
    expect(cat("A").stages.shortlisted.rate).toBeCloseTo(0.4);
    expect(cat("B").stages.shortlisted).toMatchObject({ selected: 0, impactRatio: 0, adverseImpact: true });
    // advanced: A 10/50 = 0.2, B 8/50 = 0.16 → ratio 0.8, not below four fifths.
    expect(cat("B").stages.advanced.impactRatio).toBeCloseTo(0.8);
    expect(cat("B").stages.advanced.adverseImpact).toBe(false);
  });

  it("gives the LL144 scoring rate: share above the median score of everyone audited", () => {
    expect(report.medianScore).toBeCloseTo(median(candidates.map((c) => c.score))!);
    // 104 candidates: the top 52 by score are above the median: all of A and 2 of B.
    expect(cat("A").stages.scoredAboveMedian.rate).toBe(1);
    expect(cat("B").stages.scoredAboveMedian.selected).toBe(2);
  });

  it("notes categories under 2% without letting them set the highest rate, and counts unknowns", () => {
    expect(cat("C")).toMatchObject({ count: 1, small: true });
    // C's rate at passed gates is 1.0 but the reference stays A's 0.6.
    expect(cat("C").stages.passedGates.impactRatio).toBeCloseTo(1 / 0.6);
    expect(report).toMatchObject({ applicants: 104, categorised: 101, unknown: 3, ignoredGroupRows: 1 });
    expect(report.notes.join("\n")).toMatch(/"C" is under 2%/);
    expect(report.notes.join("\n")).toMatch(/"B" at passed gates.*0\.50/);
  });

  it("renders a self-contained HTML report with an inline SVG bar chart", () => {
    const html = auditHtml({ ...report, categories: [...report.categories, { ...cat("A"), category: "<script>x</script>" }] });
    expect(html).toContain("<svg");
    expect(html.match(/<rect /g)?.length).toBe(4 * 4);
    expect(html).not.toMatch(/<script>|src=|href=/);
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("groups CSV", () => {
  it("reads resumeId,category with an optional header, quotes and a BOM", () => {
    const text = `\uFEFFresumeId,category\n${rid(1)},"Hispanic, Latino"\n${rid(2).toUpperCase()},Asian\n\n`;
    expect([...parseGroupsCsv(text)]).toEqual([[rid(1), "Hispanic, Latino"], [rid(2), "Asian"]]);
  });

  it("names the line and the problem", () => {
    expect(() => parseGroupsCsv(`${rid(1)},A\nnot-an-id,B\n`, "g.csv")).toThrow(/g\.csv:2: resumeId/);
    expect(() => parseGroupsCsv(`${rid(1)},A\n${rid(1)},B\n`, "g.csv")).toThrow(GroupsFileError);
    expect(() => parseGroupsCsv(`${rid(1)},A,extra\n`, "g.csv")).toThrow(/2 columns/);
  });
});
