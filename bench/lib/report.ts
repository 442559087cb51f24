/**
 * Bench figures: each measured value is kept next to the baseline measured in the same run and
 * their ratio, plus the target and whether it is met. One table for people, one JSON object
 * (dotted keys nested: "ingest.resumesPerSec" → {ingest: {resumesPerSec}}) for machines.
 */
import { printTable } from "../../src/cli/output.ts";
import { round3 } from "./stats.ts";

export interface Target {
  text: string;
  met: boolean;
}

export interface Figure {
  key: string;
  value: number;
  unit: string;
  /** What the value is measured against, in the same run (null when only a fixed target applies). */
  baseline: { key: string; value: number; what: string } | null;
  target: Target | null;
  /** Extra keys reported in JSON (e.g. p50 next to p99, cold start next to steady state). */
  extra?: Record<string, number | string>;
}

export const ratioOf = (f: Figure) => (f.baseline && f.baseline.value !== 0 ? f.value / f.baseline.value : null);

function setPath(obj: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split(".");
  let node = obj;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}

export function toJson(figures: readonly Figure[], meta: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { meta };
  const targets: Record<string, unknown>[] = [];
  for (const f of figures) {
    setPath(out, f.key, round3(f.value));
    if (f.baseline) setPath(out, f.baseline.key, round3(f.baseline.value));
    const ratio = ratioOf(f);
    if (ratio !== null) setPath(out, `${f.key.split(".")[0]}.ratio`, round3(ratio));
    for (const [k, v] of Object.entries(f.extra ?? {})) setPath(out, `${f.key.split(".")[0]}.${k}`, typeof v === "number" ? round3(v) : v);
    if (f.target) targets.push({ figure: f.key, target: f.target.text, met: f.target.met });
  }
  out.targets = targets;
  return out;
}

export function printFigures(figures: readonly Figure[]): void {
  printTable(
    ["figure", "value", "baseline (same run)", "ratio", "target", "met"],
    figures.map((f) => {
      const ratio = ratioOf(f);
      return [
        f.key,
        `${round3(f.value)} ${f.unit}`,
        f.baseline ? `${round3(f.baseline.value)} ${f.unit} (${f.baseline.what})` : "—",
        ratio === null ? "—" : `${round3(ratio)}×`,
        f.target?.text ?? "—",
        f.target ? (f.target.met ? "yes" : "NO") : "—",
      ];
    }),
  );
}
