import { describe, expect, it } from "vitest";
import { fieldOf, findDegrees } from "../../../src/extract/degrees.ts";
import { fieldRelatedness } from "../../../src/extract/field-relatedness.ts";

const first = (line: string) => {
  const d = findDegrees(line)[0];
  return d ? { level: d.level, field: fieldOf(line, d), inProgress: d.inProgress } : null;
};

describe("findDegrees", () => {
  it.each([
    ["Ph.D. in Computer Science", "phd", "Computer Science"],
    ["PhD, Statistics", "phd", "Statistics"],
    ["Computer Science, PhD", "phd", "Computer Science"],
    ["Doctor of Philosophy in Statistics", "phd", "Statistics"],
    ["Doctoral Student in Machine Learning", "phd", "Machine Learning"],
    ["M.Sc. in Data Science", "masters", "Data Science"],
    ["MS in CS (Expected 2026)", "masters", "CS"],
    ["M.S. Electrical Engineering | 2019 – 2021", "masters", "Electrical Engineering"],
    ["M.Eng. Computer Engineering", "masters", "Computer Engineering"],
    ["MASc Mechanical Engineering", "masters", "Mechanical Engineering"],
    ["MPhil in Economics", "masters", "Economics"],
    ["Master of Business Administration (MBA), 2018", "masters", "Business Administration"],
    ["MBA, Harvard Business School", "masters", "Business Administration"],
    ["Dipl.-Ing. Maschinenbau, TU München", "masters", "Maschinenbau"],
    ["B.Tech in Computer Science and Engineering, IIT Bombay", "bachelors", "Computer Science and Engineering"],
    ["B.E. in Electronics", "bachelors", "Electronics"],
    ["B.S. in Mathematics, 2017 – 2021", "bachelors", "Mathematics"],
    ["BSc (Hons) Physics", "bachelors", "Physics"],
    ["B.A. Mathematics", "bachelors", "Mathematics"],
    ["Bachelor of Science in Statistics, May 2020", "bachelors", "Statistics"],
    ["Associate of Science in Biology", "associate", "Biology"],
    ["High School Diploma, Lincoln High School", "secondary", null],
  ])("%s", (line, level, field) => {
    expect(first(line)).toMatchObject({ level, field });
  });

  it("marks PhD Candidate and ABD as in progress", () => {
    expect(first("PhD Candidate, Computer Science")).toEqual({ level: "phd", field: "Computer Science", inProgress: true });
    expect(first("ABD, Department of Physics")).toEqual({ level: "phd", field: "Physics", inProgress: true });
  });

  it.each(["Proficient in MS Office and MS Excel", "University of Mississippi, Oxford, MS", "Boston, MA", "I want to BE the best"])(
    "no degree in %s",
    (line) => expect(findDegrees(line)).toEqual([]),
  );
});

describe("fieldRelatedness", () => {
  it("orders CS > Stats > Physics > Biology > Business", () => {
    const order = ["Computer Science", "Statistics", "Physics", "Biology", "Business Administration"].map(fieldRelatedness);
    for (let i = 1; i < order.length; i++) expect(order[i - 1]!).toBeGreaterThan(order[i]!);
  });
  it.each([
    ["Computer Science", 1], ["Software Engineering", 1], ["Data Science", 1], ["CS", 1],
    ["Electrical and Computer Engineering", 0.8], ["Applied Mathematics", 0.8], ["Operations Research", 0.8],
    ["Computational Biology", 0.8], ["Business Administration", 0.05], ["Political Science", 0.05],
  ])("%s = %d", (f, v) => expect(fieldRelatedness(f)).toBeCloseTo(v));
  it("grades the middle and bottom", () => {
    expect(fieldRelatedness("Mechanical Engineering")).toBeGreaterThanOrEqual(0.5);
    expect(fieldRelatedness("Mechanical Engineering")).toBeLessThanOrEqual(0.6);
    expect(fieldRelatedness("Economics")).toBeLessThan(0.7);
    expect(fieldRelatedness(null)).toBe(0);
    expect(fieldRelatedness("")).toBe(0);
    expect(fieldRelatedness("Basket Weaving")).toBeLessThan(0.3);
  });
});
