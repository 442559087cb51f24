import type { Command } from "commander";
import { eraseResume, resumesByEmail, type ErasureResult } from "../../app/erase.ts";
import { ResumeId } from "../../domain/profile.ts";
import { withContext } from "../connect.ts";
import { CliError, EXIT, printJson, printTable } from "../output.ts";

export function registerErase(program: Command): void {
  program
    .command("erase")
    .description("erase a resume everywhere (file, text, profile, applications, shortlist entries, labels, decision-log lines); records only that an erasure happened")
    .argument("[resumeId]", "resume id (SHA-256 of the file)")
    .option("--email <address>", "erase every resume indexed under this e-mail instead")
    .option("--json", "JSON output")
    .action(async (resumeId: string | undefined, opts: { email?: string; json?: boolean }) => {
      if (Boolean(resumeId) === Boolean(opts.email)) throw new CliError("give either <resumeId> or --email <address>", EXIT.usage);
      if (resumeId && !ResumeId.safeParse(resumeId).success) throw new CliError(`"${resumeId}" is not a resume id (64 lowercase hex characters)`, EXIT.usage);
      const results = await withContext(async (ctx) => {
        const ids = resumeId ? [resumeId] : await resumesByEmail(ctx.stores, opts.email!);
        const out: ErasureResult[] = [];
        for (const id of ids) out.push(await eraseResume({ stores: ctx.stores, queues: ctx.queues }, id));
        return out;
      });
      if (opts.json) printJson(results);
      else if (results.length === 0) process.stdout.write("nothing to erase: no resume is indexed under that e-mail\n");
      else printTable(["resume id", "found", "applications", "labels", "log lines"], results.map((r) => [
        r.resumeId.slice(0, 12), r.existed ? "yes" : "no", r.applications, r.labels, r.decisionLogLines,
      ]));
      if (results.some((r) => !r.existed && r.applications === 0)) process.exitCode = EXIT.failed;
    });
}
