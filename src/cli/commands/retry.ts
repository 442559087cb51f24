import type { Command } from "commander";
import { listDeadLetters, matchDeadLetters, retryDeadLetters } from "../../queue/dead-letter.ts";
import { withContext } from "../connect.ts";
import { CliError, EXIT, printJson, printTable } from "../output.ts";

export function registerRetry(program: Command): void {
  program
    .command("retry")
    .description("move failed jobs back to the queue with a fresh attempt budget (see `shortlist failed`)")
    .argument("[job]", "a job id (<posting>.<resumeId>) or the first 8+ characters of a resume id")
    .option("--all", "retry every failed parse and score job")
    .option("--json", "JSON output: {retried: [rows]}")
    .action(async (id: string | undefined, opts: { all?: boolean; json?: boolean }) => {
      if (Boolean(id) === Boolean(opts.all)) throw new CliError("give a job id or --all (not both)", EXIT.usage);
      await withContext(async (ctx) => {
        const deps = { queues: ctx.queues, stores: ctx.stores };
        const failed = await listDeadLetters(deps);
        const chosen = opts.all ? failed : matchDeadLetters(failed, id!);
        if (!opts.all && chosen.length === 0) throw new CliError(`no failed job matches "${id}" (list them with: shortlist failed)`);
        const retried = await retryDeadLetters(deps, chosen);
        if (opts.json) return printJson({ retried });
        if (retried.length === 0) return void process.stdout.write("nothing to retry\n");
        printTable(["job", "queue", "file", "posting", "was"], retried.map((r) => [r.resumeId.slice(0, 12), r.queue, r.fileName.slice(0, 32), r.postingId, r.reason]));
        process.stdout.write(`${retried.length} job(s) queued again\n`);
      });
    });
}
