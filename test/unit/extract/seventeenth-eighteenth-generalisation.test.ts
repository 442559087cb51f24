/**
 * Rules added after the seventeenth and eighteenth fixture sets (test/fixtures/corpus-seventeenth.ts,
 * corpus-eighteenth.ts) showed where extraction still did not generalise: dates written as ISO dates inside text,
 * "03-2026", Spanish month names, "the 1st of June 2026", "end of 2025", "early 2026 — January", "2022 – date"; a
 * range end a PDF wrapped onto a line of its own; availability restated ("— so from July 2026"), "could begin", and a
 * closing "Note to the hiring team"; paper counts stated in prose in a Publications section, "(+N more)", sub-bullets
 * under numbered papers, working papers beside a count, "Domestic Presentations"; degree fields glossed in English,
 * "(by research)", "BSc, MSc & PhD — <field>", "BA and MA, <field>", a table whose column gaps were collapsed; and
 * unambiguous signal vocabulary ("bought together", "radix tree", "rank/select", "a learned model", "ranking service
 * behind … recommendation", "recommendation as online learning").
 * Each test fails on the extractor before that round, except the guards that say what must stay as it was.
 */
import { describe, expect, it } from "vitest";
import { extractAvailability } from "../../../src/extract/availability.ts";
import { parseDate, parseRange } from "../../../src/extract/dates.ts";
import { fieldOf, findDegrees } from "../../../src/extract/degrees.ts";
import { extractEducation } from "../../../src/extract/education.ts";
import { splitLines } from "../../../src/extract/lines.ts";
import { extractPublications } from "../../../src/extract/publications.ts";
import { headingOf } from "../../../src/extract/sections.ts";
import { detectSignal } from "../../../src/extract/signals.ts";
import { prepare } from "./helpers.ts";

const line = (text: string) => splitLines(text)[0]!;
const field = (text: string) => {
  const ds = findDegrees(text);
  const d = ds[ds.length - 1];
  return d ? fieldOf(text, d) : undefined;
};
const levels = (text: string) => findDegrees(text).map((d) => d.level);
const education = (body: string) => extractEducation(prepare(`Jo\n\nEducation\n${body}\n`), "2025-11", false).map((e) => e.education)[0]!;
const signal = (text: string, s: Parameters<typeof detectSignal>[1]) => detectSignal(prepare(text), s).value;
const pubs = (text: string) => extractPublications(prepare(text)).count;
const available = (text: string) => extractAvailability(prepare(text), "2025-11").availableFrom;
const kind = (text: string) => headingOf(line(text))?.kind ?? null;

describe("dates", () => {
  it("reads an ISO date inside text as its month", () => {
    expect(parseDate("defence scheduled for 2026-06-30")).toBe("2026-06");
    expect(parseRange("2022 – 2026-06-30")).toEqual({ start: "2022-09", end: "2026-06", ongoing: false });
  });
  it("reads a month and year joined by a hyphen", () => {
    expect(parseDate("expected defence 03-2026")).toBe("2026-03");
    // guard: a phone-number fragment is no month
    expect(parseDate("call 555-03-2026", "start")).toBe("2026-09");
  });
  it("reads Spanish month names", () => {
    expect(parseDate("Marzo 2026 (esperado / expected)")).toBe("2026-03");
    expect(parseRange("Mayo de 2024 – Presente")).toEqual({ start: "2024-05", end: null, ongoing: true });
  });
  it("reads a day before the month as part of the date, so ranges of such dates pair", () => {
    expect(parseDate("on the 1st of June 2026", "start")).toBe("2026-06");
    expect(parseRange("15 March 2026 – 2 May 2027")).toEqual({ start: "2026-03", end: "2027-05", ongoing: false });
  });
  it("reads 'end of 2025' as December", () => {
    expect(parseRange("2021 – end of 2025 (thesis submitted)")).toEqual({ start: "2021-09", end: "2025-12", ongoing: false });
    expect(parseDate("I can start at the end of 2025.", "start")).toBe("2025-12");
  });
  it("reads a vague time of year narrowed to a month", () => {
    expect(parseDate("early 2026 — January at the earliest", "start")).toBe("2026-01");
    expect(parseDate("the spring of 2026 — March at the earliest", "start")).toBe("2026-03");
    // guard: a month that opens a dated range is not the narrowing
    expect(parseRange("2019 – May 2021")).toEqual({ start: "2019-09", end: "2021-05", ongoing: false });
  });
  it("reads 'the spring of 2026' as a season, and 'the' after a range dash", () => {
    expect(parseRange("2020 – the spring of 2026 (expected)")).toEqual({ start: "2020-09", end: "2026-05", ongoing: false });
  });
  it("reads '2022 – date' as open", () => {
    expect(parseRange("2022 – date")).toEqual({ start: "2022-09", end: null, ongoing: true });
  });
});

