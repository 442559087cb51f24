/**
 * Rules added after the ninth and tenth fixture sets (test/fixtures/corpus-ninth.ts, corpus-tenth.ts) showed where
 * extraction still did not generalise: doctorates by abbreviation (Sc.D., EngD, DSc) and the Kandidat nauk, the
 * Magister, a field after a parenthetical gloss, "MS by Research", "PhD-level research", an open "2022–", PDF wraps
 * inside a degree line, a thesis date stated only in a summary, availability in a self-evaluation or cover-letter
 * sentence, talks / working papers / "en preparación" / inline-numbered lists among the papers, venue names and
 * anomaly detection read as data mining, self-rated skill rows, a product owner's roadmap, and a course named after a
 * language. Each test fails on the extractor before that round, except the guards that say what must stay as it was.
 */
import { describe, expect, it } from "vitest";
import { extractAvailability } from "../../../src/extract/availability.ts";
import { scanDates } from "../../../src/extract/dates.ts";
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
const degree = (text: string) => {
  const d = findDegrees(text)[0];
  return d ? { level: d.level, field: fieldOf(text, d) } : null;
};
const education = (body: string) => extractEducation(prepare(`Jo\n\nEducation\n${body}\n`), "2025-11", false);
const signal = (text: string, s: Parameters<typeof detectSignal>[1]) => detectSignal(prepare(text), s).value;
const pubs = (body: string) => extractPublications(prepare(`Jo\n\nPublications\n${body}\n`)).count;
const available = (text: string) => extractAvailability(prepare(text), "2025-11").availableFrom;

describe("degree names", () => {
  it("reads Sc.D., ScD, D.Sc., EngD and D.Eng. as doctorates", () => {
    expect(degree("Sc.D. in Electrical Engineering and Computer Science, Harbourline Institute of Technology, May 2025")).toEqual({ level: "phd", field: "Electrical Engineering and Computer Science" });
    expect(degree("EngD in Data-Intensive Engineering, Brackwater University, 2022–")).toEqual({ level: "phd", field: "Data-Intensive Engineering" });
    expect(degree("DSc in Physics, Kestrel University, 2019")?.level).toBe("phd");
    expect(degree("D.Eng. in Mechanical Engineering, Kestrel University, 2019")?.level).toBe("phd");
  });

  it("reads the Kandidat nauk as a doctorate, completed though its gloss says 'Candidate of Sciences'", () => {
    expect(degree("Kandidat nauk in Theoretical Physics (Candidate of Sciences; PhD equivalent), Novoye Institute, 2015 – 2019")).toEqual({ level: "phd", field: "Theoretical Physics" });
    const e = education("Kandidat nauk in Theoretical Physics (Candidate of Sciences; PhD equivalent), Novoye Institute, 2015 – 2019");
    expect(e[0]!.education).toMatchObject({ level: "phd", status: "completed", graduation: "2019-05" });
  });

  it("reads the Magister as a master's and takes the field after its parenthetical gloss", () => {
    expect(degree("Magister inzynier (Master of Science in Engineering), Computer Science, Lower Vistula University of Technology, 2021 - 2023")).toEqual({ level: "masters", field: "Computer Science" });
    expect(degree("Magister der Sozial- und Wirtschaftswissenschaften (Mag. rer. soc. oec.; master's level), Sociology, University of Donaustadt, 2012 – 2018")).toEqual({ level: "masters", field: "Sociology" });
  });

  it("guard: a parenthetical that is no gloss leaves the field alone", () => {
    expect(degree("M.S. (thesis track), Georgia Tech, 2019")?.field).toBeNull();
    expect(degree("B.E. (Computer Engineering), Anna University, 2019")?.field).toBe("Computer Engineering");
  });

  it("skips 'by Research' and 'program' after the degree when reading its field", () => {
    expect(degree("MS by Research, Computer Science and Automation, Deccan Plateau Institute of Science, 2023 – 2026")).toEqual({ level: "masters", field: "Computer Science and Automation" });
    const t = "Integrated M.S.-Ph.D. program, Industrial and Systems Engineering, Mar. 2020 – Feb. 2026 (expected)";
    const phd = findDegrees(t).find((d) => d.level === "phd")!;
    expect(fieldOf(t, phd)).toBe("Industrial and Systems Engineering");
  });

  it("takes no field from a sentence that runs into the degree", () => {
    const t = "I am a Brazilian computer scientist doing a PhD";
    expect(fieldOf(t, findDegrees(t)[0]!)).toBeNull();
  });

  it("reads 'PhD-level research' as no degree", () => {
    expect(findDegrees("Machine learning, recommender systems, deep learning, PhD-level research")).toEqual([]);
    expect(findDegrees("PhD in Physics, 2020")[0]?.level).toBe("phd");
  });
});

