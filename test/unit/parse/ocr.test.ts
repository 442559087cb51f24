/**
 * OCR of a scanned PDF (an image-only page). Skips cleanly without tesseract + pdftoppm
 * (Debian: apt-get install -y tesseract-ocr poppler-utils).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { extractProfile } from "../../../src/extract/index.ts";
import { readDocument } from "../../../src/parse/index.ts";
import { ocrAvailable, ocrPdf } from "../../../src/parse/ocr.ts";
import { hiddenTextPdf } from "../../fixtures/hidden-text.ts";
import { pdfToBytes } from "../../fixtures/render.ts";

const haveOcr = await ocrAvailable();

/** A "scan": the clean fixture rendered to a 300-dpi image, placed as the only content of a new PDF. */
async function scannedPdf(): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), "shortlist-scan-"));
  try {
    writeFileSync(path.join(dir, "in.pdf"), await hiddenTextPdf("none"));
    execFileSync("pdftoppm", ["-r", "300", "-gray", "-png", "-singlefile", path.join(dir, "in.pdf"), path.join(dir, "page")]);
    const doc = new PDFDocument({ size: "LETTER", margin: 0 });
    doc.image(readFileSync(path.join(dir, "page.png")), 0, 0, { width: 612, height: 792 });
    return await pdfToBytes(doc);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!haveOcr)("OCR of scanned PDFs (tesseract installed)", () => {
  it("the text layer is empty, OCR reads the page, fields come with the ocr_derived warning", async () => {
    const bytes = await scannedPdf();
    const doc = await readDocument(bytes, "scan.pdf");
    expect(doc.text).toBe("");
    expect(doc.warnings.some((w) => w.startsWith("no_text_layer"))).toBe(true);
    const ocr = await ocrPdf(bytes, "scan.pdf", { maxPages: 2 });
    expect(ocr.text).toMatch(/Northbrook University/);
    const p = extractProfile(ocr.text, "0".repeat(64), { today: "2025-11", warnings: ["ocr_derived: test"] });
    expect(p.highestDegree?.level).toBe("bachelors");
    expect(p.warnings).toContain("ocr_derived: test");
  }, 120_000);
});

describe("without a text layer nothing is invented", () => {
  it("an empty text layer gives an empty profile with the manual-review warning", async () => {
    const doc = new PDFDocument({ size: "LETTER" });
    doc.rect(100, 100, 200, 200).fill("#333333");
    const parsed = await readDocument(await pdfToBytes(doc), "blank-scan.pdf");
    const p = extractProfile(parsed.text, "0".repeat(64), { warnings: parsed.warnings });
    expect(parsed.text).toBe("");
    expect(p.highestDegree).toBeNull();
    expect(Object.values(p.signals).every((v) => !v)).toBe(true);
    expect(p.warnings.some((w) => w.startsWith("no_text_layer"))).toBe(true);
  });
});
