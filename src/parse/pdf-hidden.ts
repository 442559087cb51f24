/**
 * Text a reader of the PDF cannot see must not reach extraction: keyword stuffing in white ink, invisible
 * (render mode 3) text layers, text placed off the page, 1-pt fonts. pdf.js text items carry no colour or
 * render mode, so the page's operator list (where pdf.js normalises every fill colour — gray, CMYK, RGB — to
 * setFillRGBColor "#rrggbb") is walked in content-stream order to mark each shown glyph run visible or not,
 * and the text items, which follow the same order, are aligned to those runs by their characters.
 * Size and position come from the items themselves. Classifying is pure; pdf.ts does the I/O.
 */
import type { PositionedText } from "./pdf-layout.ts";

/** pdf.js OPS codes (stable across pdf.js 2–5; src/shared/util.js). */
const OPS = {
  save: 10, restore: 11, setTextRenderingMode: 38, showText: 44, showSpacedText: 45, nextLineShowText: 46,
  nextLineSetSpacingShowText: 47, setFillRGBColor: 59, shadingFill: 62, constructPath: 91,
} as const;
/** Path-painting ops that fill (constructPath carries one of them as its first argument). */
const FILLS = new Set([22, 23, 24, 25, 26, 27]);
/** Image painting ops (83–90): an image may be the coloured background white text sits on. */
const IMAGES = new Set([83, 84, 85, 86, 87, 88, 89, 90]);
const SHOW = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);

export type HiddenReason = "invisible" | "background_colour" | "tiny_font" | "off_page";

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[][];
}

/** Whitespace and invisible format characters (soft hyphen, zero-width) differ between the two views. */
const IGNORED = /[\s\u00ad\u200b-\u200d\u2060\ufeff]+/g;

/** Fill colours a reader cannot tell from a white page. */
function nearWhite(hex: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m !== null && [m[1], m[2], m[3]].every((c) => parseInt(c!, 16) >= 0xf0);
}

interface Run {
  text: string;
  reason: HiddenReason | null;
}

/** Shown text in stream order, each run with why it is hidden (or null). Whitespace is dropped. */
export function glyphRuns(ops: OperatorList): Run[] {
  const runs: Run[] = [];
  let state = { mode: 0, fill: "#000000" };
  // White text on a dark banner or sidebar is visible. Without tracking every shape's extent, white text
  // counts as hidden only until the page paints anything non-white (a filled path, a shading, an image).
  let backdrop = false;
  const stack: (typeof state)[] = [];
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] ?? [];
    if (fn === OPS.save) stack.push({ ...state });
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.setTextRenderingMode) state = { ...state, mode: Number(args[0]) };
    else if (fn === OPS.setFillRGBColor && typeof args[0] === "string") state = { ...state, fill: args[0] };
    else if ((fn === OPS.constructPath && FILLS.has(Number(args[0])) && !nearWhite(state.fill)) || fn === OPS.shadingFill || IMAGES.has(fn)) {
      backdrop = true;
    } else if (SHOW.has(fn)) {
      const glyphs = args.find(Array.isArray) as unknown[] | undefined;
      const text = (glyphs ?? [])
        .map((g) => (g && typeof g === "object" && "unicode" in g ? String((g as { unicode: unknown }).unicode) : ""))
        .join("")
        .normalize("NFKC")
        .replace(IGNORED, "");
      if (text === "") return;
      // Modes 3 (neither fill nor stroke) and 7 (clip only) paint nothing; white fill only matters when filling.
      const invisible = state.mode === 3 || state.mode === 7;
      const fills = state.mode === 0 || state.mode === 2 || state.mode === 4 || state.mode === 6;
      runs.push({ text, reason: invisible ? "invisible" : fills && state.mode !== 2 && !backdrop && nearWhite(state.fill) ? "background_colour" : null });
    }
  });
  return runs;
}

export interface Classified {
  visible: PositionedText[];
  hidden: { item: PositionedText; reason: HiddenReason }[];
}

/** Below this font height (PDF points) text is unreadable at any normal zoom. */
export const MIN_READABLE_PT = 2;

/**
 * Split text items into visible and hidden. `view` is the page box [x0, y0, x1, y1]. When `ops` is absent
 * (operator list unavailable) only size and position are judged.
 */
export function classifyItems(items: PositionedText[], view: number[], ops?: OperatorList): Classified {
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = view;
  // One string of every shown non-space character, with its run's reason, to align items against.
  const runs = ops ? glyphRuns(ops) : [];
  const chars = runs.map((r) => r.text).join("");
  const reasons: (HiddenReason | null)[] = runs.flatMap((r) => [...r.text].map(() => r.reason));
  let cursor = 0;
  const used: boolean[] = new Array<boolean>(chars.length).fill(false);
  const out: Classified = { visible: [], hidden: [] };
  for (const item of items) {
    const key = item.str.normalize("NFKC").replace(IGNORED, "");
    let reason: HiddenReason | null = null;
    if (key !== "" && chars !== "") {
      const at = chars.indexOf(key, cursor);
      if (at >= 0) {
        cursor = at + key.length;
        used.fill(true, at, at + key.length);
        const flags = reasons.slice(at, at + key.length);
        const hiddenFlag = flags.find((f) => f !== null) ?? null;
        if (hiddenFlag && flags.filter((f) => f !== null).length * 2 > flags.length) reason = hiddenFlag;
      }
    }
    if (!reason && key !== "" && item.h > 0 && item.h < MIN_READABLE_PT) reason = "tiny_font";
    // Entirely outside the page box (a glyph's baseline start beyond an edge, or its run ending before one).
    if (!reason && key !== "" && (item.x >= x1 || item.x + item.w <= x0 || item.y >= y1 || item.y + item.h <= y0)) reason = "off_page";
    if (reason) out.hidden.push({ item, reason });
    else out.visible.push(item);
  }
  // pdf.js leaves text drawn outside the page box out of getTextContent altogether: a shown run that no
  // item accounts for was drawn off the page. It is already absent from the text; it is reported here.
  const layer = items.map((i) => i.str.normalize("NFKC").replace(IGNORED, "")).join("");
  let pos = 0;
  for (const r of runs) {
    const from = pos;
    pos += r.text.length;
    if (r.text.length >= 3 && r.reason === null && used.slice(from, pos).every((u) => !u) && !layer.includes(r.text)) {
      out.hidden.push({ item: { str: r.text, x: 0, y: 0, w: 0, h: 0 }, reason: "off_page" });
    }
  }
  return out;
}

/** The warning for a document's hidden text: counts per reason and the start of what was hidden. */
export function hiddenTextWarning(fileName: string, hidden: Classified["hidden"]): string | null {
  const text = hidden.map((h) => h.item.str.trim()).filter((s) => s !== "").join(" ");
  if (text === "") return null;
  const counts = new Map<HiddenReason, number>();
  for (const h of hidden) if (h.item.str.trim() !== "") counts.set(h.reason, (counts.get(h.reason) ?? 0) + 1);
  const why = [...counts].map(([r, n]) => `${n} ${r.replace("_", " ")}`).join(", ");
  const snippet = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `hidden_text: ${fileName} has text a reader cannot see (${why}); ignored: "${snippet}"`;
}
