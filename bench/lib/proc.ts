/**
 * Child processes of the benchmark and their memory. Peak RSS is the kernel's high-water mark
 * (VmHWM in /proc/<pid>/status), so one late sample still sees the peak of a living process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import readline from "node:readline";
import { PROJECT_ROOT } from "../../src/config.ts";

const TSX = import.meta.resolve("tsx");

/** Starts `node --import tsx <file> ...args`; stdout is JSON lines (one message per line), stderr goes to `logFile`. */
export function spawnTs(file: string, args: string[], env: Record<string, string>, logFile: string): ChildProcess {
  const log = fs.openSync(logFile, "a");
  return spawn(process.execPath, ["--import", TSX, file, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DOTENV_CONFIG_QUIET: "true", ...env },
    stdio: ["pipe", "pipe", log],
  });
}

/** Async iterator over a child's JSON-line messages. */
export function messages(child: ChildProcess): AsyncIterator<Record<string, unknown>> {
  if (!child.stdout) throw new Error("child has no stdout pipe");
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async next() {
      for (;;) {
        const r = await lines.next();
        if (r.done) return { done: true, value: undefined };
        const line = r.value.trim();
        if (!line.startsWith("{")) continue;
        return { done: false, value: JSON.parse(line) as Record<string, unknown> };
      }
    },
  };
}

/** Next message, or a clear error when the child exits first. */
export async function nextMessage(it: AsyncIterator<Record<string, unknown>>, what: string): Promise<Record<string, unknown>> {
  const r = await it.next();
  if (r.done) throw new Error(`bench child exited before sending ${what}; see the bench log`);
  if (typeof r.value.error === "string") throw new Error(`bench child failed (${what}): ${r.value.error}`);
  return r.value;
}

/** Runs a child to completion and returns its last JSON message. */
export async function runTsChild(file: string, args: string[], env: Record<string, string>, logFile: string): Promise<Record<string, unknown>> {
  const child = spawnTs(file, args, env, logFile);
  child.stdin?.end();
  const it = messages(child);
  let last: Record<string, unknown> | null = null;
  for (let r = await it.next(); !r.done; r = await it.next()) last = r.value;
  const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", resolve)));
  if (code !== 0 || last === null) throw new Error(`${file} exited with code ${code}; see ${logFile}`);
  if (typeof last.error === "string") throw new Error(`${file}: ${last.error}`);
  return last;
}

function statusField(pid: number, field: string): number | null {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null; // exited, or no /proc (not Linux)
  }
}

/** Peak resident set (MB) of a process so far, or null when it cannot be read. */
export const peakRssMb = (pid: number) => statusField(pid, "VmHWM");

function commOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "?";
  }
}

/** Every living descendant of `pid` (children, grandchildren, ...). */
export function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of fs.existsSync("/proc") ? fs.readdirSync("/proc") : []) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parentOf.set(Number(name), ppid);
    } catch {
      /* exited while scanning */
    }
  }
  const out: number[] = [];
  const frontier = [pid];
  while (frontier.length > 0) {
    const p = frontier.pop()!;
    for (const [child, parent] of parentOf) if (parent === p) (out.push(child), frontier.push(child));
  }
  return out;
}

/** Keeps the highest peak RSS seen per process of a tree (processes that exit keep their last sample). */
export class RssWatch {
  readonly peaks = new Map<number, number>();
  /** Command name of each process seen (node, esbuild, ...). */
  readonly names = new Map<number, string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly root: number) {}

  sample(): void {
    for (const pid of [this.root, ...descendants(this.root)]) {
      const mb = peakRssMb(pid);
      if (mb === null) continue;
      this.peaks.set(pid, Math.max(mb, this.peaks.get(pid) ?? 0));
      if (!this.names.has(pid)) this.names.set(pid, commOf(pid));
    }
  }

  start(everyMs = 250): void {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }
}
