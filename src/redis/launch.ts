/**
 * Brings up a local `redis-server` when none answers (newcomers, CI). Append-only persistence
 * is on for the project's own server so that a restart keeps every shortlist.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { redisAnswers } from "./connection.ts";

export interface LaunchedRedis {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

export const INSTALL_HINT =
  "redis-server was not found on PATH: install it (Debian/Ubuntu: `sudo apt-get install -y redis-server`) or set REDIS_URL to a running Redis.";

export function redisServerBinary(): string | null {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  const bin = found.stdout.trim();
  return found.status === 0 && bin ? bin : null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface LaunchOptions {
  port: number;
  dir: string;
  /** Append-only file persistence. @defaultValue true */
  appendOnly?: boolean;
  /** Extra redis-server arguments (e.g. cluster mode). */
  extraArgs?: string[];
}

export async function launchRedis(options: LaunchOptions): Promise<LaunchedRedis> {
  const bin = redisServerBinary();
  if (!bin) throw new Error(INSTALL_HINT);
  fs.mkdirSync(options.dir, { recursive: true });
  const args = [
    "--port", String(options.port),
    "--bind", "127.0.0.1",
    "--dir", options.dir,
    "--appendonly", options.appendOnly === false ? "no" : "yes",
    "--save", "",
    "--logfile", path.join(options.dir, "redis.log"),
    ...(options.extraArgs ?? []),
  ];
  const child: ChildProcess = spawn(bin, args, { stdio: "ignore" });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `redis://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 10_000;
  while (!(await redisAnswers(url, 300))) {
    if (child.exitCode !== null) {
      throw new Error(`redis-server exited with code ${child.exitCode}; see ${path.join(options.dir, "redis.log")}`);
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not answer on ${url} within 10 s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    port: options.port,
    dir: options.dir,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM"); // redis-server flushes the append-only file on SIGTERM
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
