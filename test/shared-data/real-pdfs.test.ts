/**
 * Every real PDF in ../shared/data/resumes-pdf parses without error and has sections found; the labelled
 * loaders read their sources. Skips cleanly when the shared data is absent. Parse time is measured by
 * `npm run eval:extraction -- --timings`, not asserted here (speed belongs to benchmarks).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractProfile } from "../../src/extract/index.ts";
import { splitLines } from "../../src/extract/lines.ts";
import { sectionize } from "../../src/extract/sections.ts";
import { readDocument } from "../../src/parse/index.ts";
import { listResumePdfs, loadRendercv, naukriTruth, rendercvTruth } from "./labelled.ts";

const pdfs = await listResumePdfs();

describe.skipIf(pdfs.length === 0)("real PDFs in shared/data/resumes-pdf", () => {
  it.each(pdfs.map((f) => [path.basename(f), f] as const))("%s parses, with sections found", async (_name, file) => {
    const doc = await readDocument(new Uint8Array(readFileSync(file)), path.basename(file));
    expect(doc.text.length).toBeGreaterThan(200);
    const headings = sectionize(splitLines(doc.text)).filter((l) => l.heading);
    // One Spanish CV (Peru) uses headings outside our English vocabulary; every other file has several.
    if (!/CV_1_1_1_1_/.test(file)) expect(new Set(headings.map((h) => h.section)).size).toBeGreaterThanOrEqual(2);
    const p = extractProfile(doc.text, "0".repeat(64), { warnings: doc.warnings });
    for (const e of p.evidence) expect(doc.text.slice(e.start, e.end)).toBe(e.text);
  });
});

describe.skipIf(pdfs.length === 0)("labelled-data loaders", () => {
  it("RenderCV YAML gives the CV's degree, graduation, publications and e-mail", async () => {
    const docs = await loadRendercv();
    expect(docs.length).toBeGreaterThan(0);
    expect(docs[0]!.truth).toMatchObject({ level: "phd", status: "completed", field: "Computer Science", graduation: "2023-05", email: "john.doe@email.com" });
    expect(docs[0]!.truth.publications).toBeGreaterThan(0);
  });
});

describe("silver-label parsers", () => {
  it("reads Naukri's Highest Degree form field", () => {
    expect(naukriTruth("Highest Degree: B.Tech/B.E. [INFORMATION SCIENCE]\n")).toEqual({ level: "bachelors", field: "INFORMATION SCIENCE" });
    expect(naukriTruth("Highest Degree: MS/M.Sc(Science) [Chemistry]")).toEqual({ level: "masters", field: "Chemistry" });
    expect(naukriTruth("no form here")).toBeNull();
  });
  it("reads a RenderCV-shaped YAML", () => {
    const yaml = "cv:\n  email: a@b.co\n  sections:\n    education:\n      - institution: X\n        area: Physics\n        degree: MS\n        end_date: 2020-06\n    publications:\n      - title: A\n      - title: B\n    skills:\n      - x\n";
    expect(rendercvTruth(yaml)).toEqual({ email: "a@b.co", level: "masters", status: "completed", field: "Physics", graduation: "2020-06", publications: 2 });
  });
});
