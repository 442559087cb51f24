/**
 * PDF → text with pdf-parse 2.x (pdf.js 5.4). pdf-parse's own getText() follows content-stream order, which
 * mixes columns when a builder interleaves them, so text is rebuilt from pdf.js text items and their positions
 * (see pdf-layout.ts). getText() remains the fallback if pdf-parse's internals ever change shape.
 *
 * Cost, per page: one getTextContent (what getText itself does). The operator list (render mode and fill
 * colour, for hidden text) runs only where a scan of the file's streams says it may matter (pdf-content-scan.ts).
 */
import { DocumentError } from "./errors.ts";
import type { ParseLimits } from "./limits.ts";
import { scanContent, type ContentScan } from "./pdf-content-scan.ts";
import { classifyItems, hiddenTextWarning, type Classified, type OperatorList } from "./pdf-hidden.ts";
import { layoutPage, type PositionedText } from "./pdf-layout.ts";
import { PDFParse, restoreNativeBuiltins } from "./pdfjs.ts";
import { withTimeout } from "./timeout.ts";

export interface PdfText {
  /** One string per page, in page order. */
  pages: string[];
  warnings: string[];
}

/** The slice of the pdf.js API used here, typed structurally so pdfjs-dist need not be a direct dependency. */
interface PdfJsTextItem {
  str?: unknown;
  transform?: unknown;
  width?: unknown;
  height?: unknown;
}
interface PdfJsPage {
  getTextContent(): Promise<{ items: PdfJsTextItem[] }>;
  getOperatorList?(): Promise<OperatorList>;
  view?: number[];
  getViewport(params: { scale: number }): { width: number };
  cleanup(): unknown;
}
interface PdfJsDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfJsPage>;
}

export async function extractPdf(bytes: Uint8Array, fileName: string, limits: ParseLimits): Promise<PdfText> {
  // pdf.js takes ownership of (and may detach) the array it is given; pass a copy so the caller can still hash it.
  const parser = new PDFParse({ data: bytes.slice() });
  try {
    return await withTimeout(run(parser, bytes, fileName, limits), limits.timeoutMs, fileName, () => void parser.destroy());
  } catch (e) {
    throw toDocumentError(e, fileName);
  } finally {
    await parser.destroy().catch(() => undefined);
    restoreNativeBuiltins();
  }
}

async function run(parser: PDFParse, bytes: Uint8Array, fileName: string, limits: ParseLimits): Promise<PdfText> {
  // Loading reads only the document structure (xref, page tree), so the page count is known before any text
  // work. pdf-parse's load() and `doc` are private; getInfo() (which also reads metadata and outline, and then
  // keeps the document in `doc`) is the fallback.
  const internals = parser as unknown as { load?: () => Promise<Partial<PdfJsDocument>>; doc?: Partial<PdfJsDocument> };
  let doc = typeof internals.load === "function" ? await internals.load() : undefined;
  const total = typeof doc?.numPages === "number" ? doc.numPages : (await parser.getInfo()).total;
  doc ??= internals.doc;
  if (total > limits.maxPages) {
    throw new DocumentError("too_many_pages", fileName, `the PDF has ${total} pages (limit ${limits.maxPages})`);
  }
  if (doc && typeof doc.getPage === "function" && typeof doc.numPages === "number") {
    return layoutPages(doc as PdfJsDocument, scanContent(bytes), fileName, Date.now() + limits.timeoutMs);
  }
  const result = await parser.getText({ pageJoiner: "" });
  return {
    pages: result.pages.map((p) => p.text),
    warnings: [`layout_fallback: ${fileName} read in content-stream order; columns may be mixed`],
  };
}

/**
 * pdf.js without a worker thread resolves through microtasks, so a setTimeout-based race may never get to run;
 * the deadline is therefore also checked between pages (cooperative, page granularity).
 */
async function layoutPages(doc: PdfJsDocument, scan: ContentScan, fileName: string, deadline: number): Promise<PdfText> {
  const pages: string[] = [];
  const hidden: Classified["hidden"] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    if (Date.now() > deadline) throw new DocumentError("timeout", fileName, `reading the PDF took too long (stopped at page ${n})`);
    const page = await doc.getPage(n);
    try {
      const { items } = await page.getTextContent();
      // Hidden text (invisible, white, tiny, off-page) never reaches the layout, so no signal can read it.
      const view = Array.isArray(page.view) ? page.view : [];
      const needsOps = scan.mayHide || reachesOffPage(scan, view);
      const ops = needsOps && typeof page.getOperatorList === "function" ? await page.getOperatorList() : undefined;
      const split = classifyItems(items.flatMap(toPositioned), view, ops);
      hidden.push(...split.hidden);
      pages.push(layoutPage(split.visible, page.getViewport({ scale: 1 }).width));
    } finally {
      page.cleanup();
    }
  }
  const warning = hiddenTextWarning(fileName, hidden);
  return { pages, warnings: warning ? [warning] : [] };
}

/**
 * Text pdf.js drops because it lies outside the page box is reported from the operator list only. A line
 * starting beyond an edge calls for it (a line starting left of the box may still run into it: a page width).
 */
function reachesOffPage(scan: ContentScan, view: number[]): boolean {
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = view;
  const { maxX, maxY, minX, minY } = scan.reach;
  return maxX > x1 || maxY > y1 || minX < x0 - (x1 - x0) || minY < y0;
}

/** pdf.js items carry [a, b, c, d, e, f] with (e, f) the baseline origin; marked-content items have no `str`. */
function toPositioned(item: PdfJsTextItem): PositionedText[] {
  if (typeof item.str !== "string" || !Array.isArray(item.transform)) return [];
  const [a, b, , d, e, f] = item.transform as number[];
  const h = typeof item.height === "number" && item.height > 0 ? item.height : Math.hypot(a ?? 0, b ?? 0) || Math.abs(d ?? 0);
  return [{ str: item.str, x: e ?? 0, y: f ?? 0, w: typeof item.width === "number" ? item.width : 0, h }];
}

/** pdf-parse re-creates pdf.js exceptions by name; match on the name so module identity does not matter. */
function toDocumentError(e: unknown, fileName: string): DocumentError {
  if (e instanceof DocumentError) return e;
  const name = e instanceof Error ? e.name : "";
  if (name === "PasswordException") return new DocumentError("encrypted", fileName, undefined, { cause: e });
  // InvalidPDFException, FormatError, UnknownErrorException and anything unexpected: the file cannot be read.
  return new DocumentError("corrupt", fileName, "the PDF is damaged or not a valid PDF", { cause: e });
}
