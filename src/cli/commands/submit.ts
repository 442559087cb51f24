import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { submitResume, SubmitError, type SubmitResult } from "../../app/intake.ts";
import type { AppContext } from "../../app/context.ts";
import { isSettled } from "../../store/applications.ts";
import { withContext } from "../connect.ts";
import { ensureWorkers } from "../ensure-workers.ts";
import { CliError, EXIT, printJson, printTable, progressBar } from "../output.ts";

const RESUME_EXTENSIONS = new Set([".pdf", ".docx", ".txt"]);

/** Files as given; folders expanded (recursively) to the resume files inside them. */
export function expandPaths(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    const stat = fs.statSync(input, { throwIfNoEntry: false });
    if (!stat) throw new CliError(`${input}: no such file or folder`);
    if (stat.isDirectory()) {
      const inside = fs.readdirSync(input, { recursive: true, encoding: "utf8" }).sort();
      for (const rel of inside) {
        const full = path.join(input, rel);
        if (RESUME_EXTENSIONS.has(path.extname(rel).toLowerCase()) && fs.statSync(full).isFile()) files.push(full);
      }
    } else files.push(input);
  }
  return files;
}

interface FileStatus {
  file: string;
  resumeId: string | null;
  status: string;
  rank?: number;
  score?: number;
  error?: string;
}

async function waitForAll(ctx: AppContext, postingId: string, rows: FileStatus[], json: boolean): Promise<void> {
  const pending = new Set(rows.filter((r) => r.resumeId && r.status !== "failed").map((r) => r.resumeId as string));
  const bar = progressBar(pending.size, "scoring", !json);
  while (pending.size > 0) {
    for (const id of [...pending]) {
      const app = await ctx.stores.applications.get(postingId, id);
      if (isSettled(app?.status)) { // scored, failed, over_application_limit or superseded
        pending.delete(id);
        bar.increment();
      }
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 100));
  }
  bar.stop();
  for (const row of rows) {
    if (!row.resumeId) continue;
    const app = await ctx.stores.applications.get(postingId, row.resumeId);
    row.status = app?.status ?? row.status;
    if (app?.error) row.error = app.error;
    const entry = await ctx.stores.shortlist.entry(postingId, row.resumeId);
    if (entry) Object.assign(row, { rank: entry.rank, score: Number(entry.score.toFixed(4)) });
  }
}

export function registerSubmit(program: Command): void {
  program
    .command("submit")
    .description("enqueue resumes (files or folders) for a posting")
    .argument("<paths...>", "resume files or folders of resumes (.pdf, .docx, .txt)")
    .requiredOption("--posting <id>", "posting id")
    .option("--wait", "return when every file is scored or failed, with per-file status")
    .option("--json", "JSON output")
    .action(async (paths: string[], opts: { posting: string; wait?: boolean; json?: boolean }) => {
      const files = expandPaths(paths);
      if (files.length === 0) throw new CliError("no resume files (.pdf, .docx, .txt) found in the given paths");
      const code = await withContext(async (ctx) => {
        await ctx.stores.postings.require(opts.posting);
        const rows: FileStatus[] = [];
        const bar = progressBar(files.length, "uploading", !opts.json);
        for (const file of files) {
          try {
            const result: SubmitResult = await submitResume(
              { stores: ctx.stores, queues: ctx.queues, maxUploadBytes: ctx.config.maxUploadBytes },
              { bytes: fs.readFileSync(file), fileName: path.basename(file), postingId: opts.posting },
            );
            rows.push({ file, resumeId: result.resumeId, status: result.status });
          } catch (error) {
            if (!(error instanceof SubmitError)) throw error;
            rows.push({ file, resumeId: null, status: "failed", error: error.message });
          }
          bar.increment();
        }
        bar.stop();
        if (opts.wait) {
          const helpers = await ensureWorkers(ctx, ["parse", "score"]);
          try {
            await waitForAll(ctx, opts.posting, rows, Boolean(opts.json));
          } finally {
            await helpers?.close();
          }
        }
        if (opts.json) printJson(rows);
        else printTable(["file", "resume id", "status", "rank", "score", "error"], rows.map((r) => [
          path.basename(r.file), r.resumeId?.slice(0, 12) ?? "-", r.status, r.rank ?? "-", r.score ?? "-", r.error ?? "",
        ]));
        return rows.some((r) => r.status === "failed") ? EXIT.failed : EXIT.ok;
      });
      process.exitCode = code;
    });
}
