/**
 * Rules added after the fifteenth and sixteenth fixture sets (test/fixtures/corpus-fifteenth.ts, corpus-sixteenth.ts)
 * showed where extraction still did not generalise: "Doctor degree", BFA / MFA / B.Mus / M.Mus, a degree naming a group
 * ("Scholarship for Doctoral Students"), a field after an MBA's "in", LinkedIn's "Doctor of Philosophy - PhD, …",
 * degree lines in two languages, form labels and footnote marks on a field, lower-case fields, no field for a school
 * diploma, footnoted remarks under the entries (a defence date, a programme left), dates a PDF wrapped ("… finish in" /
 * "June 2026", "Aug" / "2021 – May 2026", "… 10 December" / "2025"), applications pending, headings
 * written as sentences, with a typo, or in two languages ("|", a side in sentence case), "Remarks" and "Conferences", paper counts in
 * words, bracket-numbered citations with no heading, "Dissertation, <University>" entries, wrapped citation tails,
 * "From <date> I am free to start", full-time starts beside internships, and signals read from a product role's title, a
 * designed recommendation surface, a venue's name, an unwritten paper's title or a language being learnt.
 * Each test fails on the extractor before that round, except the guards that say what must stay as it was.
 */
import { describe, expect, it } from "vitest";
import { extractAvailability } from "../../../src/extract/availability.ts";
import { fieldOf, findDegrees } from "../../../src/extract/degrees.ts";
import { extractEducation } from "../../../src/extract/education.ts";
import { splitLines } from "../../../src/extract/lines.ts";
import { extractPublications } from "../../../src/extract/publications.ts";
import { headingOf } from "../../../src/extract/sections.ts";
import { detectSignal } from "../../../src/extract/signals.ts";
import { extractLanguages } from "../../../src/extract/skills.ts";
import { prepare } from "./helpers.ts";

const line = (text: string) => splitLines(text)[0]!;
const field = (text: string) => {
  const d = findDegrees(text)[0];
  return d ? fieldOf(text, d) : undefined;
};
const levels = (text: string) => findDegrees(text).map((d) => d.level);
const educationAll = (body: string) => extractEducation(prepare(`Jo\n\nEducation\n${body}\n`), "2025-11", false).map((e) => e.education);
const education = (body: string) => educationAll(body)[0]!;
const signal = (text: string, s: Parameters<typeof detectSignal>[1]) => detectSignal(prepare(text), s).value;
const pubs = (text: string) => extractPublications(prepare(text)).count;
const available = (text: string) => extractAvailability(prepare(text), "2025-11").availableFrom;
const kind = (text: string) => headingOf(line(text))?.kind ?? null;

describe("degree names", () => {
  it("reads 'Doctor degree' as a doctorate", () => {
    expect(levels("2019.09 - now  Eastbrook University  Doctor degree candidate, Software Engineering")).toEqual(["phd"]);
  });

  it("reads BFA, MFA, B.Mus and M.Mus", () => {
    expect(levels("BFA, Illustration — Harbour School of Art — 2017")).toEqual(["bachelors"]);
    expect(levels("MFA in Creative Writing, 2020")).toEqual(["masters"]);
    expect(levels("B.Mus. Composition, 2015")).toEqual(["bachelors"]);
    expect(levels("M.Mus. Organ Performance, 2018")).toEqual(["masters"]);
  });

  it("guard: MFA as multi-factor authentication is no degree", () => {
    expect(levels("Enabled MFA for all AWS accounts and rotated keys")).toEqual([]);
  });

  it("does not read a degree naming a group of people as the applicant's degree", () => {
    expect(levels("Presidential Fellowship for Doctoral Students, 2022")).toEqual([]);
    expect(levels("Travel award for PhD candidates, 2023")).toEqual([]);
  });
});