describe("education", () => {
  it("reads a range end a PDF wrapped onto a bullet line", () => {
    const e = education("PhD, Computer Science & Engineering, Indus Valley Institute of Technology, 2021\n- end of 2025 (thesis submitted)");
    expect(e.graduation).toBe("2025-12");
    expect(e.status).toBe("in_progress");
  });
  it("reads a future ISO defence date as in progress", () => {
    const e = education("PhD in Computer Science, Université de Corbière, 2021 – thesis defence 2025-12-10");
    expect(e.graduation).toBe("2025-12");
    expect(e.status).toBe("in_progress");
  });
  it("reads '2022 – date' with a separate expected completion as in progress", () => {
    const e = education("PhD, Computer Science, University of Lagos, 2022 – date\nExpected completion: December 2026");
    expect(e.status).toBe("in_progress");
    expect(e.graduation).toBe("2026-12");
  });
});

describe("degrees and fields", () => {
  it("reads 'BA and MA, <field>'", () => {
    expect(levels("BA and MA, English Literature, University of Ferncliff, 2012–2017")).toEqual(["bachelors", "masters"]);
    expect(field("BA and MA, English Literature, University of Ferncliff, 2012–2017")).toBe("English Literature");
  });
  it("reads the field after an em dash, not a degree named before", () => {
    expect(field("BSc, MSc & PhD — Computer Science — Brindlemoor University — 2014–2017")).toBe("Computer Science");
  });
  it("takes the English gloss of a field glossed after a glossed degree", () => {
    expect(levels("Doktora (PhD), Bilgisayar Muhendisligi (Computer Engineering), Bogazkent Universitesi")).toEqual(["phd"]);
    expect(field("Doktora (PhD), Bilgisayar Muhendisligi (Computer Engineering), Bogazkent Universitesi")).toBe("Computer Engineering");
  });
  it("does not read a university in another language as a field", () => {
    expect(field("Magister Komputer (M.Kom., Master of Computer Science), Universitas Merapi Raya, 2022 – Oct 2024")).toBe("Computer Science");
  });
  it("skips '(by research)' before the field", () => {
    expect(field("M.Sc. (by research) in Computer and Systems Engineering, Nile Delta University")).toBe("Computer and Systems Engineering");
  });
  it("cuts a field run into the institution's name by collapsed column gaps", () => {
    expect(field("PhD Operations Research Harrowgate University 2021 – 2026")).toBe("Operations Research");
    // guard: no field we know before the name
    expect(field("PhD Harrowgate University 2021 – 2026")).toBeNull();
  });
});

describe("availability", () => {
  it("takes a restated start over the date before it", () => {
    expect(available("Availability\nRight after my defence in June 2026 — so from July 2026.")).toBe("2026-07");
  });
  it("reads 'could begin on the 1st of June 2026'", () => {
    expect(available("Note\nMy last day in the lab will be the 29th of May 2026; I could begin on the 1st of June 2026.")).toBe("2026-06");
  });
  it("reads an ISO date under the Availability heading", () => {
    expect(available("Availability\n2026-01-05")).toBe("2026-01");
    expect(available("Joining\nJoining date: 2026-01-15")).toBe("2026-01");
  });
  it("reads the date later on the wrapped line of a sentence", () => {
    expect(available("Note\nI will submit my thesis in 2026 and could start at the\nend of the summer — realistically on the 1st of September 2026.")).toBe("2026-09");
  });
  it("reads 'Note to the hiring team' as a heading of its own", () => {
    expect(kind("Note to the hiring team")).toBe("other");
    expect(kind("Note for recruiters")).toBe("other");
  });
});

