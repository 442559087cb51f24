/**
 * A cheap look at a PDF's decoded streams, to skip pdf.js's operator list (≈ 0.8× a whole getText per
 * document) when no operator that can hide text is there. pdf-hidden.ts needs that list only for render
 * mode and fill colour; tiny fonts and partly-off-page runs are judged from the text items alone.
 *
 * The scan reads every stream in the file, whatever its dictionary claims (a content stream can be labelled
 * anything), and answers "may hide" whenever it is unsure: an encrypted file, a filter it cannot decode, a
 * large or TIFF-predicted stream, a fill colour in a colour space it cannot see. A "may hide" costs only time
 * (the full pass runs). Known limits: text drawn *off the page* through relative moves only is not seen (pdf.js
 * drops it from the text layer anyway, so it never reaches a signal; only the `hidden_text` warning misses
 * it); and a stream whose /Length is an indirect object this scan cannot see (inside an object stream) is
 * read up to the first "endstream", where pdf.js may read further.
 */
import zlib from "node:zlib";

export interface ContentScan {
  /** Some operator may make text invisible or page-coloured (render mode, near-white or unknown fill). */
  mayHide: boolean;
  /** Why, when mayHide: what the scan saw or could not read. */
  why?: string;
  /**
   * Extremes of where text lines start on the page (PDF units): the text matrix (Tm, Td, TD) through the
   * current transformation matrix (cm, q/Q), per stream. Forms are placed by their caller, so their lines
   * are only approximately placed; T* moves and glyph advances are not followed.
   */
  reach: { maxX: number; maxY: number; minX: number; minY: number };
}

/** Byte classes (a table: the scan visits every byte of every stream). */
const SPACE = 1;
const DELIMITER = 2; // whitespace counts as a delimiter too
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = SPACE | DELIMITER;
for (const c of "()<>[]{}/%") CLASS[c.charCodeAt(0)] = DELIMITER;
const isSpace = (c: number | undefined) => c !== undefined && (CLASS[c]! & SPACE) !== 0;
const isDelimiter = (c: number | undefined) => c !== undefined && (CLASS[c]! & DELIMITER) !== 0;
/** Filters whose output is image pixels, never operators: JPEG (lossy, so it cannot carry exact operator bytes). */
const PIXEL_ONLY = new Set(["/DCTDecode"]);
/** Decoded bytes read per file at most; a larger (or bomb-like) file gets the full pass instead. */
const MAX_DECODED_BYTES = 32 * 1024 * 1024;
/** PNG-predicted streams un-predicted here at most (icons); larger ones get the full pass. */
const MAX_PREDICTED_BYTES = 256 * 1024;
/** A fill component at or above this (0–1) may render within 0xF0 of white (pdf-hidden.ts `nearWhite`), with margin. */
const LIGHT = 0.9;
/** The same through an ICC profile, which may lighten a colour: a wider margin. */
const ICC_LIGHT = 0.75;
/** CMYK at or below this in every channel may be near white (pdf.js's CMYK→RGB; 0.075 measured, with margin). */
const CMYK_LIGHT = 0.1;