describe("degree dates and status", () => {
  it("reads '2022–' with nothing after it as an open range", () => {
    expect(scanDates("DPhil in Statistics, University of Wyndham, 2022–")[0]).toMatchObject({ ongoing: true, to: null });
    expect(scanDates("Graduate Software Engineer, Larkspur Bank 2025/09–")[0]).toMatchObject({ ongoing: true });
  });

  it("guard: a spaced dash left by a PDF wrap is no open range", () => {
    expect(scanDates("Sep 2019 –")[0]).toMatchObject({ ongoing: false });
  });

  it("takes the expected submission below an open '2022–' doctorate", () => {
    const e = education("DPhil in Statistics, University of Wyndham, 2022–\nExpected submission: June 2026\nMMath Mathematics, Carrick University, 2017 – 2021 (First)");
    expect(e[0]!.education).toMatchObject({ level: "phd", status: "in_progress", graduation: "2026-06" });
  });

  it("reads a degree line wrapped mid-phrase with its continuation's range, not the next entry's date", () => {
    const e = education("Magister der Sozialwissenschaften (master's level), Sociology, University of\nDonaustadt, 2012 – 2018\nData Science Bootcamp, Wiener Code Academy, 2020 (12 weeks)");
    expect(e[0]!.education.graduation).toBe("2018-05");
  });

  it("reads a range wrapped after its connector with the next line", () => {
    const e = education("Doctorado en Ciencias de la Computación (PhD in Computer Science), Universidad Andina del Sur — 2021 a la\nfecha; defensa esperada: 2026\nMagíster en Ciencias de la Ingeniería (MSc), Universidad Andina del Sur — 2019–2021");
    expect(e[0]!.education).toMatchObject({ level: "phd", status: "in_progress" });
    expect(e[0]!.education.graduation?.slice(0, 4)).toBe("2026");
  });

  it("in a long one-line education list, reads an open start up to the date that ends it", () => {
    const text = "Jo\n\nEducation\nPhD candidate in Mathematical Statistics, Norrvik University, 2021– (planned defence June 2026) · Licentiate of Philosophy in Mathematical Statistics, Norrvik University, 2023 · MSc Applied Mathematics, Kungsholm Institute of Technology, 2019–2021 · BSc Mathematics, Norrvik University, 2016–2019\n";
    expect(profile(text).graduationDate).toBe("2026-06");
  });

  it("reads a field wrapped after 'and' with its continuation", () => {
    const e = education("Specialist degree (5-year programme; equivalent to a Master's) in Applied Mathematics and\nInformatics, Steppe State University, 2014 - 2019");
    expect(e[0]!.education.field).toBe("Applied Mathematics and Informatics");
  });

  it("dates an open doctorate by a summary sentence about submitting the dissertation", () => {
    const text = "Lu\n\nAbout me\nDoing a PhD on ranking. After submitting my dissertation in spring 2026 I would be glad to start in May 2026.\n\nWhere I studied\nDoctoral candidate (Dr. rer. nat.), Computer Science — Technische Universität Rheinau, since 10/2021\n";
    const p = profile(text);
    expect(p.highestDegree).toMatchObject({ level: "phd", status: "in_progress", field: "Computer Science" });
    expect(p.graduationDate?.slice(0, 4)).toBe("2026");
  });
});

describe("headings", () => {
  it("knows 'Where I studied', self-evaluations, keywords, skill matrices, 'Teaching assistance', 'Sprachen', 'Verfügbarkeit'", () => {
    expect(headingOf(line("Where I studied"))?.kind).toBe("education");
    expect(headingOf(line("SELF-ASSESSMENT"))?.kind).toBe("summary");
    expect(headingOf(line("Self-evaluation"))?.kind).toBe("summary");
    expect(headingOf(line("Keywords"))?.kind).toBe("skills");
    expect(headingOf(line("Skills Matrix"))?.kind).toBe("skills");
    expect(headingOf(line("Teaching assistance"))?.kind).toBe("teaching");
    expect(headingOf(line("Sprachen"))?.kind).toBe("skills");
    expect(headingOf(line("Verfügbarkeit"))?.kind).toBe("availability");
  });

  it("reads 'Patents & Papers' as a publications heading", () => {
    expect(headingOf(line("PATENTS & PAPERS"))?.kind).toBe("publications");
    expect(headingOf(line("Patents"))?.kind).toBe("other");
  });
});

