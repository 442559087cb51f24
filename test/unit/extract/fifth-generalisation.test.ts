/**
 * Rules added after the fifth fixture set (test/fixtures/corpus-fifth.ts) showed where extraction still did not
 * generalise: sentence-case headings of LaTeX templates, LinkedIn's "Master of Science - MS, <field>", German
 * faculty doctorates and bare "Doctor" in Chinese table rows, several degrees in one prose line, wrapped citations
 * and availability statements, and languages named only by "built … in Go"; then, from the shared labelled data,
 * job-board degree spellings ("B.E in", "B.com", "MS OFFICE" as software). Each test fails on the extractor before
 * that round.
 */
import { describe, expect, it } from "vitest";
import { extractAvailability } from "../../../src/extract/availability.ts";
import { extractEducation } from "../../../src/extract/education.ts";
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

describe("headings", () => {
  it("accepts sentence-case headings made of heading vocabulary, and only those", () => {
    expect(headingOf(line("Journal articles"))?.kind).toBe("publications");
    expect(headingOf(line("Conference proceedings"))?.kind).toBe("publications");
    expect(headingOf(line("When I can start"))?.kind).toBe("availability");
    expect(headingOf(line("Degrees held"))?.kind).toBe("education");
    expect(headingOf(line("Research assistant"))).toBeNull();
    expect(headingOf(line("Teaching statistics to engineers"))).toBeNull();
  });

  it("reads 'Education Experience' and Europass skill blocks", () => {
    expect(headingOf(line("Education Experience"))?.kind).toBe("education");
    expect(headingOf(line("LANGUAGE SKILLS"))?.kind).toBe("skills");
    expect(headingOf(line("Digital competence"))?.kind).toBe("skills");
  });

  it("reads a resume that is one 'About me' paragraph as body, not as a discounted summary", () => {
    const lines = prepare("Ola K\n\nAbout Me\nSince 2023 I have built churn models with gradient boosting in Python at a bank.\n");
    expect(detectSignal(lines, "machineLearning").value).toBe(true);
    // Beside a section that can show the work, the summary stays weak.
    const withBody = prepare("Ola K\n\nAbout Me\nI love deep learning.\n\nExperience\nCashier, Corner Shop, 2020 – 2023\n");
    expect(detectSignal(withBody, "machineLearning").value).toBe(false);
  });
});

describe("degrees", () => {
  it("reads German faculty doctorates but not the title before a name", () => {
    expect(findDegrees("Dr. rer. nat. in Chemistry, Universität Elmsdorf, 2019")[0]?.level).toBe("phd");
    expect(findDegrees("Dr.-Ing. Maschinenbau, 2020")[0]?.level).toBe("phd");
    expect(findDegrees("Dr. Lena Vogt")).toEqual([]);
  });

  it("reads a bare 'Doctor' before a field as a PhD, but not 'Juris Doctor'", () => {
    expect(findDegrees("2021.09-Now  Hillside University  Doctor  Information Science")[0]?.level).toBe("phd");
    expect(findDegrees("Juris Doctor  Bayview Law School, 2012")[0]?.level).not.toBe("phd");
  });

  it("skips LinkedIn's repeated abbreviation before the field", () => {
    const text = "Bachelor of Science - BS, Chemistry · (2015 - 2019)";
    expect(fieldOf(text, findDegrees(text)[0]!)).toBe("Chemistry");
    // A one-word field after a dash is still the field.
    const plain = "Master of Science - Physics, Lakeside University";
    expect(fieldOf(plain, findDegrees(plain)[0]!)).toBe("Physics");
  });

  it("reads job-board form rows: capitals software, undotted M.A / B.A, bracketed and second-parenthesis fields", () => {
    expect(findDegrees("MS OFFICE 2020 1 Year(s)")).toEqual([]);
    expect(findDegrees("MS-Office, Tally")).toEqual([]);
    const ma = "PG: M.A (Arts & Humanities) from Riverbend University in 2009";
    expect(findDegrees(ma)[0]?.level).toBe("masters");
    expect(fieldOf(ma, findDegrees(ma)[0]!)).toBe("Arts & Humanities");
    expect(findDegrees("UG: B.A (History) from Riverbend University in 2007")[0]?.level).toBe("bachelors");
    const msc = "PG: MS/M.Sc(Science) (Chemistry) from Riverbend University in 1990";
    expect(fieldOf(msc, findDegrees(msc)[0]!)).toBe("Chemistry");
    const bracketed = "Highest Degree: MS/M.Sc(Science) [Geology]";
    expect(fieldOf(bracketed, findDegrees(bracketed)[0]!)).toBe("Geology");
  });

  it("reads Indian job-board degree spellings without their final dot, but not ordinary words", () => {
    expect(findDegrees("B.E in Civil Engineering")[0]?.level).toBe("bachelors");
    expect(findDegrees("B E in Production Engineering")[0]?.level).toBe("bachelors");
    expect(findDegrees("B.com")[0]?.level).toBe("bachelors");
    expect(findDegrees("Bsc")[0]?.level).toBe("bachelors");
    expect(findDegrees("M.Com, Andhra University, 2015")[0]?.level).toBe("masters");
    expect(findDegrees("PG: MMS (Finance) from Mumbai University in 2006")[0]?.level).toBe("masters");
    expect(findDegrees("Higher Secondary Certificate, Kerala State, 2003")[0]?.level).toBe("secondary");
    expect(findDegrees("WHAT I WANT TO BE")).toEqual([]);
    expect(findDegrees("Built an SMS/MMS gateway")).toEqual([]);
  });

  it("reads B.Ed. / M.Ed. as degrees", () => {
    expect(findDegrees("B.Ed. Primary Education, 2009")[0]?.level).toBe("bachelors");
    expect(findDegrees("MEd Educational Leadership, 2014")[0]?.level).toBe("masters");
  });

  it("gives each degree in one prose line the date written after it", () => {
    const lines = prepare(`Noor P\n\nAbout me\n${"I completed an MSc in Geophysics at Ridge University in June 2023, following a BSc in Geology in 2021. "
      + "Since then I have mapped aquifers for a water utility, and I am available to begin work in March 2026 if selected."}\n`);
    const entries = extractEducation(lines, "2025-11", true).map((e) => e.education);
    expect(entries.find((e) => e.level === "masters")).toMatchObject({ graduation: "2023-06", status: "completed" });
    expect(entries.find((e) => e.level === "bachelors")?.graduation?.slice(0, 4)).toBe("2021");
  });
});

