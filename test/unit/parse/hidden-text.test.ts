import { describe, expect, it } from "vitest";
import { readDocument } from "../../../src/parse/index.ts";
import { classifyItems, glyphRuns } from "../../../src/parse/pdf-hidden.ts";
import { hiddenTextPdf, type HiddenTrick } from "../../fixtures/hidden-text.ts";

describe("hidden text in PDFs", () => {
  it.each<[HiddenTrick, string]>([
    ["invisible", "invisible"], ["white", "background colour"], ["tiny", "tiny font"], ["off_page", "off page"],
  ])("%s text is left out of the text and flagged", async (trick, reason) => {
    const doc = await readDocument(await hiddenTextPdf(trick), `${trick}.pdf`);
    expect(doc.text).toContain("Northbrook University");
    expect(doc.text).not.toMatch(/recommender|collaborative|data mining/i);
    const w = doc.warnings.find((x) => x.startsWith("hidden_text: "));
    expect(w).toContain(reason);
    expect(w).toContain(`${trick}.pdf`);
  });

  it("a clean PDF has no hidden_text warning and keeps all its text", async () => {
    const doc = await readDocument(await hiddenTextPdf("none"), "none.pdf");
    expect(doc.warnings.filter((w) => w.startsWith("hidden_text"))).toEqual([]);
    expect(doc.text).toContain("Trained new staff");
  });

  it("tracks render mode and fill colour through save/restore", () => {
    const ops = {
      fnArray: [10, 59, 44, 11, 44, 38, 44],
      argsArray: [[], ["#ffffff"], [[{ unicode: "W" }]], [], [[{ unicode: "B" }]], [3], [[{ unicode: "I" }]]],
    };
    expect(glyphRuns(ops).map((r) => [r.text, r.reason])).toEqual([["W", "background_colour"], ["B", null], ["I", "invisible"]]);
    const item = (str: string, x = 50, y = 700, h = 10) => ({ str, x, y, w: 20, h });
    const split = classifyItems([item("W"), item("B"), item("I"), item("small", 50, 600, 1), item("far", 900)], [0, 0, 612, 792], ops);
    expect(split.visible.map((i) => i.str)).toEqual(["B"]);
    expect(split.hidden.map((h) => h.reason)).toEqual(["background_colour", "invisible", "tiny_font", "off_page"]);
  });
});
