import type { Command } from "commander";
import { QueueEvents } from "bullmq";
import { RetrainResult } from "../../domain/jobs.ts";
import { createRedis } from "../../redis/connection.ts";
import { withContext } from "../connect.ts";
import { ensureWorkers } from "../ensure-workers.ts";
import { printJson, printTable } from "../output.ts";

export function registerRetrain(program: Command): void {
  program
    .command("retrain")
    .description("train a new model version on all labelled outcomes; promote it if it is not worse")
    .option("--wait", "return after the new model is promoted (or kept out) and open shortlists are rescored")
    .option("--json", "JSON output: {modelVersion, promoted, metrics}")
    .action(async (opts: { wait?: boolean; json?: boolean }) =>
      withContext(async (ctx) => {
        // QueueEvents blocks on its connection, so it gets its own.
        const eventsConnection = opts.wait ? createRedis(ctx.config.redisUrl) : null;
        const events = eventsConnection ? new QueueEvents("retrain", { connection: eventsConnection, prefix: ctx.config.prefix }) : null;
        try {
          await events?.waitUntilReady();
          const job = await ctx.queues.retrain.add("retrain", { reason: "on_demand" });
          if (!events) {
            if (opts.json) printJson({ queued: true, jobId: job.id });
            else process.stdout.write(`retrain queued (job ${job.id}); use --wait to wait for the result\n`);
            return;
          }
          const helpers = await ensureWorkers(ctx, ["retrain"]);
          try {
            const result = RetrainResult.parse(await job.waitUntilFinished(events));
            if (opts.json) return printJson(result);
            printTable(["model version", "promoted", "rescored", "reason"], [[result.modelVersion, result.promoted ? "yes" : "no", result.rescored, result.reason]]);
          } finally {
            await helpers?.close();
          }
        } finally {
          await events?.close();
          eventsConnection?.disconnect(); // BullMQ does not close a connection it was given
        }
      }));
}
