/**
 * Rules added after the third fixture set (test/fixtures/corpus-unseen.ts) showed where extraction did not
 * generalise: heading words we had not listed, unrecognised headings swallowing the next section, publication
 * lists with drafts/posters/patents, foreign degree names, course lists, and start dates phrased as "join".
 */
import { describe, expect, it } from "vitest";
import { extractAvailability } from "../../../src/extract/availability.ts";
import { fieldOf, findDegrees } from "../../../src/extract/degrees.ts";
import { extractProfile } from "../../../src/extract/index.ts";
import { splitLines } from "../../../src/extract/lines.ts";
import { extractPublications } from "../../../src/extract/publications.ts";
import { headingOf } from "../../../src/extract/sections.ts";
import { detectSignal, type TopicSignal } from "../../../src/extract/signals.ts";
import { prepare, RESUME_ID } from "./helpers.ts";

const line = (text: string) => splitLines(text)[0]!;
const sectionOf = (text: string, of: string) => prepare(text).find((l) => l.text === of)?.section;

describe("heading vocabulary: modifiers, fillers, plurals, parentheticals, diacritics", () => {
  it.each([
    ["Research Appointments", "research"], ["Journal and Conference Papers", "publications"],
    ["Publications (peer-reviewed)", "publications"], ["EDUCATION BACKGROUND", "education"], ["INTERNSHIP", "experience"],
    ["PUBLICATIONS AND PAPERS UNDER REVIEW", "publications"], ["Invited Talks", "other"], ["Conference Talks", "other"],
    ["Manuscripts in Preparation", "other"], ["Work in Progress", "other"], ["Posters", "other"], ["Studies", "education"],
    ["Professional Career", "experience"], ["Industry", "experience"], ["FORMATION", "education"], ["EXPÉRIENCE", "experience"],
    ["Start", "availability"], ["Others", "other"],
  ])("%s → %s", (text, kind) => expect(headingOf(line(text))?.kind).toBe(kind));

  it.each(["Research Assistant", "project.", "Stanford University", "Research Scientist, Meridian Ads"])("%s is not a heading", (text) =>
    expect(headingOf(line(text))).toBeNull());
});

describe("sections without a heading word", () => {
  it("an all-caps line in an all-caps resume ends a header or list section", () => {
    const text = "JANE DOE\n\nWHAT I HAVE BUILT\n- A C++ ring buffer\n\nSKILLS\nPython\n\nJOB INTENTION\nExpected to join: 2026.08\n\nEDUCATION\nB.S. 2020";
    expect(sectionOf(text, "- A C++ ring buffer")).toBe("other");
    expect(sectionOf(text, "Expected to join: 2026.08")).toBe("other");
    expect(sectionOf(text, "JANE DOE")).toBe("header");
  });
  it("inside a content section a capitalised line stays content", () => {
    const text = "Jane Doe\n\nWORK EXPERIENCE\nNOT WORKING\nSoftware Engineer, Infosys, August 2014 to July 2017";
    expect(sectionOf(text, "Software Engineer, Infosys, August 2014 to July 2017")).toBe("experience");
  });
  it("degree lines and institutions in capitals stay content", () => {
    const text = "Jane Doe\n\nEDUCATION\nMCA\nPUNJAB UNIVERSITY\n2017";
    expect(sectionOf(text, "2017")).toBe("education");
  });
  it("dated lines before the first recognised heading are body, not header", () => {
    const text = "Ana Ruiz\nana@example.com\nTrajectory\nData Analyst, Almacén, since 2023\n- Python pipelines\nFormation\nB.S. Physics, 2018";
    expect(sectionOf(text, "ana@example.com")).toBe("header");
    expect(sectionOf(text, "- Python pipelines")).toBe("unknown");
    expect(sectionOf(text, "B.S. Physics, 2018")).toBe("education");
  });
});

