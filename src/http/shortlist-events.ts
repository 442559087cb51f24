/**
 * One Redis subscription per server process, fanned out to every open server-sent-events
 * stream of the posting that changed. The shortlist store publishes on every upsert and swap;
 * decisions made through the API publish too, so every recruiter's page follows along.
 */
import type { ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import { z } from "zod";
import { log } from "../log.ts";

export const ShortlistChange = z.object({
  postingId: z.string(),
  resumeId: z.string().nullable(),
  /** Set when the change is a recorded decision rather than a new or rescored entry. */
  decision: z.boolean().optional(),
});
export type ShortlistChange = z.infer<typeof ShortlistChange>;

/** Keeps idle proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

export class ShortlistEvents {
  private readonly streams = new Map<string, Set<ServerResponse>>();
  private readonly listeners: ((change: ShortlistChange) => void)[] = [];
  private heartbeat: NodeJS.Timeout | undefined;

  private constructor(private readonly subscriber: Redis) {}

  static async start(redis: Redis, channel: string): Promise<ShortlistEvents> {
    const subscriber = redis.duplicate();
    subscriber.on("error", () => {});
    const events = new ShortlistEvents(subscriber);
    await subscriber.subscribe(channel);
    subscriber.on("message", (_channel, message: string) => {
      let change: ShortlistChange;
      try {
        change = ShortlistChange.parse(JSON.parse(message));
      } catch {
        return log.warn("ignored a malformed shortlist event");
      }
      events.dispatch(change);
    });
    events.heartbeat = setInterval(() => events.broadcast(": keep-alive\n\n"), HEARTBEAT_MS);
    events.heartbeat.unref();
    return events;
  }

  /** Called for every change on every posting (metrics). */
  onChange(listener: (change: ShortlistChange) => void): void {
    this.listeners.push(listener);
  }

  /** Takes over `res` as an event stream of one posting until the client goes away. */
  open(postingId: string, res: ServerResponse): void {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    res.write("retry: 2000\n\n");
    res.write(`event: ready\ndata: ${JSON.stringify({ postingId })}\n\n`);
    const set = this.streams.get(postingId) ?? new Set<ServerResponse>();
    set.add(res);
    this.streams.set(postingId, set);
    res.on("close", () => {
      set.delete(res);
      if (set.size === 0) this.streams.delete(postingId);
    });
  }

  openStreams(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  private dispatch(change: ShortlistChange): void {
    for (const listener of this.listeners) listener(change);
    const set = this.streams.get(change.postingId);
    if (!set) return;
    const frame = `event: changed\ndata: ${JSON.stringify(change)}\n\n`;
    for (const res of set) res.write(frame);
  }

  private broadcast(frame: string): void {
    for (const set of this.streams.values()) for (const res of set) res.write(frame);
  }

  /** Ends every open stream (a server cannot close while they stay open) and unsubscribes. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const set of this.streams.values()) for (const res of set) res.end();
    this.streams.clear();
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }
}