describe("degree fields", () => {
  it("reads the field written after an MBA's 'in'", () => {
    expect(field("MBA in Supply Chain Management, Oakridge School of Business, 2021")).toBe("Supply Chain Management");
  });

  it("guard: an MBA with a concentration after a comma keeps Business Administration", () => {
    expect(field("Master of Business Administration (MBA), Finance and Strategy")).toBe("Business Administration");
    expect(field("MBA, Greyfield Business School, 2019")).toBe("Business Administration");
  });

  it("reads LinkedIn's 'Doctor of Philosophy - PhD, <field>'", () => {
    expect(field("Doctor of Philosophy - PhD, Biomedical Engineering")).toBe("Biomedical Engineering");
  });

  it("reads the second naming of a degree written in two languages", () => {
    expect(field("Doktorat in Physik / PhD in Physics, Universität Almbach")).toBe("Physics");
    expect(field("Doctorat en mathématiques | PhD in Mathematics, Université de Brelin, 2021 – 2025")).toBe("Mathematics");
  });

  it("drops a form label and a footnote mark from the field", () => {
    expect(field("Degree: M.Sc. | Field: Chemical Engineering | School: Tarnby University | Year: 2020")).toBe("Chemical Engineering");
    expect(field("Ph.D. in Chemistry1, Tarnby University, 2018 – 2023")).toBe("Chemistry");
  });

  it("reads a field typed in lower case when it is a field we know", () => {
    expect(field("Phd Candidate in electrical engineering")).toBe("electrical engineering");
  });

  it("guard: a lower-case word after the degree that is no field is not read", () => {
    expect(field("MSc in progress at Tarnby University")).toBeNull();
  });

  it("gives a school-leaving certificate no field", () => {
    expect(education("Riverside High School, High School Diploma — Class of 2024").field).toBeNull();
  });
});

describe("education entries", () => {
  it("dates a degree by the footnote its mark points to", () => {
    const ed = educationAll("Ph.D. in Chemistry¹, Tarnby University, 2018 – 2023\nB.Sc. in Chemistry, Holm College, 2014 – 2018\n¹ Thesis defended 9 February 2023.");
    expect(ed.map((e) => [e.level, e.graduation])).toEqual([["phd", "2023-02"], ["bachelors", "2018-05"]]);
  });

  it("reads an asterisked remark that gives the expected defence", () => {
    const ed = educationAll("Ph.D., Civil Engineering, Tarnby University, 2021 – 2026*\nM.S., Civil Engineering, Tarnby University, 2019 – 2021\n* expected; defence planned for 20 October 2026");
    expect(ed.map((e) => [e.level, e.status, e.graduation])).toEqual([["phd", "in_progress", "2026-10"], ["masters", "completed", "2021-05"]]);
  });

  it("drops a programme an asterisked remark says was left", () => {
    const ed = educationAll("PhD programme, Chemistry, Tarnby University, 2018 – 2021*\nMSc Chemistry, Tarnby University, 2021\n* I left the doctorate in 2021 for a job in industry.");
    expect(ed.map((e) => e.level)).toEqual(["masters"]);
  });

  it("drops a programme applied to and not entered", () => {
    const ed = educationAll("BSc Biology, Holm College, 2020 – 2024\nPhD programmes: applications pending for Fall 2026 (not enrolled)");
    expect(ed.map((e) => e.level)).toEqual(["bachelors"]);
  });

  it("reads the date a PDF wrapped after a completion verb, or after a month that opens a range", () => {
    expect(education("I am a PhD student in Geology at Tarnby University, where I plan to finish in\nMarch 2027, after an MSc in Geology (2022).").graduation).toBe("2027-03");
    const ed = education("Doctor of Philosophy, Geology, Tarnby University, Sept\n2022 – June 2027 (expected)");
    expect([ed.status, ed.graduation]).toEqual(["in_progress", "2027-06"]);
  });

  it("reads a defence date whose year a PDF wrapped onto the next line", () => {
    const ed = education("PhD in Geology, Tarnby University, 2021 – 2025\nDefence planned for 12 December\n2025");
    expect([ed.status, ed.graduation]).toEqual(["in_progress", "2025-12"]);
  });

  it("does not read LinkedIn's 'Dates attended or expected graduation' as in progress", () => {
    expect(education("Tarnby University\nDoctor of Philosophy - PhD, Chemistry\nDates attended or expected graduation 2016 – 2021").status).toBe("completed");
  });
});

describe("headings", () => {
  it("reads headings written as sentences", () => {
    expect(kind("What I have published")).toBe("publications");
    expect(kind("Here is what I have written")).toBe("publications");
    expect(kind("Things I Have Written")).toBe("publications");
  });

  it("reads a heading typed with one letter wrong", () => {
    expect(kind("Publicatons")).toBe("publications");
    expect(kind("Availabilty")).toBe("availability");
  });

  it("guard: a short word one letter from a heading word, or two letters swapped, is not read as it", () => {
    expect(kind("Skils")).toBeNull();
    expect(kind("Eductaion")).toBeNull();
  });

  it("reads a two-language heading joined by a bar, or with a side in sentence case", () => {
    expect(kind("Publikationen | Publications")).toBe("publications");
    expect(kind("Expérience professionnelle / Work experience")).toBe("experience");
  });

  it("reads 'Remarks' and a bare 'Conferences' as sections of their own", () => {
    expect(kind("Remarks")).toBe("other");
    expect(kind("Conferences")).toBe("other");
  });

  it("guard: 'International Conference' is no heading of its own", () => {
    expect(kind("International Conference")).toBeNull();
  });
});

