/**
 * Rules added after the thirteenth and fourteenth fixture sets (test/fixtures/corpus-thirteenth.ts,
 * corpus-fourteenth.ts) showed where extraction still did not generalise: the field after a gloss ("Doctorate (Dr. rer.
 * nat.) in …"), after a year and a dash ("PhD, 2014 — Computer Science") or on the line below a bare degree line
 * ("PhD, 2013" / "Electrical Engineering"); an unfinished programme whose note a PDF wrapped; academic-year ranges
 * ("2015/16 - 2018/19"); "expected to start July 2026"; arXiv-id preprints, "Workshop Papers" and "Theses" headings,
 * sub-headed paper lists wrapped by a PDF; "Recommendations" (testimonials) as a heading; market-basket analysis as data
 * mining; "e-commerce recommendations" ending an entry; "firmware in C" and "all code in PyTorch" as programming.
 * Each test fails on the extractor before that round, except the guards that say what must stay as it was.
 */
import { describe, expect, it } from "vitest";
import { extractAvailability } from "../../../src/extract/availability.ts";
import { scanDates } from "../../../src/extract/dates.ts";
import { fieldOf, findDegrees } from "../../../src/extract/degrees.ts";
import { extractEducation } from "../../../src/extract/education.ts";
import { splitLines } from "../../../src/extract/lines.ts";
import { extractPublications } from "../../../src/extract/publications.ts";
import { headingOf } from "../../../src/extract/sections.ts";
import { detectSignal } from "../../../src/extract/signals.ts";
import { extractLanguages, pythonByFramework } from "../../../src/extract/skills.ts";
import { prepare } from "./helpers.ts";

const line = (text: string) => splitLines(text)[0]!;
const field = (text: string) => {
  const d = findDegrees(text)[0];
  return d ? fieldOf(text, d) : undefined;
};
const educationAll = (body: string) => extractEducation(prepare(`Jo\n\nEducation\n${body}\n`), "2025-11", false).map((e) => e.education);
const education = (body: string) => educationAll(body)[0]!;
const signal = (text: string, s: Parameters<typeof detectSignal>[1]) => detectSignal(prepare(text), s).value;
const pubs = (text: string) => extractPublications(prepare(text)).count;
const available = (text: string) => extractAvailability(prepare(text), "2025-11").availableFrom;
const spans = (text: string) => scanDates(text).map((d) => [d.text, d.from, d.to, d.range]);

describe("degree fields", () => {
  it("reads the field after a German faculty doctorate in parentheses", () => {
    expect(field("Doctorate (Dr. rer. nat.) in Biophysics — summa cum laude — 2014")).toBe("Biophysics");
  });

  it("reads the field after the year and a dash", () => {
    expect(field("PhD, 2014 — Computer Science, University of Greyholme")).toBe("Computer Science");
    expect(field("PhD, 2016 — Applied Mathematics — UNIVERSITY OF KILIMANI")).toBe("Applied Mathematics");
  });

  it("guard: a year range then the institution gives no field", () => {
    expect(field("PhD, 2014 - 2018, University of Greyholme")).toBeNull();
  });

  it("reads the field from the line below a degree line that holds only its date, gloss and honours", () => {
    expect(education("PhD, 2013\nElectrical Engineering\nCalderwood Institute of Technology").field).toBe("Electrical Engineering");
    expect(education("Doctorate (Dr. rer. nat.) — summa cum laude — 2014\nMathematics, UNIVERSITÄT FELDMARK").field).toBe("Mathematics");
  });

  it("guard: an institution below, or a field on the degree's own line, is not read as the field below", () => {
    expect(education("PhD, 2013\nCalderwood Institute of Technology").field).toBeNull();
    expect(education("PhD in Physics, 2013\nElectrical Engineering").field).toBe("Physics");
  });
});

describe("education entries", () => {
  it("drops a programme left unfinished when a PDF wrapped its note inside the parenthesis", () => {
    const ed = educationAll("2011 - 2013 | CHALMERSBY UNIVERSITY | MSc Complex Adaptive Systems\n2013 - 2015 | CHALMERSBY UNIVERSITY | PhD studies, Physics (left for industry, not\ncompleted)");
    expect(ed.map((e) => e.level)).toEqual(["masters"]);
  });

  it("reads academic-year ranges to the end of the second year", () => {
    const ed = education("2015/16 - 2018/19\nDPhil in Sociology, University of Oxbridge Fen");
    expect(ed.graduation).toBe("2019-05");
  });
});

describe("dates", () => {
  it("reads '2015/16' as the academic year, September to May", () => {
    expect(spans("2015/16 - 2018/19")).toEqual([["2015/16 - 2018/19", "2015-09", "2019-05", true]]);
    expect(spans("MSc Machine Learning, 2014/15")).toEqual([["2014/15", "2014-09", "2015-05", false]]);
  });

  it("guard: '2011/12' stays December 2011, and a slash to a later non-consecutive year is the year alone", () => {
    expect(spans("2011/12")).toEqual([["2011/12", "2011-12", "2011-12", false]]);
    expect(spans("2019/21")).toEqual([["2019", "2019-09", "2019-05", false]]);
  });
});

