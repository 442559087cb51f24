/** Probes, metrics and the API description. Probes and the description are public: they carry no candidate data. */
import type { AppContext } from "../../app/context.ts";
import { defineRoute, type ApiRoute } from "../api-route.ts";
import type { ServerDeps } from "../deps.ts";
import { Health, Readiness } from "../schemas.ts";

/** Queues that must have a worker for applications to move; retrain may run elsewhere or on demand only. */
const REQUIRED_WORKERS = ["parse", "score"] as const;

async function redisAnswers(ctx: AppContext): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 1000).unref());
  return Promise.race([ctx.redis.ping().then((r) => r === "PONG").catch(() => false), timeout]);
}

async function servingModel(ctx: AppContext): Promise<string | null> {
  try {
    const version = await ctx.registry.current();
    ctx.registry.metadata(version); // throws when the files are missing
    return version;
  } catch {
    return null;
  }
}

export function opsRoutes({ ctx, metrics }: ServerDeps, document: () => unknown): ApiRoute[] {
  return [
    defineRoute({
      method: "GET", url: "/healthz", tag: "ops", summary: "the process is up", access: "public", responses: { 200: Health },
      async handler() {
        return { body: { ok: true } };
      },
    }),
    defineRoute({
      method: "GET", url: "/readyz", tag: "ops", summary: "Redis reachable, parse and score workers alive, model loadable (503 when not)",
      access: "public", responses: { 200: Readiness, 503: Readiness },
      async handler() {
        const redis = await redisAnswers(ctx);
        const workers: Record<string, number> = {};
        if (redis) for (const name of ["parse", "score", "retrain"] as const) workers[name] = await ctx.queues[name].getWorkersCount();
        const model = redis ? await servingModel(ctx) : null;
        const ready = redis && model !== null && REQUIRED_WORKERS.every((q) => (workers[q] ?? 0) > 0);
        return { status: ready ? 200 : 503, body: { ready, checks: { redis, workers, model } } };
      },
    }),
    defineRoute({
      method: "GET", url: "/metrics", tag: "ops", summary: "Prometheus metrics (queue depths, stage latencies, scores written, failures)",
      access: ["admin"], rawResponse: { status: 200, contentType: "text/plain; version=0.0.4", description: "Prometheus text format" },
      async handler({ reply }) {
        await reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
        return undefined;
      },
    }),
    defineRoute({
      method: "GET", url: "/openapi.json", tag: "ops", summary: "this document", access: "public",
      rawResponse: { status: 200, contentType: "application/json", description: "OpenAPI 3.1" },
      async handler({ reply }) {
        await reply.type("application/json; charset=utf-8").send(document());
        return undefined;
      },
    }),
  ];
}
