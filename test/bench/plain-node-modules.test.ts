/**
 * The sandboxed children's extra loader (workers/plain-node-modules.mjs) must keep modules loading:
 * a node_modules .mjs (pdf.js, read as is) and the project's TypeScript (still through tsx).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const HOOK = fileURLToPath(new URL("../../workers/plain-node-modules.mjs", import.meta.url));

describe("plain node_modules loader for sandboxed children", () => {
  it("loads pdf.js's worker module and TypeScript sources in one process", () => {
    const script = [
      'const w = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");',
      'const s = await import("./src/parse/sniff-format.ts");',
      'console.log(typeof w.WorkerMessageHandler, typeof s.sniffFormat);',
    ].join("\n");
    const run = spawnSync(process.execPath, ["--import", "tsx", "--import", HOOK, "--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      encoding: "utf8",
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.stdout.trim()).toBe("function function");
  });
});
