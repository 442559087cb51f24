import fs from "node:fs";
import type { Command } from "commander";
import { maybeTriggerRetrain, recordDecision } from "../../app/decisions.ts";
import { LabelImportLine, Outcome } from "../../domain/label.ts";
import { withContext } from "../connect.ts";
import { CliError, printJson, progressBar } from "../output.ts";

export function registerLabel(program: Command): void {
  program
    .command("label")
    .description("record a recruiter's outcome for a candidate (a labelled outcome for retraining)")
    .argument("[resumeId]", "resume id (from `shortlist top`)")
    .option("--posting <id>", "posting id")
    .option("--outcome <outcome>", "advance | reject | hire | withdrawn")
    .option("--import <file.jsonl>", "import many: one {resumeId, postingId, outcome} per line")
    .option("--by <who>", "who decided", "cli")
    .option("--json", "JSON output")
    .action(async (resumeId: string | undefined, opts: { posting?: string; outcome?: string; import?: string; by: string; json?: boolean }) => {
      const lines: LabelImportLine[] = [];
      if (opts.import) {
        const text = fs.readFileSync(opts.import, "utf8");
        text.split("\n").forEach((raw, i) => {
          if (!raw.trim()) return;
          let json: unknown;
          try {
            json = JSON.parse(raw);
          } catch {
            throw new CliError(`${opts.import}:${i + 1}: not valid JSON`);
          }
          const parsed = LabelImportLine.safeParse(json);
          if (!parsed.success) throw new CliError(`${opts.import}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
          lines.push(parsed.data);
        });
      } else {
        const outcome = Outcome.safeParse(opts.outcome);
        if (!resumeId || !opts.posting || !outcome.success) {
          throw new CliError("give <resumeId> --posting <id> --outcome advance|reject|hire|withdrawn, or --import <file.jsonl>", 2);
        }
        const parsed = LabelImportLine.safeParse({ resumeId, postingId: opts.posting, outcome: outcome.data });
        if (!parsed.success) throw new CliError(parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; "), 2);
        lines.push(parsed.data);
      }
      await withContext(async (ctx) => {
        const bar = progressBar(lines.length, "labels", !opts.json);
        let since = 0;
        for (const line of lines) {
          since = (await recordDecision(ctx, line, opts.by)).labelsSinceRetrain;
          bar.increment();
        }
        bar.stop();
        const retrainQueued = await maybeTriggerRetrain(ctx, since);
        if (opts.json) printJson({ recorded: lines.length, labelsSinceRetrain: since, retrainQueued });
        else process.stdout.write(`recorded ${lines.length} label(s)${retrainQueued ? "; retrain queued" : ""}\n`);
      });
    });
}
