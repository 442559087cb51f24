import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../src/parse/index.ts";
import { findGutter, layoutPage, type PositionedText } from "../../../src/parse/pdf-layout.ts";
import { FIXTURE_RESUMES, type FixtureResume } from "../../fixtures/corpus.ts";
import { renderFixture } from "../../fixtures/render.ts";
import { expectedLine, flat } from "./helpers.ts";

const twoColumn = FIXTURE_RESUMES.filter((f) => f.layout === "two-column");
const sidebarLines = (f: FixtureResume) => (f.sidebar ?? []).flatMap((s) => [s.heading, ...s.lines]).map(expectedLine);
const mainLines = (f: FixtureResume) => f.sections.flatMap((s) => [s.heading, ...s.lines]).map(expectedLine);

/** Positions of each line in the text; -1 when missing. */
function positions(text: string, lines: string[]): number[] {
  return lines.map((l) => text.indexOf(l));
}

describe("two-column PDFs", () => {
  it("the corpus has interleaved and in-order two-column PDFs", () => {
    expect(twoColumn.some((f) => f.interleaved)).toBe(true);
    expect(twoColumn.some((f) => !f.interleaved)).toBe(true);
  });

  it.each(twoColumn.map((f) => [`${f.slug}${f.interleaved ? " (interleaved stream)" : ""}`, f] as const))(
    "%s: sidebar lines contiguous, then main-column lines contiguous",
    async (_label, f) => {
      const doc = await readDocument(await renderFixture(f), `${f.slug}.pdf`);
      const text = flat(doc.text);
      const side = positions(text, sidebarLines(f));
      const main = positions(text, mainLines(f));
      expect(side).not.toContain(-1);
      expect(main).not.toContain(-1);
      expect(side).toEqual([...side].sort((a, b) => a - b)); // sidebar in reading order
      expect(main).toEqual([...main].sort((a, b) => a - b)); // main column in reading order
      expect(Math.max(...side)).toBeLessThan(Math.min(...main)); // no main line inside the sidebar run
    },
  );

  it("control: pdf-parse's own getText() mixes the columns of the interleaved fixture", async () => {
    const f = twoColumn.find((x) => x.interleaved)!;
    const parser = new PDFParse({ data: await renderFixture(f) });
    try {
      const plain = flat((await parser.getText()).text);
      const side = positions(plain, sidebarLines(f)).filter((p) => p >= 0);
      const main = positions(plain, mainLines(f)).filter((p) => p >= 0);
      // In content-stream order at least one main-column line comes before the last sidebar line.
      expect(Math.min(...main)).toBeLessThan(Math.max(...side));
    } finally {
      await parser.destroy();
    }
  });
});

describe("layoutPage (synthetic items)", () => {
  const item = (str: string, x: number, y: number, w = str.length * 5, h = 10): PositionedText => ({ str, x, y, w, h });

  it("groups items on one baseline and inserts spaces for positioned gaps", () => {
    expect(layoutPage([item("World", 100, 700), item("Hello", 40, 700, 30)], 612)).toBe("Hello World");
  });

  it("puts a blank line where the vertical gap is large", () => {
    const text = layoutPage([item("A", 40, 700), item("B", 40, 688), item("C", 40, 640)], 612);
    expect(text).toBe("A\nB\n\nC");
  });

  it("emits a left column then a right column, and keeps a full-width header first", () => {
    const items = [item("Full Width Name Banner Across The Whole Page", 40, 760, 500)];
    for (let i = 0; i < 6; i++) {
      // Different leading in each column, as in real sidebar layouts.
      items.push(item(`left ${i} skill`, 40, 700 - i * 11, 120), item(`right ${i} experience line with words`, 250, 702 - i * 13, 300));
    }
    const text = layoutPage(items, 612);
    const lines = text.split("\n").filter(Boolean);
    expect(lines[0]).toBe("Full Width Name Banner Across The Whole Page");
    expect(lines.slice(1, 7)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `left ${i} skill`));
    expect(lines.slice(7)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `right ${i} experience line with words`));
  });

  it("does not split a one-column page that has right-aligned dates", () => {
    const items: PositionedText[] = [];
    for (let i = 0; i < 8; i++) {
      items.push(item(`Job title number ${i} at a company with a long description of the work done`, 50, 700 - i * 24, 380));
      items.push(item("2019 – 2023", 500, 700 - i * 24, 60));
      items.push(item(`- bullet text describing achievement ${i} in detail across the page width`, 50, 688 - i * 24, 470));
    }
    expect(findGutter(items, 612)).toBeNull();
    expect(layoutPage(items, 612).split("\n")[0]).toBe("Job title number 0 at a company with a long description of the work done 2019 – 2023");
  });

  it("splits off a narrow right sidebar with little text when its baselines do not line up with the main column", () => {
    const items: PositionedText[] = [item("Jane Example", 40, 760, 100), item("jane@example.com", 480, 760, 90)];
    for (let i = 0; i < 12; i++) items.push(item(`main column sentence number ${i} with quite a lot of words in it`, 40, 700 - i * 13, 380));
    for (let i = 0; i < 5; i++) items.push(item(`Skill${i}`, 470, 695 - i * 17.5, 40));
    const lines = layoutPage(items, 612).split("\n").filter(Boolean);
    expect(lines.slice(-5)).toEqual([0, 1, 2, 3, 4].map((i) => `Skill${i}`));
    expect(lines[1]).toBe("main column sentence number 0 with quite a lot of words in it");
  });

  it("keeps exactly aligned rows as rows (a table, or entries with their places and dates)", () => {
    const items: PositionedText[] = [];
    for (let i = 0; i < 6; i++) items.push(item(`Entry ${i} title`, 40, 700 - i * 12, 120), item(`City ${i}, 2019 – 2023`, 400, 700 - i * 12, 150));
    expect(findGutter(items, 612)).toBeNull();
    expect(layoutPage(items, 612).split("\n")[0]).toBe("Entry 0 title City 0, 2019 – 2023");
  });

  it("keeps runs on the baseline of a full-width row in that row", () => {
    const items: PositionedText[] = [item("contact line that spans the page", 40, 760, 400), item("github.com/x", 480, 760, 60)];
    for (let i = 0; i < 6; i++) items.push(item(`left ${i} skill`, 40, 700 - i * 11, 120), item(`right ${i} experience line with words`, 250, 702 - i * 13, 300));
    expect(layoutPage(items, 612).split("\n")[0]).toBe("contact line that spans the page github.com/x");
  });

  it("returns empty text for a page without text", () => {
    expect(layoutPage([item("  ", 40, 700)], 612)).toBe("");
  });
});
