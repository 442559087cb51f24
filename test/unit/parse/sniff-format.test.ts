import { describe, expect, it } from "vitest";
import { DocumentError } from "../../../src/parse/errors.ts";
import { sniffFormat } from "../../../src/parse/sniff-format.ts";
import { makeZip } from "../../fixtures/zip-writer.ts";

const enc = (s: string) => new TextEncoder().encode(s);

describe("sniffFormat", () => {
  it.each([
    ["PDF header", enc("%PDF-1.7\n%\xff\n1 0 obj"), "resume.txt", "pdf"],
    ["PDF header after junk", enc("\n\n  %PDF-1.4\n"), "resume", "pdf"],
    ["zip with word/document.xml", makeZip([{ name: "word/document.xml", data: enc("<x/>") }]), "cv.pdf", "docx"],
    ["UTF-8 text", enc("Jane Doe\nPh.D. candidate — Computer Science\n"), "cv.pdf", "txt"],
    ["UTF-8 with BOM", enc("\ufeffJane Doe\n"), "cv", "txt"],
    ["UTF-16LE with BOM", new Uint8Array([0xff, 0xfe, ...Buffer.from("Jane Doe\r\n", "utf16le")]), "cv.txt", "txt"],
    ["UTF-16BE with BOM", new Uint8Array([0xfe, 0xff, 0x00, 0x4a, 0x00, 0x61, 0x00, 0x6e, 0x00, 0x65]), "cv.txt", "txt"],
    ["Latin-1 text", new Uint8Array(Buffer.from("José García, Córdoba\n", "latin1")), "cv.txt", "txt"],
  ] as const)("%s → %s", (_label, bytes, name, expected) => {
    expect(sniffFormat(bytes, name)).toBe(expected);
  });

  it.each([
    ["zip without word/document.xml", makeZip([{ name: "a.txt", data: enc("a") }]), "unsupported_format"],
    ["truncated zip", makeZip([{ name: "word/document.xml", data: enc("<x/>") }]).slice(0, 30), "corrupt"],
    ["OLE2 .doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "unsupported_format"],
    ["PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]), "unsupported_format"],
    ["binary with NULs", new Uint8Array([65, 66, 0, 67, 68]), "unsupported_format"],
    ["empty", new Uint8Array(0), "empty"],
  ] as const)("%s → DocumentError(%s)", (_label, bytes, code) => {
    const err = (() => {
      try {
        sniffFormat(bytes, "upload.docx");
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as DocumentError).code).toBe(code);
    expect((err as DocumentError).message).toMatch(/^upload\.docx: /);
  });

  it("ignores the extension: a .pdf that is text is text", () => {
    expect(sniffFormat(enc("plain words"), "resume.pdf")).toBe("txt");
  });
});