describe("publications", () => {
  const count = (text: string) => extractPublications(prepare(text)).count;
  it("drafts, work in preparation, posters and patents are not papers", () => {
    expect(count("Publications\nA. B. Fast things. KDD 2024.\nA. B. Slow things (in preparation).\nPoster: Things. RecSys 2024.\n" +
      "US Patent 11,987,654: Budget pacing (2024).")).toBe(1);
  });
  it("an undated entry naming its review state counts; a wrapped citation's first half does not", () => {
    expect(count("Papers\nA. B. Fast things. UAI 2024.\nA. B. Slow things. Under review at JMLR.")).toBe(2);
    expect(count("Papers\nA. B. Step sizes. SIAM Journal on Optimization,\n2024.\nA. B. Sketches. ICLR 2025.")).toBe(2);
  });
  it("one-line citations in a paragraph are separate entries even when another paragraph follows", () => {
    expect(count("Publications\nA. Grasping. ICRA 2025.\nB. Tactile. CoRL 2024.\nC. Grippers. IROS 2023.\n\nShop Skills\nCNC mill")).toBe(3);
  });
});

describe("degrees", () => {
  const first = (l: string) => {
    const d = findDegrees(l)[0];
    return d ? [d.level, fieldOf(l, d)] : null;
  };
  it.each([
    ["MMath Mathematics, University of Dunmore, 2018 – 2022", "masters", "Mathematics"],
    ["Licenciatura en Física (Licentiate in Physics), Universidad Nacional, 2012 – 2018", "bachelors", "Physics"],
    ["Bacharel em Engenharia Mecânica (B.Eng. Mechanical Engineering) — Universidade do Litoral", "bachelors", "Mechanical Engineering"],
    ["Licenciatura en Economía, Universidad de Valle Alto", "bachelors", "Economía"],
  ])("%s", (l, level, field) => expect(first(l)).toEqual([level, field]));

  it("a later date below an undetected degree no longer steals the graduation", () => {
    const p = extractProfile("Education\nDPhil in Statistics, Isisford, October 2022 – present (submission expected March 2026)\n" +
      "MMath Mathematics, Dunmore, 2018 – 2022", RESUME_ID, { today: "2025-11" });
    expect(p.graduationDate).toBe("2026-03");
  });
});

describe("signals", () => {
  const signal = (text: string, s: TopicSignal) => detectSignal(prepare(text), s).value;
  it("a course list is weak for ML, recommender systems and data mining", () => {
    expect(signal("Education\nMBA, 2024. Coursework: Data Mining for Business, Machine Learning", "dataMining")).toBe(false);
    expect(signal("Relevant Coursework\nData Mining, Machine Learning", "machineLearning")).toBe(false);
    expect(signal("Experience\n- Mined 3M baskets for association rules", "dataMining")).toBe(true);
  });
  it("any <thing> mining is data mining, the earth-moving kind is not", () => {
    expect(signal("Experience\n- Large-scale log mining pipelines in Spark", "dataMining")).toBe(true);
    expect(signal("Experience\n- Safety officer at a coal mining company", "dataMining")).toBe(false);
  });
  it("a learning algorithm is not data structures & algorithms; a named data structure is", () => {
    expect(signal("Experience\n- Off-policy bandit algorithms for the news recommender", "dataStructuresAlgorithms")).toBe(false);
    expect(signal("Experience\n- Ring buffers and lock-free queues for the CAN bus stack", "dataStructuresAlgorithms")).toBe(true);
  });
  it("'frequently bought together' recommendations are recommender work", () => {
    expect(signal("Experience\n- Shipped 'frequently bought together' recommendations to the web shop", "recommenderSystems")).toBe(true);
  });
});

describe("languages and availability", () => {
  it("'written in C' is the C language outside a list", () => {
    const p = extractProfile("Projects\n- A suffix-array aligner written in C (10x faster)", RESUME_ID, { today: "2025-11" });
    expect(p.programmingLanguages).toContain("C");
    expect(p.signals.generalPurposeProgramming).toBe(true);
  });
  const avail = (text: string) => extractAvailability(prepare(text), "2025-11").availableFrom;
  it("'expected to join' states a start date", () => expect(avail("Job Intention\nExpected to join: 2026.08")).toBe("2026-08"));
  it("history under an Availability heading is not a start date", () => {
    expect(avail("Available\nfrom 1 December 2025\nStudy Log\nBSc Computer Science, Norrvik University, 2020 – 2023")).toBe("2025-12");
    expect(avail("Availability\nSummer 2026 internship (May 2026 – Aug 2026)")).toBe("2026-05");
  });
});
