/**
 * Rules added after the sixth fixture set (test/fixtures/corpus-sixth.ts) showed where extraction still did not
 * generalise: "Bibliography" as a heading, "In prep." and an "in preparation" wrapped onto the next line, a degree
 * glossed in parentheses ("Ing. (Master's degree) in …"), "in Engineering Science", Chinese rows with collapsed
 * column gaps, thesis-defence months, an undated "(in progress)", "can join", kinds of recommendation named by
 * setting ("federated", "feed"), named heaps, and Python shown only through its frameworks. Each test fails on the
 * extractor before that round, except the guards that say what must stay as it was ("does not join…", "keeps…").
 */
import { describe, expect, it } from "vitest";
import { extractAvailability } from "../../../src/extract/availability.ts";
import { fieldOf, findDegrees } from "../../../src/extract/degrees.ts";
import { extractEducation } from "../../../src/extract/education.ts";
import { extractProfile } from "../../../src/extract/index.ts";
import { splitLines } from "../../../src/extract/lines.ts";
import { extractPublications } from "../../../src/extract/publications.ts";
import { headingOf } from "../../../src/extract/sections.ts";
import { detectSignal } from "../../../src/extract/signals.ts";
import { prepare, RESUME_ID } from "./helpers.ts";

const line = (text: string) => splitLines(text)[0]!;
const profile = (text: string) => extractProfile(text, RESUME_ID, { today: "2025-11" });
const field = (text: string) => fieldOf(text, findDegrees(text)[0]!);

describe("publications", () => {
  it("reads 'Bibliography' as a publications heading", () => {
    expect(headingOf(line("Bibliography"))?.kind).toBe("publications");
    expect(headingOf(line("Selected Bibliography"))?.kind).toBe("publications");
  });

  it("does not count 'In prep.' at the end of an entry", () => {
    const lines = prepare("Publications\n1. A. Author. Real paper. ApJ 2024.\n2. A. Author. Second paper. In prep.");
    expect(extractPublications(lines).count).toBe(1);
  });

  it("reads a wrapped 'Manuscript in' / 'preparation.' as one entry in preparation", () => {
    const text = "Publications\n1. A. Author. Published one. Bioinformatics 2024.\n2. A. Author. Unfinished one. Manuscript in\npreparation.";
    expect(extractPublications(prepare(text)).count).toBe(1);
  });

  it("does not join a finished entry with a heading-like line below it", () => {
    const text = "Papers\n[1] A. Author. One. ICC 2025.\n[2] A. Author. Two. VTC 2023.\nSubmitted and in preparation\n[3] A. Author. Three. Submitted to IEEE TSP, 2025.";
    expect(extractPublications(prepare(text)).count).toBe(3);
  });
});

describe("degree fields", () => {
  it("reads the field after a degree named inside a parenthetical gloss", () => {
    expect(field("Ing. (Master's degree) in Cybernetics and Robotics, Brno Technical University")).toBe("Cybernetics and Robotics");
  });

  it("reads 'in Engineering Science' whole instead of dropping it as generic", () => {
    expect(field("DPhil in Engineering Science, University of Ashcombe")).toBe("Engineering Science");
    expect(field("MSc in Engineering Physics, Some University")).toBe("Engineering Physics");
    expect(field("Bachelor of Science in Computer Science, Some University")).toBe("Computer Science");
    expect(field("Master of Science in Engineering Management")).toBe("Engineering Management");
  });

  it("reads the field after the institution in a row whose column gaps were collapsed", () => {
    expect(field("2022.09-2025.06 Qinghe University Computer Science and Technology Master")).toBe("Computer Science and Technology");
    expect(field("2018.09-2022.06 Lakeside Institute of Technology Software Engineering Bachelor")).toBe("Software Engineering");
  });
});

describe("education dates and status", () => {
  it("dates a doctorate by its defence month when the degree line gives only years", () => {
    const lines = prepare("Education\nPhD in Physics, Some University, 2019 – 2023\nThesis defended 10/2023: On things");
    expect(extractEducation(lines, "2025-11", false)[0]?.education.graduation).toBe("2023-10");
  });

  it("keeps the degree line's own date when the line below is no completion statement", () => {
    const lines = prepare("Education\nPhD in Physics, Some University, 2019 – 2023\nAdvisor since 03/2020: Prof. X");
    expect(extractEducation(lines, "2025-11", false)[0]?.education.graduation).toBe("2023-05");
  });

  it("reads an undated '(in progress)' degree as in progress", () => {
    const lines = prepare("Education\nMSc Statistics (in progress), Some University\nBSc Mathematics, Some University");
    expect(extractEducation(lines, "2025-11", false)[0]?.education.status).toBe("in_progress");
  });
});

describe("availability", () => {
  it("reads 'Can join: 2026.07'", () => {
    expect(extractAvailability(prepare("Objective\nData scientist | Can join: 2026.08"), "2025-11").availableFrom).toBe("2026-08");
  });
});

describe("signals", () => {
  it("reads kinds of recommendation named by their setting, and still not letters of recommendation", () => {
    expect(detectSignal(prepare("Research\n- Federated recommendation for mobile apps"), "recommenderSystems").value).toBe(true);
    expect(detectSignal(prepare("Experience\n- News-feed recommendation with GNNs"), "recommenderSystems").value).toBe(true);
    expect(detectSignal(prepare("References\nLetters of recommendation from the group leader"), "recommenderSystems").value).toBe(false);
  });

  it("reads a named heap as data-structure work", () => {
    expect(detectSignal(prepare("Experience\n- Top-k merge with a bounded heap"), "dataStructuresAlgorithms").value).toBe(true);
  });

  it("takes code built in a Python framework as general-purpose programming, but not a skills-list framework", () => {
    expect(profile("Education\nMSc Computer Science, X University, 2025\nProjects\n- Implemented a sequence model in PyTorch").signals.generalPurposeProgramming).toBe(true);
    expect(profile("Education\nMSc Computer Science, X University, 2025\nSkills\nPyTorch, TensorFlow").signals.generalPurposeProgramming).toBe(false);
  });
});