describe("publications", () => {
  it("counts papers numbered [1], [2] … under no heading", () => {
    expect(pubs("Jo\n\n[1] J. Doe, K. Roe. Fast sketches. VLDB 2023.\n[2] J. Doe. Streaming joins. SIGMOD 2024.\nPoster: sketches, KDD 2022.\n")).toBe(2);
  });

  it("reads a paper count stated in words or after a form label", () => {
    expect(pubs("Jo\n\nAbout me\nI am a PhD student and have published four papers (two at ACL, one at EMNLP and one under review).\n")).toBe(4);
    expect(pubs("Jo\n\nResearch\nNumber of publications: 3 journal articles and 2 under review\n")).toBe(5);
  });

  it("does not count a line naming only the dissertation", () => {
    expect(pubs("Jo\n\nPublications\n1. J. Doe. Fast sketches. VLDB 2023.\n2. J. Doe. Dissertation, Tarnby University (2022).\n")).toBe(1);
  });

  it("reads a lower-case wrapped tail with the citation above it", () => {
    expect(pubs("Jo\n\nPublications\nDoe, J. (2023). Asking better questions in conversational\nsearch. Proceedings of SIGIR 2023.\nDoe, J. (2024). Follow-ups. EMNLP 2024.\n")).toBe(2);
  });
});

describe("availability", () => {
  it("reads a sentence that opens with its start date", () => {
    expect(available("Jo\n\nNext\nFrom March 2026 I am free to start.\n")).toBe("2026-03");
  });

  it("reads the full-time start beside an internship's dates", () => {
    expect(available("Jo\n\nLooking for\nResearch internships in summer 2026; full-time from February 2027.\n")).toBe("2027-02");
  });

  it("guard: 'full-time from' in a job is a job held, not a start date", () => {
    expect(available("Jo\n\nExperience\nData analyst (full-time from 2019), Tarnby Bank\n")).toBeNull();
  });
});

describe("signals", () => {
  it("reads no signal from a product or design role's title", () => {
    expect(signal("Jo\n\nExperience\nSenior Product Manager, Personalization — Dovecote (2021 – present)\n- Ran quarterly planning\n", "recommenderSystems")).toBe(false);
    expect(signal("Jo\n\nExperience\nUX Designer, Recommendations Experience — Dovecote (2021 – now)\n", "recommenderSystems")).toBe(false);
  });

  it("reads a designed recommendation surface as UI work, not a recommender", () => {
    expect(signal("Jo\n\nExperience\n- Designed the 'Recommended for you' tiles and their empty states\n", "recommenderSystems")).toBe(false);
  });

  it("guard: a model for a named surface is still recommender work", () => {
    expect(signal("Jo\n\nExperience\n- Trained the ranking model for the 'Because you watched' rows\n", "recommenderSystems")).toBe(true);
  });

  it("reads a ranking model serving recommendations", () => {
    expect(signal("Jo\n\nExperience\n- Own the ranking model behind grocery recommendations (XGBoost)\n", "recommenderSystems")).toBe(true);
  });

  it("reads contextual bandits and Thompson sampling as machine learning", () => {
    expect(signal("Jo\n\nProjects\n- Thompson sampling policies for dynamic pricing on logged sales data\n", "machineLearning")).toBe(true);
  });

  it("reads no topic from a venue's name", () => {
    expect(signal("Jo\n\nPublications\nJ. Doe. Streaming graph learning. Data Mining and Knowledge Discovery, 2024.\n", "dataMining")).toBe(false);
  });

  it("reads no topic from the title of a paper in preparation", () => {
    expect(signal("Jo\n\nPublications\nDoe, J. Priors for recommendation models (in preparation).\n", "recommenderSystems")).toBe(false);
  });

  it("does not count a language being learnt", () => {
    expect(extractLanguages(prepare("Jo\n\nSkills\nExcel, bookkeeping, learning python from videos\n")).names).toEqual([]);
  });

  it("guard: 'machine learning' before a language is no learner", () => {
    expect(extractLanguages(prepare("Jo\n\nSkills\nMachine learning Python, SQL\n")).names).toContain("Python");
  });
});
