import type { Command } from "commander";
import { DecisionLogFilter, readDecisionLog } from "../../audit/decision-log.ts";
import { withContext } from "../connect.ts";
import { CliError, EXIT } from "../output.ts";

export function registerLog(program: Command): void {
  const log = program.command("log").description("the append-only decision log");
  log
    .command("export")
    .description("every decision as JSONL on stdout: who, when, posting, resume id, outcome, rank shown, score, model version, gate verdicts")
    .option("--posting <id>", "only this posting")
    .option("--since <date>", "only decisions at or after this date (ISO, e.g. 2026-01-31)")
    .action(async (opts: { posting?: string; since?: string }) => {
      const filter = DecisionLogFilter.safeParse({ postingId: opts.posting, since: opts.since });
      if (!filter.success) throw new CliError(filter.error.issues.map((x) => x.message).join("; "), EXIT.usage);
      await withContext(async (ctx) => {
        for await (const decision of readDecisionLog(ctx.stores, filter.data)) {
          if (!process.stdout.write(JSON.stringify(decision) + "\n")) await new Promise((r) => process.stdout.once("drain", r));
        }
      });
    });
  log.commands.forEach((c) => c.exitOverride());
}
