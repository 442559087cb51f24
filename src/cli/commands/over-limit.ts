import type { Command } from "commander";
import { withContext } from "../connect.ts";
import { printJson, printTable } from "../output.ts";

export function registerOverLimit(program: Command): void {
  program
    .command("over-limit")
    .description("applications of a posting held back by the application limit (not scored), or replaced by a newer resume version")
    .requiredOption("--posting <id>", "posting id")
    .option("--json", "JSON rows: resumeId, fileName, status, appliedAt, countedPostings, supersededBy")
    .action(async (opts: { posting: string; json?: boolean }) => {
      await withContext(async (ctx) => {
        await ctx.stores.postings.require(opts.posting);
        const rows = (await ctx.stores.applications.heldBack(opts.posting)).map((a) => ({
          resumeId: a.resumeId, fileName: a.fileName, status: a.status, appliedAt: a.appliedAt,
          countedPostings: a.countedPostings?.split(",") ?? [], supersededBy: a.supersededBy ?? null,
        }));
        if (opts.json) return printJson(rows);
        if (rows.length === 0) return void process.stdout.write(`no application of ${opts.posting} is over the limit\n`);
        printTable(["resume id", "file", "status", "applied", "counted postings / replaced by"], rows.map((r) => [
          r.resumeId.slice(0, 12), r.fileName.slice(0, 28), r.status, r.appliedAt.slice(0, 16),
          r.status === "superseded" ? `newer: ${r.supersededBy?.slice(0, 12)}` : r.countedPostings.join(", "),
        ]));
      });
    });
}