export function scanContent(bytes: Uint8Array): ContentScan {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = file.toString("latin1");
  const scan: ContentScan = { mayHide: false, reach: { maxX: -Infinity, maxY: -Infinity, minX: Infinity, minY: Infinity } };
  if (text.includes("/Encrypt")) return { ...scan, mayHide: true, why: "encrypted" };
  const named = new Map<string, FillSpace | null>();
  let budget = MAX_DECODED_BYTES;
  let multiStream: boolean | undefined; // some page may run several content streams in turn
  // pdf.js starts a stream's data after the end of the line holding the keyword.
  const streamStart = /(?<=[\0\t\n\f\r >])stream[^\r\n]*(?:\r\n|\r|\n)/g;
  let previousEnd = 0;
  for (let m = streamStart.exec(text); m !== null; m = streamStart.exec(text)) {
    const dict = text.slice(Math.max(text.lastIndexOf("obj", m.index), previousEnd), m.index);
    const start = m.index + m[0].length;
    const found = text.indexOf("endstream", start);
    // pdf.js trusts /Length when it is valid, so "endstream" inside the data does not end the stream for it.
    const length = streamLength(dict, text);
    const end = Math.min(text.length, Math.max(found < 0 ? text.length : found, length === null ? 0 : start + length));
    // The next stream is looked for from the first "endstream" on, in case /Length overshoots (pdf.js then
    // searches for "endstream" too): reading more than pdf.js does costs time only, less would not be safe.
    previousEnd = found < 0 ? text.length : found;
    streamStart.lastIndex = previousEnd;
    const data = decode(file.subarray(start, end), dict, budget);
    if (data === "pixels") continue;
    if (data !== null) budget -= data.length;
    if (data === null) return { ...scan, mayHide: true, why: `stream not decodable here: ${dict.replace(/\s+/g, " ").slice(0, 80)}` };
    multiStream ??= /\/Contents\s*\[/.test(text) || text.includes("/ObjStm");
    const why = scanOperators(data, text, scan, named, multiStream || /\/Subtype\s*\/Form/.test(dict));
    if (why !== null) return { ...scan, mayHide: true, why };
  }
  return scan;
}

/** A stream's /Length: a direct integer, or an uncompressed indirect one; null otherwise. */
function streamLength(dict: string, file: string): number | null {
  const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  if (direct) return Number(direct[1]);
  const ref = /\/Length\s+(\d+)\s+(\d+)\s+R/.exec(dict);
  const value = ref && new RegExp(`(?:^|[^\\d])${ref[1]}\\s+${ref[2]}\\s+obj\\s*(\\d+)\\s*endobj`).exec(file);
  return value ? Number(value[1]) : null;
}

/** The decoded stream, "pixels" for image-only data, null when it cannot be decoded here. */
function decode(raw: Buffer, dict: string, budget: number): Buffer | "pixels" | null {
  const filters = (/\/Filter\s*(\/[A-Za-z0-9]+|\[[^\]]*\])/.exec(dict)?.[1] ?? "").match(/\/[A-Za-z0-9]+/g) ?? [];
  if (filters.some((f) => PIXEL_ONLY.has(f))) return "pixels";
  if (filters.some((f) => f !== "/FlateDecode" && f !== "/Fl") || filters.length > 1) return null;
  // A predictor reorders bytes. Cross-reference streams are never drawn; small PNG-predicted streams (icons)
  // are un-predicted here as pdf.js would; larger ones, and TIFF predictors, get the full pass.
  const predictor = Number(/\/Predictor\s+(\d+)/.exec(dict)?.[1] ?? 1);
  const xref = /\/Type\s*\/XRef/.test(dict);
  if (predictor > 1 && !xref && (predictor < 10 || filters.length === 0)) return null;
  if (filters.length === 0) return raw.length <= budget ? raw : null;
  try {
    const inflated = zlib.inflateSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, budget) });
    if (predictor === 1 || xref) return inflated;
    return inflated.length <= MAX_PREDICTED_BYTES ? unpredictPng(inflated, dict) : null;
  } catch {
    return null;
  }
}

/** Undoes PNG row filters (predictors 10–15) as pdf.js does before reading a stream. */
function unpredictPng(data: Buffer, dict: string): Buffer {
  const param = (key: string, fallback: number) => Number(new RegExp(`/${key}\\s+(\\d+)`).exec(dict)?.[1] ?? fallback);
  const colors = param("Colors", 1);
  const bits = param("BitsPerComponent", 8);
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const row = Math.ceil((param("Columns", 1) * colors * bits) / 8);
  if (!(row > 0)) throw new Error("bad predictor parameters");
  const rows = Math.floor(data.length / (row + 1));
  const out = Buffer.alloc(rows * row);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (row + 1)]!;
    const src = r * (row + 1) + 1;
    const at = r * row;
    if (type > 4) throw new Error(`unknown PNG filter ${type}`);
    for (let x = 0; x < row; x++) {
      const left = x >= bpp ? out[at + x - bpp]! : 0;
      const up = r > 0 ? out[at - row + x]! : 0;
      const upLeft = r > 0 && x >= bpp ? out[at - row + x - bpp]! : 0;
      const p = left + up - upLeft;
      const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
      const base = [0, left, up, (left + up) >> 1, paeth][type]!;
      out[at + x] = (data[src + x]! + base) & 0xff;
    }
  }
  return out;
}

/**
 * Tokens that matter, left to right: a string, hex string or comment start (skipped whole, so "Q" or "3 Tr"
 * inside text cannot fool the state below), or an operator read here, after a delimiter and before one.
 * V8's compiled regular expression finds them several times faster than a byte loop in JavaScript.
 */
