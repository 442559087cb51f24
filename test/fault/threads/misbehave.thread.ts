/** A thread that does what it is told: answer, throw, loop forever, or eat heap / off-heap memory. */
import { serveTasks } from "../../../src/sandbox/thread-task.ts";

export type Order = "echo" | "throw" | "spin" | "heap" | "buffers";

class TaggedError extends Error {
  override readonly name = "TaggedError";
  readonly code = "tagged";
}

const hoard: unknown[] = [];

serveTasks(async (order: Order) => {
  switch (order) {
    case "echo":
      return { ok: true };
    case "throw":
      throw new TaggedError("told to throw");
    case "spin":
      for (;;); // a synchronous loop: only terminate() can stop it
    case "heap":
      for (;;) hoard.push(new Array(100_000).fill({ x: Math.random() }));
    case "buffers":
      for (;;) {
        hoard.push(Buffer.alloc(16 * 1024 * 1024, 1)); // outside the V8 heap: only the RSS sampler sees it
        await new Promise((r) => setImmediate(r));
      }
  }
});
