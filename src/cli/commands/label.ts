import fs from "node:fs";
import type { Command } from "commander";
import { maybeTriggerRetrain, recordDecision } from "../../app/decisions.ts";
import { LabelImportLine, Outcome } from "../../domain/label.ts";
import { LabelFileError, parseLabelFile } from "../label-file.ts";
import { withContext } from "../connect.ts";
import { CliError, printJson, progressBar } from "../output.ts";

export function registerLabel(program: Command): void {
  program
    .command("label")
    .description("record a recruiter's outcome for a candidate (a labelled outcome for retraining)")
    .argument("[resumeId]", "resume id (from `shortlist top`)")
    .option("--posting <id>", "posting id")
    .option("--outcome <outcome>", "advance | reject | hire | withdrawn")
    .option("--import <file.jsonl>", "import many: JSON Lines, a JSON array, or CSV with a header; fields resumeId, postingId, outcome, optional rankShown, decidedAt, note")
    .option("--by <who>", "who decided", "cli")
    .option("--json", "JSON output")
    .action(async (resumeId: string | undefined, opts: { posting?: string; outcome?: string; import?: string; by: string; json?: boolean }) => {
      const lines: LabelImportLine[] = [];
      const where = (i: number) => (opts.import ? `${opts.import}: record ${i + 1}` : `resume ${resumeId}`);
      if (opts.import) {
        let text: string;
        try {
          text = fs.readFileSync(opts.import, "utf8");
        } catch (err) {
          throw new CliError(`${opts.import}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 2);
        }
        try {
          lines.push(...parseLabelFile(text, opts.import));
        } catch (err) {
          if (err instanceof LabelFileError) throw new CliError(err.message);
          throw err;
        }
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
        // All or nothing: a typo in one line must not leave half a file recorded, nor a label that no
        // application backs (it would be skipped by retraining without anyone noticing).
        const unknown: string[] = [];
        for (const [i, line] of lines.entries()) {
          if (!(await ctx.stores.postings.get(line.postingId))) unknown.push(`${where(i)}: posting "${line.postingId}" does not exist`);
          else if (!(await ctx.stores.applications.get(line.postingId, line.resumeId))) unknown.push(`${where(i)}: resume ${line.resumeId} did not apply to "${line.postingId}"`);
          if (unknown.length >= 5) break;
        }
        if (unknown.length) throw new CliError(`nothing recorded:\n  ${unknown.join("\n  ")}`);
        // Lines without a decision time share the import's: nothing says one was decided before another.
        const importedAt = new Date().toISOString();
        const bar = progressBar(lines.length, "labels", !opts.json);
        let since = 0;
        for (const line of lines) {
          // An imported decision was made elsewhere: the rank it was shown at is the file's, or unknown;
          // today's rank on the shortlist is not what that recruiter saw.
          const decided = opts.import ? { ...line, decidedAt: line.decidedAt ?? importedAt } : line;
          since = (await recordDecision(ctx, decided, opts.by, { rankFromShortlist: !opts.import })).labelsSinceRetrain;
          bar.increment();
        }
        bar.stop();
        const retrainQueued = await maybeTriggerRetrain(ctx, since);
        if (opts.json) printJson({ recorded: lines.length, labelsSinceRetrain: since, retrainQueued });
        else process.stdout.write(`recorded ${lines.length} label(s)${retrainQueued ? "; retrain queued" : ""}\n`);
      });
    });
}