const TOKEN = /[(<%]|(?<=^|[\0\t\n\f\r ()<>[\]{}/%])(?:T[rmdDjJ]|[gkqQ'"]|rg|scn?|cs|cm|Do|ID|BT)(?=[\0\t\n\f\r ()<>[\]{}/%]|$)/g;
type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** m × n, PDF order (a point is transformed by m first). */
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const SHOW = new Set(["Tj", "TJ", "'", '"']);

/**
 * Follows the fill colour through q/Q like pdf-hidden.ts does, and reports when text may be shown, or a form
 * drawn, while the fill may be near white or unknown, or when such a fill outlives the stream (it carries
 * into the page's next content stream). After an inline image (whose bytes this scan does not delimit the
 * way pdf.js does) any light fill at all counts.
 *
 * A fill left set at the end of a stream matters (`carriesOn`) when it can reach text items: pdf-hidden.ts
 * reads a form's operators inline (no save/restore around them), and a page whose /Contents is an array
 * runs its streams in turn (page dictionaries inside object streams cannot be seen here, so such files
 * count as having arrays). A page's single content stream is followed only by annotations, whose text is
 * not in the items.
 */
function scanOperators(data: Buffer, file: string, scan: ContentScan, named: Map<string, FillSpace | null>, carriesOn: boolean): string | null {
  const text = data.toString("latin1");
  let colourSpace: FillSpace | null = null; // the current fill colour space, when known
  let light = false; // the current fill may be near white
  let sawLight = false;
  let opaque = false; // after an inline image
  const stack: { light: boolean; ctm: Matrix }[] = [];
  let ctm = IDENTITY;
  let line = IDENTITY; // text line matrix
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const [op] = m;
    const i = m.index;
    if (op === "(") TOKEN.lastIndex = stringEnd(text, i);
    else if (op === "<") TOKEN.lastIndex = text[i + 1] === "<" ? i + 2 : Math.max(i + 1, text.indexOf(">", i) + 1);
    else if (op === "%") TOKEN.lastIndex = lineEnd(text, i);
    else if (op === "Tr") {
      const mode = operands(data, i, 1);
      // 3 and 7 paint nothing.
      if (mode === "unsure" || (mode !== "absent" && ![0, 1, 2, 4, 5, 6].includes(mode[0]!))) return `render mode ${context(data, i, op)}`;
    } else if (op === "g" || op === "rg" || op === "k") {
      const space = { n: op === "g" ? 1 : op === "rg" ? 3 : 4, icc: false };
      const v = operands(data, i, space.n);
      if (v === "absent") continue;
      colourSpace = space;
      light = mayBeWhite(colourSpace, v);
    } else if (op === "cs") {
      const name = operandName(data, i);
      if (name !== null && !named.has(name)) named.set(name, namedColourSpace(name, file));
      colourSpace = name === null ? null : named.get(name)!;
    } else if (op === "sc" || op === "scn") {
      // A pattern alone ("/P1 scn") leaves the fill colour pdf-hidden.ts tracks unchanged: "absent".
      const v = operands(data, i, colourSpace?.n ?? 1);
      if (v === "absent") continue;
      light = colourSpace === null || mayBeWhite(colourSpace, v);
    } else if (op === "q") stack.push({ light, ctm });
    else if (op === "Q") ({ light, ctm } = stack.pop() ?? { light, ctm });
    else if ((SHOW.has(op) || op === "Do") && light) return `${op === "Do" ? "form drawn" : "text shown"} with a light fill ${context(data, i, op)}`;
    else if (SHOW.has(op)) reach(scan, line[4] * ctm[0] + line[5] * ctm[2] + ctm[4], line[4] * ctm[1] + line[5] * ctm[3] + ctm[5]);
    else if (op === "ID") {
      if (sawLight) return `inline image in a stream with a light fill ${context(data, i, op)}`;
      opaque = true;
    } else if (op === "cm" || op === "Tm") {
      const v = operands(data, i, 6);
      if (Array.isArray(v) && op === "cm") ctm = times(v as Matrix, ctm);
      else if (Array.isArray(v)) line = v as Matrix;
    } else if (op === "Td" || op === "TD") {
      const v = operands(data, i, 2);
      if (Array.isArray(v)) line = times([1, 0, 0, 1, v[0]!, v[1]!], line);
    } else if (op === "BT") line = IDENTITY;
    if (light) {
      if (opaque) return `light fill after an inline image ${context(data, i, op)}`;
      sawLight = true;
    }
  }
  if (carriesOn && (light || stack.some((saved) => saved.light))) return "a light fill outlives the stream";
  return null;
}


/** Index after the literal string opening at `at`: balanced parentheses, backslash escapes. */
function stringEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i + 1;
  }
  return text.length;
}

function lineEnd(text: string, at: number): number {
  const n = text.indexOf("\n", at);
  const r = text.indexOf("\r", at);
  return Math.min(n < 0 ? text.length : n, r < 0 ? text.length : r);
}

interface FillSpace {
  /** Components: 1 gray, 3 RGB, 4 CMYK. */
  n: number;
  icc: boolean;
}

function context(data: Buffer, at: number, op: string): string {
  return `"${data.toString("latin1", Math.max(0, at - 30), at + op.length).replace(/\s+/g, " ")}"`;
}

