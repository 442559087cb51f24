import { describe, expect, it } from "vitest";
import { detectSignal, type TopicSignal } from "../../../src/extract/signals.ts";
import { extractLanguages } from "../../../src/extract/skills.ts";
import { prepare } from "./helpers.ts";

const signal = (text: string, s: TopicSignal) => detectSignal(prepare(text), s);

describe("traps stay false, real evidence turns true", () => {
  it.each<[TopicSignal, string, string]>([
    [
      "recommenderSystems",
      "Experience\nSales Associate, Macy's  2020 – 2022\n- Recommendation letters available upon request\n- Received a recommendation from the store manager",
      "Experience\nML Intern, Spotify  2023 – 2024\n- Built a music recommendation engine with collaborative filtering",
    ],
    [
      "machineLearning",
      "Experience\nMachinist, Acme Corp  2018 – 2022\n- Ran the machine shop; CNC machine operation and learning new tools",
      "Experience\nResearch Assistant  2021 – Present\n- Trained neural networks for machine learning on graphs",
    ],
    [
      "dataMining",
      "Experience\nGeologist, Rio Tinto  2015 – 2020\n- Coal mining site surveys; managed a Kubernetes cluster",
      "Projects\n- Frequent itemset mining and association rules over retail baskets",
    ],
    [
      "dataStructuresAlgorithms",
      "Experience\nCashier  2019 – 2020\n- Followed store procedures",
      // (A coursework list alone is no longer evidence: eleventh-twelfth-generalisation.test.ts.)
      "Projects\n- Implemented a segment tree and Dijkstra's algorithm in C++ for a routing service",
    ],
  ])("%s", (s, trap, real) => {
    expect(signal(trap, s).value).toBe(false);
    expect(signal(trap + "\n\n" + real, s).value).toBe(true);
    expect(signal(trap + "\n\n" + real, s).evidence.length).toBeGreaterThan(0);
  });

  it("recommender matches across word forms", () => {
    for (const w of ["recommender systems", "recommendation systems", "Recommender", "personalized recommendations"]) {
      expect(signal(`Research\n- Worked on ${w} for e-commerce`, "recommenderSystems").value).toBe(true);
    }
  });

  it("respects word boundaries (ML not inside HTML)", () => {
    expect(signal("Projects\n- Wrote HTML and XML pages", "machineLearning").value).toBe(false);
    expect(signal("Projects\n- Built an ML pipeline", "machineLearning").value).toBe(true);
  });
});

describe("skills-only rule", () => {
  it("a Skills line alone does not make a topical signal true", () => {
    const skillsOnly = "Jane Doe\n\nSkills\nMachine Learning, Deep Learning, Recommender Systems, Data Mining, Algorithms";
    for (const s of ["machineLearning", "recommenderSystems", "dataMining", "dataStructuresAlgorithms"] as const) {
      expect(signal(skillsOnly, s).value).toBe(false);
    }
  });
  it("a Skills line plus project evidence is true and cites both", () => {
    const r = signal("Skills\nMachine Learning, PyTorch\n\nProjects\n- Image classifier with a CNN", "machineLearning");
    expect(r.value).toBe(true);
    expect(r.evidence.length).toBe(2);
  });
  it("summary self-description is weak too", () => {
    expect(signal("Summary\nPassionate about machine learning\n\nExperience\nBarista 2020 – 2021", "machineLearning").value).toBe(false);
  });
});

describe("programming languages", () => {
  const langs = (text: string) => extractLanguages(prepare(text)).names;
  it("canonicalises and keeps list-context ambiguity rules", () => {
    expect(langs("Skills\nPython, C++, Java, C, Go, R, MATLAB")).toEqual(["Python", "Java", "C++", "Go", "C", "R", "MATLAB"]);
    expect(langs("Skills: JavaScript; TypeScript; C#").sort()).toEqual(["C#", "JavaScript", "TypeScript"]);
  });
  it("does not read initials or English words as languages", () => {
    expect(langs("Experience\nIntern 2020 – 2021\n- Worked with John C. Smith to go to market with a ruby red product")).toEqual([]);
  });
});
