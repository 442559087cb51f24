/**
 * pdf-parse, loaded so that it does not slow the rest of the process down.
 *
 * pdf-parse imports pdf.js's "legacy" build, whose bundled core-js replaces `Array.prototype.push` for the
 * whole realm with a JavaScript polyfill (V8 fails one of core-js's edge-case checks, an array-like with
 * length 2^32). Every `push` in the thread — pdf.js's own, the layout's, the extractor's — then runs through
 * it (≈ 3% of a getText, measured in separate processes). The native `push` is put back once pdf-parse is
 * loaded, and again after each document in case pdf.js's worker module installs the polyfill when it is
 * first imported. The other things core-js adds (Set methods, Promise.try, Uint8Array base64, …) are
 * additions, not replacements, and stay.
 */
import type * as PdfParseModule from "pdf-parse";

const nativePush = Array.prototype.push;
const pdfParse: typeof PdfParseModule = await import("pdf-parse");
restoreNativeBuiltins();

export const { PDFParse } = pdfParse;
export type PDFParse = PdfParseModule.PDFParse;

export function restoreNativeBuiltins(): void {
  if (Array.prototype.push !== nativePush) Array.prototype.push = nativePush;
}
