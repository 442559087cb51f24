/**
 * The hard limits of the parse sandbox, on a thread that misbehaves on purpose: a synchronous
 * endless loop is stopped (`timeout`), heap and off-heap hoarding are stopped (`memory`), and
 * the next task gets a fresh thread, so the owning process goes on.
 */
import { afterAll, describe, expect, it } from "vitest";
import { LimitedThread, ThreadLimitError, ThreadTaskError } from "../../src/sandbox/limited-thread.ts";
import type { Order } from "./threads/misbehave.thread.ts";

const entry = new URL("./threads/misbehave.thread.ts", import.meta.url);
const thread = new LimitedThread<Order, { ok: boolean }>(entry, { timeoutMs: 1500, maxMemoryMb: 96 });
// Memory limits must trip before the time limit, even on a machine busy with other work.
const patient = new LimitedThread<Order, { ok: boolean }>(entry, { timeoutMs: 60_000, maxMemoryMb: 96 });

async function failure(order: Order, on = thread): Promise<unknown> {
  return on.run(order).then(() => null, (e: unknown) => e);
}

describe("LimitedThread", () => {
  afterAll(async () => {
    await thread.close();
    await patient.close();
  });

  it("answers a task and keeps the thread for the next one", async () => {
    expect(await thread.run("echo")).toEqual({ ok: true });
    expect(await thread.run("echo")).toEqual({ ok: true });
  });

  it("passes a task's error back with its name and own fields", async () => {
    const error = await failure("throw");
    expect(error).toBeInstanceOf(ThreadTaskError);
    expect((error as ThreadTaskError).data).toMatchObject({ name: "TaggedError", code: "tagged", message: "told to throw" });
    expect(await thread.run("echo")).toEqual({ ok: true });
  });

  it("stops a synchronous endless loop with reason timeout, then serves again", async () => {
    const error = await failure("spin");
    expect(error).toBeInstanceOf(ThreadLimitError);
    expect((error as ThreadLimitError).reason).toBe("timeout");
    expect(await thread.run("echo")).toEqual({ ok: true });
  });

  it("stops heap exhaustion with reason memory, then serves again", async () => {
    const error = await failure("heap", patient);
    expect(error).toBeInstanceOf(ThreadLimitError);
    expect((error as ThreadLimitError).reason).toBe("memory");
    expect(await patient.run("echo")).toEqual({ ok: true });
  });

  it("stops off-heap (buffer) growth with reason memory", async () => {
    const error = await failure("buffers", patient);
    expect(error).toBeInstanceOf(ThreadLimitError);
    expect((error as ThreadLimitError).reason).toBe("memory");
    expect(await patient.run("echo")).toEqual({ ok: true });
  });
});