describe("publications", () => {
  it("counts a stated count in a Publications section", () => {
    expect(pubs("Publications\nI have published four papers, two at RecSys (2023, 2024) and two at WSDM (2024, 2025), all as first author.")).toBe(4);
    expect(pubs("Publications\nI have published seven papers — three at KDD, two at RecSys, one at WWW and one in TKDE.")).toBe(7);
  });
  it("adds a paper named by its ordinal as under review", () => {
    expect(pubs("Publications\nI have published five papers, two at RecSys, two at SIGIR and one at CIKM; a sixth is under review at WSDM.")).toBe(6);
  });
  it("counts a published article but not working papers beside it", () => {
    expect(pubs("Research\nI have one published article (Journal of Urban Economics, 2024) and two working papers.")).toBe(1);
  });
  it("adds '(+N more)'", () => {
    expect(pubs("Selected Publications\nD. Ashby, M. Cordier. Session-aware video ranking. RecSys 2024.\nD. Ashby. Long-horizon rewards. KDD 2025.\n(+3 more)")).toBe(5);
  });
  it("does not count sub-bullets under numbered papers", () => {
    expect(pubs([
      "Publications",
      "1. I. Calloway, P. Marsh. Calibrated uncertainty. AISTATS 2024.",
      "- Oral presentation",
      "- Code released on GitHub",
      "2. I. Calloway, P. Marsh. Prior sensitivity. Bayesian Analysis, 2025.",
      "- Invited discussion paper",
      "3. I. Calloway. Posterior checks at scale. Under review at JASA.",
    ].join("\n"))).toBe(3);
    // guard: a bullet list with no numbered entries still counts each bullet
    expect(pubs("Publications\n- A. B. One paper. KDD 2024.\n- A. B. Another. WSDM 2025.")).toBe(2);
  });
  it("reads 'Domestic Presentations' as a heading of its own", () => {
    expect(pubs([
      "Publications (peer-reviewed)",
      "[1] K. Shimizu, T. Ono. Quantised conformers. ICASSP 2025.",
      "[2] K. Shimizu, T. Ono. Low-bit attention. Interspeech 2025.",
      "Domestic Presentations (non-refereed)",
      "[3] K. Shimizu. Speech recognition on microcontrollers. IPSJ National Convention, 2024 (oral).",
    ].join("\n"))).toBe(2);
  });
});

describe("signals", () => {
  it("reads products bought together as data mining", () => {
    expect(signal("Experience\n- Dug through two years of basket data to find products that are bought together", "dataMining")).toBe(true);
    expect(signal("Experience\n- Found recurring viewing patterns with sequential pattern discovery", "dataMining")).toBe(true);
  });
  it("reads a radix tree and a rank/select bitvector as data structures", () => {
    expect(signal("Experience\n- Replaced a linear scan with a radix tree in Go", "dataStructuresAlgorithms")).toBe(true);
    expect(signal("Experience\n- Implemented a succinct rank/select bitvector in C++", "dataStructuresAlgorithms")).toBe(true);
  });
  it("reads a learned model and sequence models as machine learning", () => {
    expect(signal("Research\nThesis: predicting bearing failures from vibration data with a learned model", "machineLearning")).toBe(true);
    expect(signal("Experience\n- Trained sequence models to predict readmission", "machineLearning")).toBe(true);
  });
  it("reads a ranking service behind recommendations as recommender work", () => {
    expect(signal("Experience\n- Built the Spark pipeline and Scala ranking service behind the show-recommendation carousel", "recommenderSystems")).toBe(true);
  });
  it("reads recommendation framed as a learning problem as recommender work", () => {
    expect(signal("Publications\n3. N. Ben-David, O. Peretz. Recommendation as online learning with delays. NeurIPS 2024.", "recommenderSystems")).toBe(true);
    // guard: a letter of recommendation stays no evidence
    expect(signal("Other\nLetters of recommendation available upon request.", "recommenderSystems")).toBe(false);
  });
});
