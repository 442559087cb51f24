import fs from "node:fs";
import type { Command } from "commander";
import { AUDIT_STAGES, auditPosting, STAGE_LABELS, type AuditCandidate } from "../../audit/adverse-impact.ts";
import { GroupsFileError, parseGroupsCsv } from "../../audit/groups-csv.ts";
import { auditHtml } from "../../audit/html-report.ts";
import { outcomeToTarget } from "../../domain/label.ts";
import { withContext } from "../connect.ts";
import { CliError, EXIT, printJson, printTable } from "../output.ts";

export function registerAudit(program: Command): void {
  program
    .command("audit")
    .description("adverse-impact audit of a posting: selection rates, impact ratios and four-fifths flags per self-reported category")
    .requiredOption("--posting <id>", "posting id")
    .requiredOption("--groups <file.csv>", "CSV resumeId,category (self-reported; read for this audit only, never stored)")
    .option("--k <n>", "shortlist size counted as shortlisted", "20")
    .option("--json", "the report as JSON")
    .option("--html <out.html>", "also write a self-contained HTML report with a bar chart")
    .action(async (opts: { posting: string; groups: string; k: string; json?: boolean; html?: string }) => {
      const k = Number(opts.k);
      if (!Number.isInteger(k) || k < 1) throw new CliError(`--k must be a positive integer, got "${opts.k}"`, EXIT.usage);
      if (!fs.existsSync(opts.groups)) throw new CliError(`${opts.groups}: no such file`, EXIT.usage);
      let groups: Map<string, string>;
      try {
        groups = parseGroupsCsv(fs.readFileSync(opts.groups, "utf8"), opts.groups);
      } catch (error) {
        if (error instanceof GroupsFileError) throw new CliError(error.message);
        throw error;
      }
      const report = await withContext(async (ctx) => {
        await ctx.stores.postings.require(opts.posting);
        const size = await ctx.stores.shortlist.size(opts.posting);
        const rows = size === 0 ? [] : await ctx.stores.shortlist.top(opts.posting, size);
        const labels = new Map((await ctx.stores.labels.all()).filter((l) => l.postingId === opts.posting).map((l) => [l.resumeId, l.outcome]));
        const candidates: AuditCandidate[] = rows.map((r) => {
          const outcome = labels.get(r.resumeId);
          return { resumeId: r.resumeId, score: r.score, tier: r.tier, rank: r.rank, advanced: outcome !== undefined && outcomeToTarget(outcome) === 1 };
        });
        return auditPosting(opts.posting, candidates, groups, k);
      });
      if (opts.html) fs.writeFileSync(opts.html, auditHtml(report));
      if (opts.json) return printJson(report);
      process.stdout.write(`${report.postingId}: ${report.applicants} applicants (${report.categorised} categorised, ${report.unknown} unknown), top K = ${report.k}\n`);
      printTable(["category", "n", ...AUDIT_STAGES.map((s) => STAGE_LABELS[s].split(" (")[0]!)], report.categories.map((c) => [
        c.small ? `${c.category} (<2%)` : c.category,
        c.count,
        ...AUDIT_STAGES.map((s) => {
          const r = c.stages[s];
          return `${(r.rate * 100).toFixed(1)}% ×${r.impactRatio === null ? "–" : r.impactRatio.toFixed(2)}${r.adverseImpact ? " ⚠" : ""}`;
        }),
      ]));
      for (const note of report.notes) process.stdout.write(`- ${note}\n`);
      if (opts.html) process.stdout.write(`HTML report: ${opts.html}\n`);
    });
}
