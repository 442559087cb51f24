/** Worker processes as an operator runs them, and their memory; no test framework here (bench/soak.ts uses it too). */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config.ts";

/** `node bin/shortlist.mjs worker` as a separate process, the way an operator runs one. */
export function spawnWorker(env: Record<string, string>, queues = "parse,score"): ChildProcess {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "bin/shortlist.mjs"), "worker", "--queues", queues], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: "error" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.resume();
  return child;
}

/** The process and every descendant (BullMQ's sandbox children), deepest first. */
export function processTree(pid: number): number[] {
  const ps = spawnSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" });
  const children = new Map<number, number[]>();
  for (const line of ps.stdout.trim().split("\n")) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    if (p !== undefined && pp !== undefined) children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) walk(c);
    out.push(p);
  };
  walk(pid);
  return out;
}

/** SIGKILL a worker process; its sandbox children are killed too (a dead machine takes them along). */
export function killHard(child: ChildProcess): void {
  if (child.pid === undefined) return;
  for (const pid of processTree(child.pid).reverse()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
}

export async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => killHard(child), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Resident memory of a process and its descendants, MB (from /proc). */
export function treeRssMb(pid: number): number {
  let kb = 0;
  for (const p of processTree(pid)) {
    const status = fs.existsSync(`/proc/${p}/status`) ? fs.readFileSync(`/proc/${p}/status`, "utf8") : "";
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return kb / 1024;
}
