import type { AppContext } from "../app/context.ts";
import type { QueueName } from "../domain/jobs.ts";
import { startWorkers, type RunningWorkers } from "../../workers/run.ts";

/**
 * `--wait` must not hang when nothing is processing: if no worker listens on one of the
 * queues the command waits on, run workers for them inside this process until it is done.
 */
export async function ensureWorkers(ctx: AppContext, names: QueueName[]): Promise<RunningWorkers | null> {
  const missing: QueueName[] = [];
  for (const name of names) {
    if ((await ctx.queues[name].getWorkersCount()) === 0) missing.push(name);
  }
  if (missing.length === 0) return null;
  process.stderr.write(`no worker is running for ${missing.join(", ")}: processing in this process\n`);
  return startWorkers(ctx, missing, { schedule: false });
}
