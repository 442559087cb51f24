import type { Command } from "commander";
import { listDeadLetters, type DeadLetter } from "../../queue/dead-letter.ts";
import { withContext } from "../connect.ts";
import { printJson, printTable } from "../output.ts";

/** The message without its leading "<file name>: " (the file has its own column). */
const detailOf = (message: string) => {
  const colon = message.indexOf(": ");
  return colon >= 0 ? message.slice(colon + 2) : message;
};

export function deadLetterTable(rows: readonly DeadLetter[]): void {
  printTable(["job", "queue", "file", "posting", "reason", "attempts", "failed at", "detail"], rows.map((r) => [
    r.resumeId.slice(0, 12),
    r.queue,
    r.fileName.slice(0, 32),
    r.postingId,
    r.reason,
    r.attempts,
    r.failedAt?.replace(/\.\d+Z$/, "Z") ?? "-",
    detailOf(r.message).slice(0, 60),
  ]));
}

export function registerFailed(program: Command): void {
  program
    .command("failed")
    .description("dead-letter view: parse and score jobs that failed (at once for unreadable files, or after their retries)")
    .option("--json", "JSON rows: id, queue, postingId, resumeId, fileName, reason, message, attempts, failedAt")
    .action(async (opts: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const rows = await listDeadLetters({ queues: ctx.queues, stores: ctx.stores });
        if (opts.json) return printJson(rows);
        if (rows.length === 0) return void process.stdout.write("no failed jobs\n");
        deadLetterTable(rows);
        process.stdout.write(`${rows.length} failed; retry with: shortlist retry <job> | shortlist retry --all\n`);
      });
    });
}