describe("availability", () => {
  it("reads 'expected to start <date>'", () => {
    expect(available("Job Intention\nRecommendation algorithm engineer; expected to start July 2026")).toBe("2026-07");
  });
});

describe("headings", () => {
  it("knows 'Workshop Papers', 'Theses' and a testimonials section", () => {
    expect(headingOf(line("Workshop Papers"))?.kind).toBe("publications");
    expect(headingOf(line("Theses"))?.kind).toBe("other");
    expect(headingOf(line("Recommendations"))?.kind).toBe("other");
    expect(headingOf(line("Testimonials"))?.kind).toBe("other");
  });

  it("guard: a lower-case wrapped tail with a parenthetical is no heading; 'Thesis' is no heading", () => {
    expect(headingOf(line("recommendations (120M users)"))).toBeNull();
    expect(headingOf(line("Thesis"))).toBeNull();
  });
});

describe("publications", () => {
  it("counts a preprint cited by its arXiv id alone", () => {
    expect(pubs("Publications\nA. Whitlock et al. Learned track seeding. JINST 18 (2023).\nA. Whitlock. Fast inference for trigger systems. arXiv:2509.01234.")).toBe(2);
  });

  it("counts workshop papers under a 'Workshop Papers' heading", () => {
    expect(pubs("Education\nMSc Data Science, 2021\n\nWorkshop Papers\nB. O. Self-calibration from sparse views. CVPR Workshops 2018.\n\nPreprints\nB. O. Unbiased re-ranking. arXiv:2504.09876 (2025).")).toBe(2);
  });

  it("does not count a 'Theses' list, nor a 'Dissertation:' line among the papers", () => {
    expect(pubs("Journal Articles\nF. O. Spectral bounds. Random Structures & Algorithms 48 (2016).\n\nTheses\nDissertation: Random walks on sparse graphs (2014)\nDiplomarbeit: Percolation on lattices (2010)")).toBe(1);
    expect(pubs("Publications\nF. O. Spectral bounds. Random Structures & Algorithms 48 (2016).\nDissertation: Random walks on sparse graphs (2014)")).toBe(1);
  });

  it("counts every wrapped citation of lists set apart by sub-headings", () => {
    const text = [
      "Journal Articles",
      "Brandvold Y., Eide S. Succinct graphs for web-scale mining. VLDB Journal 30",
      "(2021).",
      "Brandvold Y. Local community detection revisited. Social Network Analysis and",
      "Mining 9 (2019).",
      "",
      "Refereed Conference Papers",
      "Brandvold Y., Sato H. Freshness-aware ranking for news. RecSys 2024.",
      "Sato H., Brandvold Y. Position bias in news feeds. WSDM 2023.",
      "",
      "Workshop Papers",
      "Brandvold Y. Editorial constraints in news recommenders. INRA Workshop 2022.",
    ].join("\n");
    expect(pubs(text)).toBe(5);
  });
});

describe("signals", () => {
  it("reads market-basket analysis and FP-growth as data mining", () => {
    expect(signal("Experience\n- Market-basket analysis with FP-growth on 200M transactions", "dataMining")).toBe(true);
  });

  it("reads a kind of recommendation that ends its entry, before a bullet", () => {
    expect(signal("Research\nDissertation research: assortment optimisation and ranking for e-commerce recommendations\n- Learned choice models", "recommenderSystems")).toBe(true);
  });

  it("guard: a product surface wrapped onto the next line still is no recommender work", () => {
    expect(signal("Experience\nUX Researcher: interviews about the home-screen recommendations\nUI with 40 participants", "recommenderSystems")).toBe(false);
  });

  it("reads an ambiguous language after a kind of code and 'in'", () => {
    expect(extractLanguages(prepare("Experience\n- FPGA design of the LDPC decoder in Verilog; bring-up firmware in C")).names).toEqual(["C"]);
    expect(extractLanguages(prepare("Research\n- Variational inference code in Julia")).names).toEqual(["Julia"]);
  });

  it("reads code or models written in PyTorch in a work line as Python in use", () => {
    expect(pythonByFramework(prepare("Research\n- Contrastive learning for sequential recommendation; all code in PyTorch"))).not.toBeNull();
    expect(pythonByFramework(prepare("Experience\n- Doubly robust estimators; neural propensity models in PyTorch"))).not.toBeNull();
  });

  it("guard: PyTorch in a skills list is no programming shown", () => {
    expect(pythonByFramework(prepare("Skills\nModels in PyTorch, TensorFlow"))).toBeNull();
  });
});
