/**
 * (d) Redis unreachable at upload: the caller gets an error (exit code 3 and a message that
 * says so), never a silent drop.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.ts";
import { freePort } from "../../src/redis/launch.ts";
import { EXIT } from "../../src/cli/output.ts";
import { goodResume } from "./hostile-corpus.ts";

describe("Redis unreachable at upload", () => {
  it("`shortlist submit` fails with exit code 3 and says Redis is not reachable", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shortlist-unreachable-"));
    const file = path.join(dir, "resume.txt");
    fs.writeFileSync(file, goodResume(1));
    const port = await freePort(); // nothing listens there
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "bin/shortlist.mjs"), "submit", file, "--posting", "mle-recsys-phd-2026", "--json"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, REDIS_URL: `redis://127.0.0.1:${port}`, LOG_LEVEL: "error" },
      encoding: "utf8",
      timeout: 60_000,
    });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.status).toBe(EXIT.unavailable);
    expect(run.stderr).toMatch(/Redis is not reachable at redis:\/\/127\.0\.0\.1:\d+/);
    expect(run.stdout).toBe("");
  });
});
