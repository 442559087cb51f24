import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ParsedDocument, readDocument } from "../../../src/parse/index.ts";
import { FIXTURE_RESUMES } from "../../fixtures/corpus.ts";
import { renderFixture } from "../../fixtures/render.ts";
import { expectedLine, flat } from "./helpers.ts";

const rendered = await Promise.all(FIXTURE_RESUMES.map(async (f) => ({ f, bytes: await renderFixture(f) })));

describe("readDocument on the fixture corpus", () => {
  it("covers all three formats and both PDF layouts", () => {
    const kinds = new Set(FIXTURE_RESUMES.map((f) => `${f.format}:${f.layout ?? ""}`));
    expect(kinds).toEqual(new Set(["pdf:single", "pdf:two-column", "docx:", "txt:"]));
    expect(FIXTURE_RESUMES.length).toBeGreaterThanOrEqual(24);
  });

  it.each(rendered.map((r) => [r.f.slug, r] as const))("%s: every line of the resume is in the text", async (_slug, { f, bytes }) => {
    const doc = await readDocument(bytes, `${f.slug}.${f.format}`);
    expect(ParsedDocument.parse(doc)).toEqual(doc);
    expect(doc.format).toBe(f.format);
    expect(doc.pages).toBe(1);
    expect(doc.warnings).toEqual([]);
    const text = flat(doc.text);
    for (const line of [...f.header, ...(f.sidebar ?? []), ...f.sections].flatMap((x) =>
      typeof x === "string" ? [x] : [x.heading, ...x.lines],
    )) {
      expect(text).toContain(expectedLine(line));
    }
    if (f.expected.email) expect(doc.text).toContain(f.expected.email);
  });

  it("keeps list bullets of PDFs and TXT as '- '", async () => {
    const kenji = rendered.find((r) => r.f.slug === "kenji-watanabe-ee-phd")!;
    const doc = await readDocument(kenji.bytes, "kenji.pdf");
    expect(doc.text).toMatch(/^- Deep learning for automotive radar/m);
  });

  it("does not detach or modify the caller's bytes (the resume id is hashed from them)", async () => {
    for (const { bytes } of rendered.filter((r) => r.f.format !== "txt").slice(0, 3)) {
      const before = createHash("sha256").update(bytes).digest("hex");
      await readDocument(bytes, "x");
      expect(bytes.byteLength).toBeGreaterThan(0);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(before);
    }
  });

  it("decodes the ﬁ ligature and CRLF / UTF-16 text files", async () => {
    const mai = rendered.find((r) => r.f.slug === "nguyen-thi-mai-ml-engineer")!;
    expect((await readDocument(mai.bytes, "mai.txt")).text).toContain("fine-tuned ranking models");
    const li = rendered.find((r) => r.f.txtEncoding === "utf8-crlf")!;
    expect((await readDocument(li.bytes, "li.txt")).text).not.toContain("\r");
    const utf16 = rendered.find((r) => r.f.txtEncoding === "utf16le-bom")!;
    expect((await readDocument(utf16.bytes, "u.txt")).text).toContain("Registered Nurse");
  });

  it("applies maxTextChars with a warning", async () => {
    const doc = await readDocument(new TextEncoder().encode("word ".repeat(100)), "long.txt", { maxTextChars: 50 });
    expect(doc.text.length).toBe(50);
    expect(doc.warnings).toEqual(["text_truncated: text cut to the first 50 characters"]);
  });
});
