import { describe, expect, it } from "vitest";
import { DocumentError } from "../../../src/parse/errors.ts";
import { readDocument } from "../../../src/parse/index.ts";
import { generateHostileFiles } from "../../fixtures/hostile.ts";

const files = await generateHostileFiles();

describe("hostile uploads", () => {
  it.each(files.filter((f) => f.kind === "error").map((f) => [f.name, f.expectedCode, f] as const))(
    "%s → DocumentError(%s)",
    async (name, code, f) => {
      const err = await readDocument(f.bytes, name).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(DocumentError);
      const de = err as DocumentError;
      expect(de.code).toBe(code);
      expect(de.retryable).toBe(false);
      expect(de.fileName).toBe(name);
      expect(de.message.startsWith(`${name}: `)).toBe(true);
    },
  );

  it.each(files.filter((f) => f.kind === "warning").map((f) => [f.name, f.expectedCode, f] as const))(
    "%s → succeeds with warning %s",
    async (name, code, f) => {
      const doc = await readDocument(f.bytes, name);
      expect(doc.warnings.some((w) => w.startsWith(`${code}: `))).toBe(true);
    },
  );

  it("a PDF without a text layer yields empty text, never invented text", async () => {
    const scanned = files.find((f) => f.name === "scanned.pdf")!;
    const doc = await readDocument(scanned.bytes, "scan.pdf");
    expect(doc.text).toBe("");
    expect(doc.warnings).toEqual(["no_text_layer: scan.pdf has no extractable text (scanned?); listed for manual review"]);
  });

  it("a 5 MB single line is cut to maxLineChars", async () => {
    const f = files.find((x) => x.name === "one-line.txt")!;
    const doc = await readDocument(f.bytes, f.name, { maxLineChars: 1000 });
    expect(doc.text.length).toBe(1000);
  });

  it("Latin-1 text is decoded, not mangled", async () => {
    const f = files.find((x) => x.name === "latin1.txt")!;
    expect((await readDocument(f.bytes, f.name)).text).toContain("José García");
  });

  it("the page limit is configurable", async () => {
    const f = files.find((x) => x.name === "many-pages.pdf")!;
    const doc = await readDocument(f.bytes, f.name, { maxPages: 50 });
    expect(doc.pages).toBe(40);
  });

  it("a pathological extraction times out as DocumentError(timeout)", async () => {
    const f = files.find((x) => x.name === "many-pages.pdf")!;
    await expect(readDocument(f.bytes, f.name, { maxPages: 50, timeoutMs: 1 })).rejects.toMatchObject({ code: "timeout" });
  });

  it("error messages do not quote document content", async () => {
    const f = files.find((x) => x.name === "broken-body.docx")!;
    const err = (await readDocument(f.bytes, f.name).catch((e: unknown) => e)) as DocumentError;
    expect(err.message).not.toMatch(/w:body|xmldom/);
  });
});
