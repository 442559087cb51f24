import type { Command } from "commander";
import { QueueName } from "../../domain/jobs.ts";
import { log } from "../../log.ts";
import { startWorkers } from "../../../workers/run.ts";
import { connect } from "../connect.ts";
import { CliError, EXIT } from "../output.ts";
import { onShutdown } from "../shutdown.ts";

export function parseQueueNames(value: string): QueueName[] {
  const names = value.split(",").map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !QueueName.safeParse(n).success);
  if (bad.length || names.length === 0) {
    throw new CliError(`unknown queue(s): ${bad.join(", ") || "(none)"}; choose from ${QueueName.options.join(", ")}`, EXIT.usage);
  }
  return names as QueueName[];
}

export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description("run workers in the foreground (all queues by default); SIGINT/SIGTERM close them gracefully")
    .option("--queues <names>", `comma-separated: ${QueueName.options.join(",")}`, QueueName.options.join(","))
    .action(async (opts: { queues: string }) => {
      const names = parseQueueNames(opts.queues);
      const ctx = await connect();
      const running = await startWorkers(ctx, names);
      log.info("workers running", { queues: names });
      await onShutdown(async () => {
        await running.close();
        await ctx.close();
      });
    });
}
