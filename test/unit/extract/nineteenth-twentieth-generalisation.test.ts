/**
 * Rules added after the nineteenth and twentieth fixture sets (test/fixtures/corpus-nineteenth.ts,
 * corpus-twentieth.ts) showed where extraction still did not generalise: a graduation stated as such under the degree
 * ("Anticipated graduation: 12/2025") or elsewhere ("Expected graduation July 2026" under Availability); a month with
 * no year after "available from" ("Defending in May 2026, available from June."); "Università" as an institution; a
 * talk in a numbered publication list; work done "in PyTorch" as programming; learning to rank alone is no recommender
 * work, while "you may like" / "For You" surfaces are; and unambiguous signal vocabulary (bandit algorithms, k-means,
 * uplift models as ML; graph traversal, sum-trees, local search, randomized SVD, streaming sketches, top-k kernels as
 * algorithms).
 * Each test fails on the extractor before that round, except the guards that say what must stay as it was.
 */
import { describe, expect, it } from "vitest";
import { extractAvailability } from "../../../src/extract/availability.ts";
import { extractEducation } from "../../../src/extract/education.ts";
import { extractPublications } from "../../../src/extract/publications.ts";
import { detectSignal } from "../../../src/extract/signals.ts";
import { pythonByFramework } from "../../../src/extract/skills.ts";
import { prepare } from "./helpers.ts";

const educationOf = (text: string) => extractEducation(prepare(text), "2025-11", false).map((e) => e.education)[0]!;
const education = (body: string) => educationOf(`Jo\n\nEducation\n${body}\n`);
const signal = (text: string, s: Parameters<typeof detectSignal>[1]) => detectSignal(prepare(text), s).value;
const work = (bullet: string) => `Experience\nEngineer, Acme Corp, 2022 – 2024\n- ${bullet}\n`;
const pubs = (text: string) => extractPublications(prepare(text)).count;
const available = (text: string) => extractAvailability(prepare(text), "2025-11").availableFrom;

describe("graduation", () => {
  it("reads a graduation stated under the degree, below an open range", () => {
    const e = education("Doctor of Philosophy\nOperations Research\nPembrook University\nAug. 2021 - Present\nAnticipated graduation: 12/2025");
    expect(e.graduation).toBe("2025-12");
  });
  it("prefers a stated graduation month to a bare year's end", () => {
    expect(education("PhD, Computer Science — Bellmont University (2020–2026)\nExpected graduation: June 2026\nMS, Computer Science — Bellmont University (2020–2022)").graduation).toBe("2026-06");
  });
  it("refines a bare year's end by a graduation stated in another section", () => {
    const text = "Jo\n\nEducation\nMSc Computer Science, Universidade Serrano, 2024 – 2026\n\nAvailability\nExpected graduation July 2026; available August 2026.\n";
    expect(educationOf(text).graduation).toBe("2026-07");
    // guard: a stated graduation of another year leaves the degree's own end alone
    expect(educationOf(text.replace("July 2026", "July 2027")).graduation).toBe("2026-05");
  });
});

describe("degree field", () => {
  it("reads 'Università' as an institution, not a field", () => {
    expect(education("Dottorato di Ricerca in Informatica (PhD in Computer Science), Università di Serravalle, Nov 2022 – Oct 2025").field)
      .toBe("Computer Science");
  });
});

describe("availability", () => {
  it("gives a month with no year the year of the date before it", () => {
    expect(available("Availability\nDefending in May 2026, available from June.\n")).toBe("2026-06");
    expect(available("Availability\nThesis defence in November 2025; available from February.\n")).toBe("2026-02");
    // guard: a month with its year is read as before
    expect(available("Availability\nDefending in May 2026, available from August 2026.\n")).toBe("2026-08");
  });
});

describe("publications", () => {
  it("does not count a talk in a numbered list", () => {
    expect(pubs("Publications\n1. C. Martin, P. Leroy. Spin ice dynamics. Physical Review B, 2024.\n2. C. Martin. Talk at the French Physical Society meeting, 2025.\n")).toBe(1);
  });
});

describe("programming", () => {
  it("reads work done in PyTorch in a job line as Python", () => {
    expect(pythonByFramework(prepare(work("Session-aware news recommender in PyTorch; mined reading logs")))).not.toBeNull();
    expect(pythonByFramework(prepare(work("Audio-embedding based playlist continuation in PyTorch")))).not.toBeNull();
    // guard: a claim of skill is no work shown
    expect(pythonByFramework(prepare(work("Proficient in PyTorch and Docker")))).toBeNull();
  });
});

describe("signals", () => {
  it("reads bandit algorithms, k-means and uplift models as machine learning", () => {
    expect(signal(work("Online learning for assortment optimization (bandit algorithms)"), "machineLearning")).toBe(true);
    expect(signal(work("Customer segmentation with k-means clustering in R"), "machineLearning")).toBe(true);
    expect(signal(work("Causal uplift models for ad campaigns"), "machineLearning")).toBe(true);
    // guard: bandit algorithms are no data structures & algorithms work
    expect(signal(work("Online learning for assortment optimization (bandit algorithms)"), "dataStructuresAlgorithms")).toBe(false);
  });
  it("reads named algorithm work as data structures & algorithms", () => {
    for (const b of ["Java backend services; optimized graph traversal for dependency resolution",
      "Implemented distributed replay buffers (prioritized sum-trees) in C++",
      "Vehicle-routing heuristics (local search) in Python", "Implemented randomized SVD solvers in Julia",
      "Go and Python services; wrote a streaming top-k sketch", "implemented efficient top-k retrieval kernels in CUDA C++"]) {
      expect(signal(work(b), "dataStructuresAlgorithms"), b).toBe(true);
    }
    // guard: a sketch that is a drawing is nothing
    expect(signal(work("Drew a quick sketch of the dashboard layout"), "dataStructuresAlgorithms")).toBe(false);
  });
  it("does not read learning to rank alone as recommender work", () => {
    expect(signal(work("Trained learning-to-rank models for product search (LambdaMART, Python)"), "recommenderSystems")).toBe(false);
    expect(signal("Publications\n[2] H. Kanemura, A. Sato. Learning to rank under click noise. WSDM 2025.\n", "recommenderSystems")).toBe(false);
    // guard: learning to rank stays machine learning
    expect(signal(work("Trained learning-to-rank models for product search"), "machineLearning")).toBe(true);
  });
  it("reads 'you may like' and 'For You' surfaces as recommender work", () => {
    expect(signal(work("Built the 'Hotels you may like' carousel: LambdaMART trained on 300M searches"), "recommenderSystems")).toBe(true);
    expect(signal(work("Ranking models for the 'For You' feed"), "recommenderSystems")).toBe(true);
  });
});
