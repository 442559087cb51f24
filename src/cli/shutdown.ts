import { log } from "../log.ts";

/**
 * Resolves after SIGINT/SIGTERM and `cleanup` have run. A second signal exits at once
 * (in-flight jobs then return to the queue as stalled and are picked up again).
 */
export function onShutdown(cleanup: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const handler = (signal: NodeJS.Signals) => {
      if (stopping) {
        log.warn("second signal: exiting now", { signal });
        process.exit(130);
      }
      stopping = true;
      log.info("stopping: waiting for in-flight jobs", { signal });
      cleanup()
        .catch((error: Error) => log.error("shutdown error", { error: error.message }))
        .finally(resolve);
    };
    process.on("SIGINT", handler);
    process.on("SIGTERM", handler);
  });
}
