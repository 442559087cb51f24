/**
 * The thread side of a LimitedThread: announces readiness once the entry module (and everything
 * it imports) has loaded, then answers one task at a time. Errors cross the thread boundary as
 * plain data (name, message and the error's own fields, e.g. DocumentError's code and fileName).
 */
import { parentPort } from "node:worker_threads";
import { z } from "zod";

export const ThreadErrorData = z.looseObject({ name: z.string(), message: z.string() });
export type ThreadErrorData = z.infer<typeof ThreadErrorData>;

export const ThreadReply = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("result"), value: z.unknown() }),
  z.object({ type: z.literal("error"), error: ThreadErrorData }),
]);
export type ThreadReply = z.infer<typeof ThreadReply>;

export function errorToData(error: unknown): ThreadErrorData {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) own[key] = value;
  }
  return { ...own, name: error.name, message: error.message };
}

export function serveTasks<I, O>(handler: (input: I) => Promise<O>): void {
  const port = parentPort;
  if (!port) throw new Error("serveTasks() must run inside a worker thread");
  port.on("message", (input: I) => {
    handler(input).then(
      (value) => port.postMessage({ type: "result", value } satisfies ThreadReply),
      (error: unknown) => port.postMessage({ type: "error", error: errorToData(error) } satisfies ThreadReply),
    );
  });
  port.postMessage({ type: "ready" } satisfies ThreadReply);
}
