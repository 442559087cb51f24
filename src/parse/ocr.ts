/**
 * OCR for scanned PDFs (no text layer): `pdftoppm -r 300 -gray` renders each page, `tesseract` reads it.
 * Both are Debian packages (poppler-utils, tesseract-ocr) run as child processes; when either is missing,
 * ocrAvailable() is false and the resume stays on manual review (the parse stage's no_text_layer warning).
 * A page costs seconds (perf-facts: ~1 s render + 2.6–4 s OCR per page with OMP_THREAD_LIMIT=1; tesseract's
 * own threads on 2 cores are SLOWER), so this runs only from the low-priority `ocr` queue, one page at a time.
 * OCR text is never mixed with a text layer and never invented: an empty OCR result stays empty.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DocumentError } from "./errors.ts";
import { normalizeText } from "./normalize-text.ts";

const run = promisify(execFile);
let available: Promise<boolean> | undefined;

/** Whether both binaries answer (checked once per process). */
export function ocrAvailable(): Promise<boolean> {
  available ??= Promise.all([run("tesseract", ["--version"]), run("pdftoppm", ["-v"])]).then(() => true, () => false);
  return available;
}

export interface OcrOptions {
  maxPages: number;
  /** Per page, render + OCR. */
  pageTimeoutMs?: number;
}

export async function ocrPdf(bytes: Uint8Array, fileName: string, options: OcrOptions): Promise<{ text: string; pages: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), "shortlist-ocr-"));
  const timeout = options.pageTimeoutMs ?? 60_000;
  // One thread per process: run one OCR worker per core instead.
  const env = { ...process.env, OMP_THREAD_LIMIT: "1" };
  try {
    const input = path.join(dir, "in.pdf");
    await writeFile(input, bytes);
    await run("pdftoppm", ["-r", "300", "-gray", "-png", "-l", String(options.maxPages), input, path.join(dir, "page")], {
      timeout: timeout * options.maxPages, env,
    });
    const images = (await readdir(dir)).filter((f) => f.endsWith(".png")).sort();
    const texts: string[] = [];
    for (const image of images) {
      const { stdout } = await run("tesseract", [path.join(dir, image), "stdout", "-l", "eng"], { timeout, env, maxBuffer: 8 << 20 });
      texts.push(stdout);
    }
    return { text: normalizeText(texts.join("\n\n")), pages: images.length };
  } catch (e) {
    throw new DocumentError("corrupt", fileName, `OCR failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`, { cause: e });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
