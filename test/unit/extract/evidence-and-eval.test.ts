import { describe, expect, it } from "vitest";
import { extractProfile } from "../../../src/extract/index.ts";
import { evalFixtures } from "../../../eval/extraction.ts";
import { judge } from "../../../eval/fields.ts";
import { FIXTURE_RESUMES } from "../../fixtures/corpus.ts";
import { FIFTH_RESUMES } from "../../fixtures/corpus-fifth.ts";
import { FRESH_RESUMES } from "../../fixtures/corpus-fresh.ts";
import { HELDOUT_RESUMES } from "../../fixtures/corpus-heldout.ts";
import { SIXTH_RESUMES } from "../../fixtures/corpus-sixth.ts";
import { SEVENTH_RESUMES } from "../../fixtures/corpus-seventh.ts";
import { EIGHTH_RESUMES } from "../../fixtures/corpus-eighth.ts";
import { NINTH_RESUMES } from "../../fixtures/corpus-ninth.ts";
import { TENTH_RESUMES } from "../../fixtures/corpus-tenth.ts";
import { ELEVENTH_RESUMES } from "../../fixtures/corpus-eleventh.ts";
import { TWELFTH_RESUMES } from "../../fixtures/corpus-twelfth.ts";
import { THIRTEENTH_RESUMES } from "../../fixtures/corpus-thirteenth.ts";
import { FOURTEENTH_RESUMES } from "../../fixtures/corpus-fourteenth.ts";
import { FIFTEENTH_RESUMES } from "../../fixtures/corpus-fifteenth.ts";
import { SIXTEENTH_RESUMES } from "../../fixtures/corpus-sixteenth.ts";
import { SEVENTEENTH_RESUMES } from "../../fixtures/corpus-seventeenth.ts";
import { EIGHTEENTH_RESUMES } from "../../fixtures/corpus-eighteenth.ts";
import { NINETEENTH_RESUMES } from "../../fixtures/corpus-nineteenth.ts";
import { TWENTIETH_RESUMES } from "../../fixtures/corpus-twentieth.ts";
import { UNSEEN_RESUMES } from "../../fixtures/corpus-unseen.ts";
import { RESUME_ID } from "./helpers.ts";

const TEXT = `Jane Doe
jane@example.com

EDUCATION
Ph.D. in Computer Science, Lakeview University, Expected May 2026

EXPERIENCE
Research Intern, Streamly, Jun 2024 – Aug 2024
- Built a two-tower recommender system in PyTorch
`;

describe("evidence is the resume line a claim comes from", () => {
  const p = extractProfile(TEXT, RESUME_ID, { today: "2025-11" });
  it("degree, graduation and signals cite their whole trimmed line, with offsets into the text", () => {
    const line = "Ph.D. in Computer Science, Lakeview University, Expected May 2026";
    for (const f of ["highestDegree", "graduationDate", "education.level"]) {
      expect(p.evidence.find((e) => e.feature === f)?.text).toBe(line);
    }
    expect(p.evidence.find((e) => e.feature === "signals.recommenderSystems")?.text).toBe("- Built a two-tower recommender system in PyTorch");
    for (const e of p.evidence) {
      expect(TEXT.slice(e.start, e.end)).toBe(e.text);
      expect(e.text).toBe(e.text.trim());
    }
  });
});

describe("eval:extraction field judging", () => {
  it("judges only the fields a truth states, year-only graduation by year", () => {
    const p = extractProfile(TEXT, RESUME_ID, { today: "2025-11" });
    const j = judge(p, { level: "phd", graduation: "2026", email: "JANE@example.com" });
    expect(j.map((x) => [x.field, x.ok])).toEqual([["level", true], ["graduation", true], ["email", true]]);
    expect(judge(p, { level: "masters" })[0]!.ok).toBe(false);
  });

  // Regression floor on the TXT renderings (the full three-format run is `npm run eval:extraction`).
  const sets = [
    ["fixtures", FIXTURE_RESUMES], ["second set", HELDOUT_RESUMES], ["third set", UNSEEN_RESUMES],
    ["fourth set", FRESH_RESUMES], ["fifth set", FIFTH_RESUMES], ["sixth set", SIXTH_RESUMES],
    ["seventh set", SEVENTH_RESUMES], ["eighth set", EIGHTH_RESUMES],
    ["ninth set", NINTH_RESUMES], ["tenth set", TENTH_RESUMES],
    ["eleventh set", ELEVENTH_RESUMES], ["twelfth set", TWELFTH_RESUMES],
    ["thirteenth set", THIRTEENTH_RESUMES], ["fourteenth set", FOURTEENTH_RESUMES],
    ["fifteenth set", FIFTEENTH_RESUMES], ["sixteenth set", SIXTEENTH_RESUMES],
    ["seventeenth set", SEVENTEENTH_RESUMES], ["eighteenth set", EIGHTEENTH_RESUMES],
    ["nineteenth set", NINETEENTH_RESUMES], ["twentieth set", TWENTIETH_RESUMES],
  ] as const;
  for (const [name, set] of sets) {
    it(`${name}: at least 95 percent of fields right`, async () => {
      const s = await evalFixtures(name, [...set], ["txt"]);
      expect(s.total.right / s.total.judged).toBeGreaterThanOrEqual(0.95);
    });
  }
});