function mayBeWhite(space: FillSpace, v: number[] | "unsure"): boolean {
  if (v === "unsure") return true;
  if (space.n === 4) return v.every((x) => x <= CMYK_LIGHT) || v.some((x) => x < 0 || x > 1);
  return v.every((x) => x >= (space.icc ? ICC_LIGHT : LIGHT));
}

function reach(scan: ContentScan, x: number, y: number): void {
  const r = scan.reach;
  r.maxX = Math.max(r.maxX, x);
  r.minX = Math.min(r.minX, x);
  r.maxY = Math.max(r.maxY, y);
  r.minY = Math.min(r.minY, y);
}

/**
 * The n number operands before the operator at `at` (pdf.js takes the last n when there are more).
 * "absent" when they are not numbers (a string, a name, font data: pdf.js draws nothing light from that);
 * "unsure" when a comment may sit between operands and operator, hiding the real ones from this scan.
 */
function operands(data: Buffer, at: number, n: number): number[] | "absent" | "unsure" {
  const out: number[] = [];
  let i = at - 1;
  for (let k = 0; k < n; k++) {
    // Operands end with whitespace before what follows them; a comment ends with a line break.
    if (!isSpace(data[i])) return "absent";
    const gapEnd = i + 1;
    while (i >= 0 && isSpace(data[i])) i--;
    const tokenEnd = i + 1;
    while (i >= 0 && !isDelimiter(data[i])) i--;
    const token = data.toString("latin1", i + 1, tokenEnd);
    if (!/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(token)) return commentBetween(data, tokenEnd, gapEnd) ? "unsure" : "absent";
    // A number in a comment is not an operand ("1 %0" then g on the next line is "1 g").
    if (commentBetween(data, i + 1, gapEnd)) return "unsure";
    out.unshift(Number(token));
  }
  return out;
}

/** The gap [from, to) breaks the line, and the line before it has a "%" (looking back at most 256 bytes). */
function commentBetween(data: Buffer, from: number, to: number): boolean {
  if (!data.subarray(from, to).some((c) => c === 0x0a || c === 0x0d)) return false;
  for (let i = from - 1; i >= 0 && i >= from - 256; i--) {
    const c = data[i];
    if (c === 0x25) return true;
    if (c === 0x0a || c === 0x0d) return false;
  }
  return false;
}

/** The name operand right before `at` ("/c0" in "/c0 cs"), or null. */
function operandName(data: Buffer, at: number): string | null {
  let i = at - 1;
  if (!isSpace(data[i])) return null;
  while (i >= 0 && isSpace(data[i])) i--;
  const end = i + 1;
  while (i >= 0 && !isDelimiter(data[i])) i--;
  return data[i] === 0x2f && end > i + 1 ? data.toString("latin1", i, end) : null;
}

/**
 * A resource name resolves only when the whole file can be seen (no object streams) and every definition of
 * the name is a reference to the same kind of space: one written inline ("/c0 [/Separation …]") or hidden in
 * an object stream could be another space on another page.
 */
function namedColourSpace(name: string, file: string): FillSpace | null {
  const direct = deviceComponents(name);
  if (direct !== null) return { n: direct, icc: false };
  if (file.includes("/ObjStm") || new RegExp(`${escapeRegExp(name)}\\s*[[/<]`).test(file)) return null;
  const uses = [...file.matchAll(new RegExp(`${escapeRegExp(name)}\\s*(\\d+)\\s+\\d+\\s+R`, "g"))];
  const spaces = uses.map((u) => objectSpace(file, u[1]!));
  const first = spaces[0];
  return first && spaces.every((s) => s !== null && s.n === first.n && s.icc === first.icc) ? first : null;
}

function deviceComponents(name: string): number | null {
  return ({ "/DeviceGray": 1, "/G": 1, "/DeviceRGB": 3, "/RGB": 3, "/DeviceCMYK": 4, "/CMYK": 4 } as Record<string, number>)[name] ?? null;
}

/** Object `num`'s colour space, when the object is written out uncompressed. */
function objectSpace(file: string, num: string): FillSpace | null {
  const body = new RegExp(`(?:^|[^\\d])${num}\\s+0\\s+obj\\s*([^]*?)endobj`).exec(file)?.[1]?.trim();
  if (!body) return null;
  const device = deviceComponents(body.replace(/[[\]\s]/g, ""));
  if (device !== null) return { n: device, icc: false };
  const icc = /^\[\s*\/ICCBased\s+(\d+)\s+\d+\s+R\s*\]$/.exec(body);
  if (!icc) return null;
  const n = new RegExp(`(?:^|[^\\d])${icc[1]}\\s+0\\s+obj\\s*<<[^]*?/N\\s+([134])\\b`).exec(file)?.[1];
  return n ? { n: Number(n), icc: true } : null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
