/**
 * Rules added after the fourth fixture set (test/fixtures/corpus-fresh.ts) showed where extraction still did not
 * generalise: all-caps degree names, table cells, withdrawn programmes, two-digit years, bilingual and terse
 * headings, unrecognised headings after a one-line statement, PDF line wraps, and a few vocabulary gaps.
 */
import { describe, expect, it } from "vitest";
import { extractAvailability } from "../../../src/extract/availability.ts";
import { scanDates } from "../../../src/extract/dates.ts";
import { fieldOf, findDegrees } from "../../../src/extract/degrees.ts";
import { extractProfile } from "../../../src/extract/index.ts";
import { splitLines } from "../../../src/extract/lines.ts";
import { extractPublications } from "../../../src/extract/publications.ts";
import { headingOf } from "../../../src/extract/sections.ts";
import { detectSignal } from "../../../src/extract/signals.ts";
import { extractLanguages } from "../../../src/extract/skills.ts";
import { prepare, RESUME_ID } from "./helpers.ts";

const line = (text: string) => splitLines(text)[0]!;
const profile = (text: string) => extractProfile(text, RESUME_ID, { today: "2025-11" });

describe("degrees", () => {
  it("reads short forms in an all-caps line, and only there", () => {
    expect(findDegrees("MSC DATA SCIENCE (PART-TIME), PENNINE OPEN UNIVERSITY 2024 – 2027")[0]?.level).toBe("masters");
    expect(findDegrees("MENG MECHANICAL ENGINEERING, UNIVERSITY OF SALTMARSH")[0]?.level).toBe("masters");
    expect(findDegrees("BSC PHYSICS, 2019")[0]?.level).toBe("bachelors");
    expect(findDegrees("Worked with Msc software")).toEqual([]);
  });

  it("reads Doctorat/Doctorado as a PhD and skips a dotted abbreviation before the field", () => {
    const d = findDegrees("Doctorat (PhD), Computer Science")[0]!;
    expect(d.level).toBe("phd");
    expect(fieldOf("Doctorat (PhD), Computer Science", d)).toBe("Computer Science");
    const text = "Diplom-Ingenieur (Dipl.-Ing.) Elektrotechnik, Technische Hochschule Sachsen";
    expect(fieldOf(text, findDegrees(text)[0]!)).toBe("Elektrotechnik");
  });

  it("reads the field from the next cell of a pipe table", () => {
    const text = "M.Tech | Computer Science and Engineering | Deccan Institute of Technology | 2024 | 8.9/10";
    expect(fieldOf(text, findDegrees(text)[0]!)).toBe("Computer Science and Engineering");
  });

  it("treats a PGCE as a certificate, so its date is not the bachelor's graduation", () => {
    const p = profile("Jo Bloggs\n\nQualifications\nB.Sc. (Hons) Physics\nUniversity of Tynemouth, 2021\nPGCE Secondary Science\nTynemouth Institute of Education, 2022\n");
    expect(p.highestDegree?.level).toBe("bachelors");
    expect(p.graduationDate).toBe("2021-05");
  });

  it("drops a programme the candidate withdrew from", () => {
    const p = profile("Gideon M\n\nEducation\nPh.D. programme in Computer Science, Highveld University, 2021 – 2022 — withdrew to join industry\nM.Sc. Computer Science, Highveld University, completed May 2021\n");
    expect(p.highestDegree?.level).toBe("masters");
    expect(p.graduationDate).toBe("2021-05");
  });
});

describe("dates", () => {
  it("reads two-digit years after an apostrophe", () => {
    expect(scanDates("PhD CS (exp. '26), Lakemont U.")[0]?.to).toBe("2026-05");
    expect(scanDates("Aug '21 – now")[0]).toMatchObject({ from: "2021-08", ongoing: true });
    expect(scanDates("summer '24")[0]?.from).toBe("2024-06");
    expect(scanDates("the students' 30 projects")).toEqual([]);
  });

  it("reads 'exp.' as in progress", () => {
    const p = profile("Kenji A\n\nEdu\nPhD CS (exp. '26), Lakemont U.\nMS CS '22, Lakemont U.\n");
    expect(p.highestDegree).toMatchObject({ level: "phd", status: "in_progress" });
    expect(p.graduationDate?.slice(0, 4)).toBe("2026");
  });
});

