/**
 * A `shortlist worker` process parses nothing itself (parse and OCR jobs run in sandboxed children),
 * so it must not load pdf.js: pdf-parse's legacy build is ~170 MB of resident memory, about half of
 * the score worker's peak in `npm run bench` (issue 5: < 400 MB per worker process).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../src/config.ts";
import { stopWorker } from "../../fault/processes.ts";
import { openTestSystem, waitFor, type TestSystem } from "../../helpers/system.ts";

const RECORDER = path.join(PROJECT_ROOT, "test", "helpers", "record-loads.mjs");

describe("the worker process", () => {
  let sys: TestSystem | null = null;
  afterEach(async () => {
    await sys?.cleanup();
    sys = null;
  });

  it("runs parse and score workers without loading pdf.js or pdf-parse", async () => {
    sys = openTestSystem();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shortlist-loads-"));
    const loadsFile = path.join(dir, "loads.txt");
    const child = spawn(process.execPath, ["--import", RECORDER, path.join(PROJECT_ROOT, "bin", "shortlist.mjs"), "worker", "--queues", "parse,score"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...sys.env, LOG_LEVEL: "info", RECORD_LOADS_FILE: loadsFile },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
    try {
      await waitFor("workers running", async () => stderr.includes('"workers running"') || child.exitCode !== null);
      expect(child.exitCode, stderr).toBeNull();
      const loaded = fs.readFileSync(loadsFile, "utf8").split("\n").filter(Boolean);
      // The recorder saw the whole CLI and the score worker's model code…
      expect(loaded.some((url) => url.endsWith("/src/cli/commands/parse.ts"))).toBe(true);
      expect(loaded.some((url) => url.endsWith("/src/model/ranker.ts"))).toBe(true);
      // …and nothing of the PDF reader.
      expect(loaded.filter((url) => /\/node_modules\/(pdf-parse|pdfjs-dist)\/|\/src\/parse\/pdf/.test(url))).toEqual([]);
    } finally {
      await stopWorker(child);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