describe("availability", () => {
  it("reads a start stated as a wish or an arrival", () => {
    expect(available("Jo\n\nSelf-evaluation\nDiligent and curious; I hope to join the company from July 2026 as a full-time engineer.\n")).toBe("2026-07");
    expect(available("Jo\n\nAbout me\nAfter my defence I would be glad to start a full-time position in May 2026, in Europe.\n")).toBe("2026-05");
    expect(available("Jo\n\nOther\nExpected arrival time: 2026.07, after graduation.\n")).toBe("2026-07");
    expect(available("Jo\n\nSonstiges\nVerfügbarkeit: ab 04/2026\n")).toBe("2026-04");
  });

  it("reads a month wrapped away from its year", () => {
    expect(available("Jo\n\nProfile\nProduct manager keen to return to engineering. Available from February\n2026.\n")).toBe("2026-02");
  });
});

describe("publications", () => {
  it("does not count work 'en preparación', a talk, or a working paper not under review", () => {
    expect(pubs("1. V. Rojas. Sequential recommendation for libraries. RecSys 2024.\n2. V. Rojas. Seasonality in loans. JCDL 2023.\n3. V. Rojas. Fairness for minority-language books (en preparación).")).toBe(2);
    expect(pubs("- Nwosu A. A foundation model for cells. Nature Methods (2025).\n- Nwosu A. Reference mapping. bioRxiv (2025).\n- Nwosu A. Talk: 'Cells as items', Regulatory Genomics Symposium (2024).")).toBe(2);
    expect(pubs("Clarke, M. “Learning logit models.” Operations Research, 2025.\nClarke, M. “Column generation at scale.” Working paper, 2025.")).toBe(1);
  });

  it("guard: a working paper under review still counts", () => {
    expect(pubs("Clarke, M. “Learning logit models.” Operations Research, 2025.\nClarke, M. “Bandits.” Working paper, under review at Management Science, 2025.")).toBe(2);
  });

  it("counts an inline-numbered one-paragraph list by its numbers, without the thesis", () => {
    const one = "(1) Lindqvist S, Ek J. Uncertainty-aware ranking. AISTATS 2025. (2) Lindqvist S, Holm P. Posterior sampling. arXiv:2503.00917 (2025). (3) Lindqvist S. Licentiate thesis: Bayesian factor models (2023).";
    expect(pubs(one)).toBe(2);
    expect(pubs("(1) Lindqvist S, Ek J. Uncertainty-aware ranking. AISTATS 2025. (2) Lindqvist S, Holm\nP. Posterior sampling. arXiv:2503.00917 (2025). (3) Lindqvist S. Licentiate thesis:\nBayesian factor models (2023).")).toBe(2);
  });

  it("does not count an entry's wrapped end as an entry", () => {
    expect(pubs("Ferrante, L. (2025). Assortment optimisation with learned choice models. Operations\nResearch (forthcoming).\nFerrante, L. (2025). Learning to rank. Under review at Management Science.")).toBe(2);
    expect(pubs("Clarke, M. “Learning logit models from sparse assortments.” Operations Research,\nforthcoming.\nClarke, M. “Bandits for slot recommendation.” Major revision, Management Science.")).toBe(2);
  });

  it("reads a self-evaluation under the papers as no paper", () => {
    expect(pubs("Haoran Li. Knowledge tracing. Computer Engineering and Applications (Chinese core journal), 2025.\n\nSELF-ASSESSMENT\nExpected arrival time: 2026.07.")).toBe(1);
  });
});