describe("headings", () => {
  it.each([
    ["Diplômes / Degrees", "education"], ["Disponibilité", "availability"], ["Edu", "education"], ["Pubs", "publications"],
    ["Research Outputs", "publications"], ["Campus Jobs", "experience"],
  ])("%s → %s", (text, kind) => expect(headingOf(line(text))?.kind).toBe(kind));

  it("does not open a section at 'Thesis:' inside an education entry", () => {
    expect(headingOf(line("Thesis: Mining temporal patterns in hospital event logs"))).toBeNull();
  });

  it("ends a one-line availability statement at an unrecognised Title-Case heading", () => {
    for (const gap of ["\n", ""]) {
      const lines = prepare(`Ayla D\n\nAvailable\nJune 2026\n${gap}Senior Thesis\nCollaborative filtering for campus dining recommendations\n`);
      expect(lines.find((l) => l.text === "Senior Thesis")?.section).toBe("other");
      expect(detectSignal(lines, "recommenderSystems").value).toBe(true);
    }
  });

  it("keeps a one-word statement ('Immediately') inside its availability section", () => {
    const lines = prepare("Ann B\n\nAvailability\nImmediately\nSkills\nPython\n");
    expect(lines.find((l) => l.text === "Immediately")?.section).toBe("availability");
  });
});

describe("availability", () => {
  it("does not read a running range in a mis-sectioned line as a start date", () => {
    const lines = prepare("Ann B\n\nAvailable\nJune 2026\nLibrary circulation desk, Hollis College, 2023 – present\n");
    expect(extractAvailability(lines, "2025-11").availableFrom).toBe("2026-06");
  });

  it("reads 'free from' with an ISO month", () => {
    expect(extractAvailability(prepare("Ann B\n\nTiming\nFree from 2026-05.\n"), "2025-11").availableFrom).toBe("2026-05");
  });
});

describe("signals and languages", () => {
  it("reads a term broken by a line wrap", () => {
    const lines = prepare("Jide O\n\nEMPLOYMENT\n- WROTE TOOLS THAT PREDICT FAILURE FROM VIBRATION DATA (RANDOM\nFORESTS)\n");
    expect(detectSignal(lines, "machineLearning").value).toBe(true);
  });

  it("keeps a course list weak when its label ends the previous line", () => {
    const lines = prepare("Tess N\n\nEducation\nBSc Statistics, Kauri Coast University, 2024; courses:\ndata mining, ML, algorithms.\n");
    expect(detectSignal(lines, "dataMining").value).toBe(false);
  });

  it("reads clustering, hashing and search vocabulary and named recommendation surfaces", () => {
    const exp = (t: string) => prepare(`A B\n\nExperience\n- ${t}\n`);
    expect(detectSignal(exp("Clustered 4M smart-meter load curves"), "dataMining").value).toBe(true);
    expect(detectSignal(exp("Implemented a MinHash/LSH near-duplicate index in Rust"), "dataStructuresAlgorithms").value).toBe(true);
    expect(detectSignal(exp("Wrote a beam-search decoder for constrained generation"), "dataStructuresAlgorithms").value).toBe(true);
    expect(detectSignal(exp('Own the re-ranking service for "Recommended for you"'), "recommenderSystems").value).toBe(true);
  });

  it("reads 'C firmware' as C in use, but not a grade 'C'", () => {
    expect(extractLanguages(prepare("A B\n\nExperience\n- C firmware for a sensor board\n")).names).toContain("C");
    expect(extractLanguages(prepare("A B\n\nEducation\nGrade C in chemistry\n")).names).not.toContain("C");
  });
});

describe("publications", () => {
  it("counts per-kind numbered entries (J1., C1., R1.) even when one wraps without a year", () => {
    const lines = prepare([
      "M A", "", "Journal Articles", "J1. M. A. Estimators for slates. JMLR 26 (2025).", "",
      "Under Review", "R1. M. A. Slate uncertainty. Submitted to ICLR 2026.",
      "R2. M. A. et al. A benchmark for session recommenders. Under review at NeurIPS Datasets &", "Benchmarks.",
    ].join("\n"));
    expect(extractPublications(lines).count).toBe(3);
  });
});
