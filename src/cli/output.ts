/** Output helpers: JSON for machines, tables for people, progress bars only on a terminal. */
import { SingleBar, Presets } from "cli-progress";
import Table from "cli-table3";

/** Exit codes that mean something to scripts. */
export const EXIT = {
  ok: 0,
  /** The work failed: unreadable input, a failed job, a rejected value. */
  failed: 1,
  /** The command line was wrong. */
  usage: 2,
  /** A service (Redis) was not reachable. */
  unavailable: 3,
} as const;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.failed) {
    super(message);
    this.name = "CliError";
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}

export function printTable(head: string[], rows: (string | number)[][]): void {
  const table = new Table({ head, style: { head: [], border: [] } });
  table.push(...rows.map((r) => r.map(String)));
  process.stdout.write(table.toString() + "\n");
}

export interface Progress {
  increment(by?: number): void;
  stop(): void;
}

export function progressBar(total: number, label: string, enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY || total < 2) return { increment() {}, stop() {} };
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {eta_formatted}`, stream: process.stderr }, Presets.shades_classic);
  bar.start(total, 0);
  return { increment: (by = 1) => bar.increment(by), stop: () => bar.stop() };
}
