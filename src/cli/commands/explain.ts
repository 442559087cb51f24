import type { Command } from "commander";
import { explainRow } from "../../app/explain-on-read.ts";
import { withContext } from "../connect.ts";
import { CliError, printJson, printTable } from "../output.ts";

export function registerExplain(program: Command): void {
  program
    .command("explain")
    .description("why a candidate ranks where they do: gates with evidence and the model's top reasons")
    .argument("<resumeId>", "resume id (a unique prefix is enough)")
    .requiredOption("--posting <id>", "posting id")
    .option("--json", "JSON output")
    .action(async (idOrPrefix: string, opts: { posting: string; json?: boolean }) =>
      withContext(async (ctx) => {
        const ids = await ctx.stores.applications.resumeIds(opts.posting);
        const matches = ids.filter((id) => id.startsWith(idOrPrefix.toLowerCase()));
        if (matches.length !== 1) throw new CliError(matches.length ? `"${idOrPrefix}" is ambiguous` : `no application ${idOrPrefix} for ${opts.posting}`);
        const stored = await ctx.stores.shortlist.entry(opts.posting, matches[0] as string);
        if (!stored) throw new CliError(`${idOrPrefix} is not on the shortlist yet (not scored, or failed)`);
        const row = await explainRow(ctx, stored);
        if (opts.json) return printJson(row);
        process.stdout.write(`rank ${row.rank}, score ${row.score.toFixed(3)} (model ${row.modelVersion}), gates ${row.tier}\n`);
        printTable(["gate", "verdict", "reason", "evidence"], row.gates.map((g) => [g.id, g.verdict, g.reason, (g.evidence ?? "-").slice(0, 60)]));
        printTable(["effect", "reason", "evidence"], row.explanation.map((c) => [
          `${c.contribution >= 0 ? "+" : ""}${c.contribution.toFixed(3)}`, c.label, (c.evidence ?? "-").slice(0, 70),
        ]));
      }));
}