describe("signals", () => {
  it("reads no data mining from venue names or 'information retrieval'", () => {
    expect(signal("Jo\n\nPublications\n1. A. B. Graph indexes for sequential recommendation. SIGIR 2023.\n2. A. B. Reward modeling. KDD 2025.\n3. A. B. Cold-start LightGCN. CIKM '25.\n", "dataMining")).toBe(false);
    expect(signal("Jo\n\nExperience\nPostdoctoral Associate, Harbourline Information Retrieval Group, 2025 – present\n", "dataMining")).toBe(false);
  });

  it("reads the verb 'to mine' as data mining", () => {
    expect(signal("Jo\n\nExperience\n- Wrote Spark jobs to mine co-watch graphs from 1B daily events\n", "dataMining")).toBe(true);
  });

  it("reads anomaly detection alone as no data mining, fraud detection as data mining", () => {
    expect(signal("Jo\n\nEducation\nMaster's thesis: Anomaly detection in calorimeter data with autoencoders\n", "dataMining")).toBe(false);
    expect(signal("Jo\n\nExperience\n- Graph neural networks for fraud detection on card payments\n", "dataMining")).toBe(true);
  });

  it("reads 'Courses completed:' and a course list wrapped after a comma as coursework", () => {
    expect(signal("Jo\n\nEducation\nCourses completed: Machine Learning, Deep Learning, Data Mining\n", "dataMining")).toBe(false);
    expect(signal("Jo\n\nEducation\nSpecialization: ML. Courses completed: Machine Learning, Recommender Systems,\nData Mining\n", "dataMining")).toBe(false);
  });

  it("reads a self-rated skill row as a claim, not work", () => {
    expect(signal("Jo\n\nExperience\nRecommender systems | Intermediate | 1\n", "recommenderSystems")).toBe(false);
    expect(signal("Jo\n\nExperience\n| Data mining | 2/5 |\n", "dataMining")).toBe(false);
    expect(signal("Jo\n\nExperience\nAlgorithms & data structures | Advanced | 5\n", "dataStructuresAlgorithms")).toBe(false);
  });

  it("guard: a job line that names a topic and a colon still counts", () => {
    expect(signal("Jo\n\nExperience\n- Recommender: built a two-tower retrieval model serving 3M users\n", "recommenderSystems")).toBe(true);
  });

  it("reads 'algorithmic curation' as no algorithms work", () => {
    expect(signal("Jo\n\nPublications\n[2] D. Ferris. Creator churn under algorithmic curation. ICWSM 2024.\n", "dataStructuresAlgorithms")).toBe(false);
  });

  it("reads complexity analysis, column generation, sparse-matrix libraries and mixing times as algorithms work", () => {
    expect(signal("Jo\n\nResearch\n- Implemented re-ranking algorithms with exposure guarantees; studied their complexity\n", "dataStructuresAlgorithms")).toBe(true);
    expect(signal("Jo\n\nPublications\nClarke, M. “Column generation for assortment planning at scale.” Operations Research, 2025.\n", "dataStructuresAlgorithms")).toBe(true);
    expect(signal("Jo\n\nProjects\n- Wrote a C++ sparse-matrix library (CSR/CSC, parallel SpMV) now used across the lab\n", "dataStructuresAlgorithms")).toBe(true);
    expect(signal("Jo\n\nPublications\n- Y. Demir. Mixing times of random walks on bipartite expanders. Journal of Graph Theory, 2024.\n", "dataStructuresAlgorithms")).toBe(true);
  });

  it("reads a kind of recommendation named by a hyphenated modifier as recommender work", () => {
    expect(signal("Jo\n\nResearch\n- Knowledge-graph-enhanced recommendation for agricultural advisories (thesis topic)\n", "recommenderSystems")).toBe(true);
    expect(signal("Jo\n\nProjects\n- Learned re-ranking models for e-commerce recommendations (PyTorch), project with Kaufwerk\n", "recommenderSystems")).toBe(true);
  });

  it("guard: the UI of a recommendations surface is no recommender work", () => {
    expect(signal("Jo\n\nExperience\n- Ran usability tests for the home-screen recommendations UI\n", "recommenderSystems")).toBe(false);
  });

  it("reads 'reference datasets' as no referee trap", () => {
    expect(signal("Jo\n\nExperience\n> Built a nearest-neighbour 'similar cells' recommender used by scientists to find reference datasets\n", "recommenderSystems")).toBe(true);
    expect(signal("Jo\n\nOther\nReferences available upon request from my recommender systems lab\n", "recommenderSystems")).toBe(false);
  });

  it("reads a product owner's roadmap as no recommender work", () => {
    expect(signal("Jo\n\nCareer\n- Owned the roadmap for the 'Because you watched' rail; partnered with the recommendations ML team on goals\n", "recommenderSystems")).toBe(false);
  });
});

describe("programming", () => {
  it("reads a language named only in a course taken as no programming", () => {
    const text = "Jo\n\nExperience\nOperations Assistant, Canalside Lettings, 2024 - present\n- Maintains spreadsheets in Excel\n\nCourses\nIntro to Python (Codecademy), Machine Learning A-Z (online)\n";
    expect(profile(text).signals.generalPurposeProgramming).toBe(false);
    expect(profile(text).programmingLanguages).toContain("Python");
  });

  it("drops the wrapped end of a summary that recites the posting", () => {
    const text = "Jo\n\nSummary\nGraduate with hands-on expertise in machine learning, recommender systems, data mining, data\nstructures & algorithms and Python, eager to join a world-class recommendation team.\n\nExperience\nRetail Assistant, Northgate Books, 2019 - 2021\n";
    expect(profile(text).signals.generalPurposeProgramming).toBe(false);
  });

  it("reads code written against a Python framework named in parentheses as Python in use", () => {
    const text = "Jo\n\nAcademic Positions\nPostdoctoral Fellow, Vesterhavn NLP Group, 2024 - present\n- Fine-tuned transformer rerankers (PyTorch, Hugging Face) for a multilingual news recommender\n";
    expect(profile(text).signals.generalPurposeProgramming).toBe(true);
  });
});
