/**
 * Prometheus metrics. Queue depths, failures and stage latencies are read from BullMQ when
 * Prometheus scrapes (the workers may run on other machines, so this process cannot count
 * them itself); scores written are counted from the shortlist's change events.
 */
import type { Job } from "bullmq";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { AppContext } from "../app/context.ts";
import { QUEUE_NAMES } from "../domain/jobs.ts";
import type { ShortlistEvents } from "./shortlist-events.ts";

const JOB_STATES = ["waiting", "active", "delayed", "prioritized", "waiting-children", "completed", "failed"] as const;
/** Recent completed jobs per queue that the latency quantiles are computed over. */
const LATENCY_SAMPLE = 200;

export interface HttpMetrics {
  registry: Registry;
  requests: Histogram<"method" | "route" | "status">;
  uploadsRejected: Counter<"reason">;
  decisions: Counter<"outcome">;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function recentDurations(jobs: Job[]): Promise<{ processing: number[]; waiting: number[] }> {
  const processing: number[] = [];
  const waiting: number[] = [];
  for (const job of jobs) {
    if (job.processedOn && job.finishedOn) processing.push((job.finishedOn - job.processedOn) / 1000);
    if (job.processedOn) waiting.push(Math.max(0, job.processedOn - job.timestamp) / 1000);
  }
  return { processing: processing.sort((a, b) => a - b), waiting: waiting.sort((a, b) => a - b) };
}

export function createMetrics(ctx: AppContext, events: ShortlistEvents): HttpMetrics {
  const registry = new Registry();
  const queues = { parse: ctx.queues.parse, score: ctx.queues.score, retrain: ctx.queues.retrain };
  new Gauge({
    name: "shortlist_queue_jobs",
    help: "Jobs per queue and state (waiting/active/delayed = depth, failed = failures kept for inspection)",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      for (const name of QUEUE_NAMES) {
        const counts = await queues[name].getJobCounts(...JOB_STATES);
        for (const state of JOB_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
      }
    },
  });
  new Gauge({
    name: "shortlist_stage_latency_seconds",
    help: `Stage latency quantiles over the last ${LATENCY_SAMPLE} completed jobs per queue (phase: wait = queued→started, process = started→finished)`,
    labelNames: ["queue", "phase", "quantile"],
    registers: [registry],
    async collect() {
      for (const name of QUEUE_NAMES) {
        const { processing, waiting } = await recentDurations(await queues[name].getJobs(["completed"], 0, LATENCY_SAMPLE - 1));
        for (const q of [0.5, 0.9, 0.99]) {
          this.set({ queue: name, phase: "process", quantile: String(q) }, quantile(processing, q));
          this.set({ queue: name, phase: "wait", quantile: String(q) }, quantile(waiting, q));
        }
      }
    },
  });
  new Gauge({
    name: "shortlist_workers",
    help: "Workers connected per queue",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      for (const name of QUEUE_NAMES) this.set({ queue: name }, await queues[name].getWorkersCount());
    },
  });
  new Gauge({
    name: "shortlist_sse_streams", help: "Open server-sent-event streams", registers: [registry],
    collect() { this.set(events.openStreams()); },
  });
  const scores = new Counter({
    name: "shortlist_scores_written_total",
    help: "Shortlist entries written (scored or rescored) while this server was listening",
    labelNames: ["posting"],
    registers: [registry],
  });
  events.onChange((change) => {
    if (change.resumeId !== null && !change.decision) scores.inc({ posting: change.postingId });
  });
  return {
    registry,
    requests: new Histogram({
      name: "shortlist_http_request_duration_seconds",
      help: "HTTP requests by route pattern and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    uploadsRejected: new Counter({ name: "shortlist_uploads_rejected_total", help: "Uploads refused at the API", labelNames: ["reason"], registers: [registry] }),
    decisions: new Counter({ name: "shortlist_decisions_total", help: "Decisions recorded through the API", labelNames: ["outcome"], registers: [registry] }),
  };
}