describe("publications", () => {
  it("counts an undated entry whose citation end wrapped onto a short line", () => {
    const lines = prepare("Ana D\n\nPublications\nA. Diaz, Fast things, Phys. Rev. Lett. 1 (2024).\nA. Diaz, Slow things, submitted to\nPRX.\n");
    expect(extractPublications(lines).count).toBe(2);
  });

  it("counts a major revision and ignores a first-person sentence", () => {
    const lines = prepare("Ana D\n\nPapers\nA. Diaz. Queues. Management Science (2024).\nA. Diaz. Lines. Major revision, Operations Research.\n");
    expect(extractPublications(lines).count).toBe(2);
    const sentence = prepare("Ana D\n\nPapers\nA. Diaz. Queues. Management Science (2024).\nI could start in May 2026.\n");
    expect(extractPublications(sentence).count).toBe(1);
  });
});

describe("availability", () => {
  it("reads a date wrapped onto the line after the trigger", () => {
    const lines = prepare("Kai M\n\nAbout me\nI hold an MSc and have shipped models for years and I can start\nin February 2026.\n");
    expect(extractAvailability(lines, "2025-11").availableFrom).toBe("2026-02");
  });

  it("reads 'can arrive' as a start statement", () => {
    expect(profile("Li Q\n\nExperience\nEngineer, Jade Co, 2020 – 2024\n\nOther\nFull-time; can arrive 2026.03.\n").availableFrom).toBe("2026-03");
  });
});

describe("contact", () => {
  it("keeps an apostrophe inside an e-mail's local part, not a quote around it", () => {
    expect(profile("Dan O'Brien\ndan.o'brien@mail.example.com\n").contact.email).toBe("dan.o'brien@mail.example.com");
    expect(profile("Ann Lee\nE-mail: 'ann.lee@mail.example.com'\n").contact.email).toBe("ann.lee@mail.example.com");
  });
});

describe("signals and languages", () => {
  it("reads an ambiguous language closing 'built … in <name>'", () => {
    const lines = prepare("Sam T\n\nExperience\n- Implemented a k-d tree index in C for sensor lookups\n- Built a billing job in Go\n");
    expect(extractLanguages(lines).names).toEqual(expect.arrayContaining(["C", "Go"]));
    // Not a language: a place or a board game after "in".
    expect(extractLanguages(prepare("Sam T\n\nExperience\n- Built a dashboard for clients in Go-kart racing\n")).names).toEqual([]);
  });

  it("reads '<language> package' as the language in use", () => {
    expect(extractLanguages(prepare("Sam T\n\nResearch\nReleased the estimator as a Julia package.\n")).names).toContain("Julia");
  });

  it("counts A* / RRT* search as algorithms", () => {
    const lines = prepare("Sam T\n\nProjects\n- Path planning for a warehouse robot with A* on a grid map\n");
    expect(detectSignal(lines, "dataStructuresAlgorithms").value).toBe(true);
  });
});
