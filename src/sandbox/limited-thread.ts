/**
 * Runs tasks, one at a time, in a worker thread with hard limits on time and memory, so that a
 * hostile input cannot hang or bloat the process that owns the job.
 *
 * - Time: a synchronous loop cannot be interrupted from inside the thread; `terminate()` from
 *   outside can (V8 stops the isolate), so the timer lives here, on an event loop that stays free.
 * - Memory: `resourceLimits` caps the thread's heap (it dies with ERR_WORKER_OUT_OF_MEMORY, the
 *   process survives). Buffers live outside that heap (a PDF stream inflating to gigabytes), so
 *   the process's resident-memory growth during the task is sampled as well.
 *
 * A thread that was stopped is discarded; the next task starts a fresh one. Start-up (module
 * imports) is not counted against a task's limits.
 */
import { Worker } from "node:worker_threads";
import { ThreadReply, type ThreadErrorData } from "./thread-task.ts";

const MiB = 1024 * 1024;
const TSX_API = import.meta.resolve("tsx/esm/api");
/** Serves node_modules/**\/*.mjs untransformed (pdf.js's 2 MB worker costs seconds through tsx). */
const PLAIN_NODE_MODULES = new URL("../../workers/plain-node-modules.mjs", import.meta.url).href;

export type LimitReason = "timeout" | "memory";

/**
 * V8 sizes an isolate's young generation up to 3 × 16 MB semi-spaces; pdf.js's garbage fills it, and
 * with two isolates per parse child (its main one and this thread) that alone kept the child's peak
 * RSS at ~395 MB. 8 MB measured ~50 MB less peak per child at the same throughput (bench, same run).
 */
const YOUNG_GENERATION_MB = 8;

export class ThreadLimitError extends Error {
  override readonly name = "ThreadLimitError";
  constructor(readonly reason: LimitReason, message: string) {
    super(message);
  }
}

/** An error thrown by the task inside the thread, rebuilt from its data. */
export class ThreadTaskError extends Error {
  override readonly name = "ThreadTaskError";
  constructor(readonly data: ThreadErrorData) {
    super(data.message);
  }
}

export interface ThreadLimits {
  /** Wall-clock limit of one task. */
  timeoutMs: number;
  /** Heap limit of the thread, and the most the process's resident memory may grow during one task. */
  maxMemoryMb: number;
  /** Resident-memory sampling period. @defaultValue 50 */
  sampleMs?: number;
}

/**
 * The entry is TypeScript: the thread registers tsx itself (`--import` loader hooks are not inherited
 * by threads), then the plain-node-modules hook (registered later, so it runs first for those files).
 */
const bootstrap = (entry: string) =>
  `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(PLAIN_NODE_MODULES)}); })` +
  `.then(() => import(${JSON.stringify(entry)}))`;

export class LimitedThread<I, O> {
  private ready: Promise<Worker> | null = null;
  private busy = false;

  constructor(private readonly entry: URL, private readonly limits: ThreadLimits) {}

  async run(input: I): Promise<O> {
    if (this.busy) throw new Error("a LimitedThread runs one task at a time");
    this.busy = true;
    try {
      return await this.exchange(await this.start(), input);
    } finally {
      this.busy = false;
    }
  }

  async close(): Promise<void> {
    const ready = this.ready;
    this.ready = null;
    if (ready) await ready.then((w) => w.terminate(), () => undefined);
  }

  /** Starts the thread now (module loading takes seconds) instead of on the first task. */
  warmUp(): void {
    this.start().catch(() => undefined);
  }

  /** Loading has no time limit: it runs the project's own modules, never the untrusted input. */
  private start(): Promise<Worker> {
    if (this.ready) return this.ready;
    const ready = new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(bootstrap(this.entry.href), {
        eval: true,
        resourceLimits: { maxOldGenerationSizeMb: this.limits.maxMemoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      const onExit = (code: number) => fail(new Error(`the thread exited with code ${code} while starting`));
      const fail = (error: Error) => {
        worker.off("error", fail).off("exit", onExit);
        if (this.ready === ready) this.ready = null;
        void worker.terminate();
        reject(error);
      };
      worker.once("message", (message: unknown) => {
        if (ThreadReply.safeParse(message).data?.type !== "ready") return fail(new Error("the thread sent a message before it was ready"));
        worker.off("error", fail).off("exit", onExit);
        // A thread that dies while idle is forgotten, so the next task starts a fresh one.
        worker.once("exit", () => {
          if (this.ready === ready) this.ready = null;
        });
        resolve(worker);
      });
      worker.on("error", fail).on("exit", onExit);
    });
    this.ready = ready;
    return ready;
  }

  private exchange(worker: Worker, input: I): Promise<O> {
    const { timeoutMs, maxMemoryMb, sampleMs = 50 } = this.limits;
    return new Promise<O>((resolve, reject) => {
      const baseline = process.memoryUsage.rss();
      let settled = false;
      const settle = (discard: boolean, outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(sampler);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        if (discard) this.discard(worker);
        outcome();
      };
      const stop = (reason: LimitReason, message: string) => settle(true, () => reject(new ThreadLimitError(reason, message)));
      const timer = setTimeout(() => stop("timeout", `took longer than ${timeoutMs} ms and was stopped`), timeoutMs);
      const sampler = setInterval(() => {
        const grown = (process.memoryUsage.rss() - baseline) / MiB;
        if (grown > maxMemoryMb) stop("memory", `used more than ${maxMemoryMb} MB and was stopped`);
      }, sampleMs);
      const onMessage = (message: unknown) => {
        const reply = ThreadReply.safeParse(message).data;
        if (reply?.type === "result") settle(false, () => resolve(reply.value as O));
        else if (reply?.type === "error") settle(false, () => reject(new ThreadTaskError(reply.error)));
        else settle(true, () => reject(new Error("the thread sent an unexpected message")));
      };
      const onError = (error: Error & { code?: string }) => {
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY") stop("memory", `ran out of its ${maxMemoryMb} MB heap and was stopped`);
        else settle(true, () => reject(error));
      };
      const onExit = (code: number) => settle(true, () => reject(new Error(`the thread exited with code ${code}`)));
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.postMessage(input);
    });
  }

  private discard(worker: Worker): void {
    this.ready = null; // the task that found it broken is the only user: no newer thread exists yet
    void worker.terminate();
  }
}
