/**
 * Rebuild reading order from positioned text items. pdf.js returns items in content-stream order, and table-
 * or sidebar-based PDF builders write that stream in any order (even left line, right line, left line…), which
 * interleaves columns. Positions are the truth: group items into lines by baseline, detect a vertical gutter,
 * and emit each column whole.
 */

/** One text run in PDF user space: (x, y) is the baseline start, y grows upwards, h is the font height. */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Line {
  y: number;
  h: number;
  text: string;
}

const DEFAULT_HEIGHT = 10;

export function layoutPage(items: PositionedText[], pageWidth: number): string {
  const runs = items.filter((i) => i.str.trim() !== "").map((i) => ({ ...i, h: i.h > 0 ? i.h : DEFAULT_HEIGHT }));
  if (runs.length === 0) return "";
  const gutter = findGutter(runs, pageWidth);
  if (gutter === null) return renderBlock(buildLines(runs));

  // Runs that cross the gutter are full-width (a name banner, a footer). They cut the page into bands;
  // within each band the left column is emitted before the right one.
  // Runs on the baseline of a full-width run belong to that row (e.g. links at the end of a contact line).
  const crosses = (r: PositionedText) => r.x < gutter && r.x + r.w > gutter;
  const wide = runs.filter(crosses);
  const inWideRow = (r: PositionedText) => crosses(r) || wide.some((w) => Math.abs(w.y - r.y) <= 0.4 * Math.max(w.h, r.h));
  const crossing = buildLines(runs.filter(inWideRow));
  const columnar = runs.filter((r) => !inWideRow(r));
  const blocks: string[] = [];
  let above = Infinity;
  for (let k = 0; k <= crossing.length; k++) {
    const below = k < crossing.length ? crossing[k]!.y : -Infinity;
    const band = columnar.filter((r) => r.y < above && r.y >= below);
    blocks.push(renderBlock(buildLines(band.filter((r) => r.x + r.w <= gutter))));
    blocks.push(renderBlock(buildLines(band.filter((r) => r.x >= gutter))));
    if (k < crossing.length) blocks.push(crossing[k]!.text);
    above = below;
  }
  return blocks.filter((b) => b !== "").join("\n\n");
}

/**
 * A gutter is an x position that (almost) no run crosses, with text on both sides that reads as columns:
 * both sides carry real text mass, or the smaller side is a sidebar whose lines mostly do not share baselines
 * with the other side. Sides whose lines nearly all share baselines are rows, not columns: that is how
 * right-aligned dates ("2019 – 2023" at the end of each title line) look in a one-column resume.
 */
export function findGutter(runs: PositionedText[], pageWidth: number): number | null {
  const step = 2;
  const lo = pageWidth * 0.12;
  const hi = pageWidth * 0.88;
  const coverage: number[] = [];
  for (let x = lo; x <= hi; x += step) coverage.push(runs.filter((r) => r.x < x && r.x + r.w > x).length);
  if (coverage.length === 0) return null;
  const min = Math.min(...coverage);
  if (min > Math.max(2, runs.length * 0.08)) return null;

  let best: { x: number; score: number } | null = null;
  for (let i = 0; i < coverage.length; ) {
    if (coverage[i] !== min) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < coverage.length && coverage[j + 1] === min) j++;
    const x = lo + ((i + j) / 2) * step;
    const score = (j - i + 1) * step >= 4 ? columnScore(runs, x) : 0;
    if (score > 0 && (best === null || score > best.score)) best = { x, score };
    i = j + 1;
  }
  return best?.x ?? null;
}

/** 0 when the split at x does not give two columns; else the smaller side's character count. */
function columnScore(runs: PositionedText[], x: number): number {
  const left = runs.filter((r) => r.x + r.w <= x);
  const right = runs.filter((r) => r.x >= x);
  const chars = (rs: PositionedText[]) => rs.reduce((n, r) => n + r.str.length, 0);
  const baselines = (rs: PositionedText[]) => [...new Set(rs.map((r) => Math.round(r.y)))];
  const [l, r, total] = [chars(left), chars(right), chars(runs)];
  const smaller = l <= r ? left : right;
  const other = l <= r ? right : left;
  const lines = baselines(smaller);
  if (lines.length < 4 || baselines(other).length < 4) return 0;
  // Same-line text shares the exact baseline; a tight tolerance keeps chance near-alignment of two columns with
  // different leading from counting.
  const aligned = lines.filter((y) => other.some((o) => Math.abs(o.y - y) <= Math.max(1, 0.1 * o.h))).length / lines.length;
  // Nearly every line shares a baseline with the other side: these are rows (dates or places at the ends of
  // entry lines, a table), which must stay on one line.
  if (aligned >= 0.8) return 0;
  const balanced = Math.min(l, r) >= total * 0.15;
  const sidebar = Math.min(l, r) >= total * 0.03 && aligned < 0.5;
  return balanced || sidebar ? Math.min(l, r) : 0;
}

/** Group runs into lines by baseline (top to bottom), each line's runs left to right. */
function buildLines(runs: PositionedText[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PositionedText[][] = [];
  for (const run of sorted) {
    const current = groups[groups.length - 1];
    const head = current?.[0];
    if (current && head && Math.abs(head.y - run.y) <= 0.4 * Math.max(head.h, run.h)) current.push(run);
    else groups.push([run]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    let text = "";
    let prev: PositionedText | undefined;
    for (const run of group) {
      const gap = prev ? run.x - (prev.x + prev.w) : 0;
      // A gap wider than ~a sixth of the font size is a word space the PDF drew by positioning, not a character.
      if (prev && gap > 0.15 * run.h && !/\s$/.test(text) && !/^\s/.test(run.str)) text += " ";
      text += run.str;
      prev = run;
    }
    return { y: group[0]!.y, h: Math.max(...group.map((r) => r.h)), text };
  });
}

/** Lines separated by more than ~1.6 line heights start a new block, marked by a blank line. */
function renderBlock(lines: Line[]): string {
  let out = "";
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (prev) out += prev.y - line.y > 1.6 * Math.max(prev.h, line.h) ? "\n\n" : "\n";
    out += line.text;
  });
  return out;
}
