import type { Command } from "commander";
import { fillMissingExplanations } from "../../app/explain-on-read.ts";
import type { ShortlistRow } from "../../domain/shortlist.ts";
import { withContext } from "../connect.ts";
import { CliError, printJson, printTable } from "../output.ts";

const MARK = { met: "✓", unmet: "✗", unknown: "?" } as const;

export function shortlistTable(rows: ShortlistRow[]): void {
  printTable(["rank", "score", "gates", "name", "file", "why (top reasons)"], rows.map((r) => [
    r.rank,
    r.score.toFixed(3),
    r.gates.map((g) => MARK[g.verdict]).join(""),
    r.name ?? "-",
    r.fileName.slice(0, 28),
    r.explanation.slice(0, 2).map((c) => `${c.contribution >= 0 ? "+" : "−"} ${c.label}`).join("; ").slice(0, 60),
  ]));
}

export function registerTop(program: Command): void {
  program
    .command("top")
    .description("show the ranked shortlist of a posting (all gates met first, unmet gates last)")
    .requiredOption("--posting <id>", "posting id")
    .option("--k <n>", "rows", "20")
    .option("--json", "JSON rows: rank, resumeId, score, tier, gates, name, explanation, ...")
    .action(async (opts: { posting: string; k: string; json?: boolean }) => {
      const k = Number(opts.k);
      if (!Number.isInteger(k) || k < 1) throw new CliError(`--k must be a positive integer, got "${opts.k}"`, 2);
      await withContext(async (ctx) => {
        await ctx.stores.postings.require(opts.posting);
        // Rows below the top 100 of a rescored list are explained on first read (src/app/explain-on-read.ts).
        const rows = await fillMissingExplanations(ctx, opts.posting, await ctx.stores.shortlist.top(opts.posting, k));
        if (opts.json) return printJson(rows);
        if (rows.length === 0) return void process.stdout.write(`the shortlist of ${opts.posting} is empty\n`);
        shortlistTable(rows);
      });
    });
}
