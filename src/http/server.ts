/**
 * The HTTP service: API, recruiters' page and queue dashboard in one Fastify process. It only
 * reads and writes through the app's stores and queues; the workers may run anywhere.
 */
import multipart from "@fastify/multipart";
import Fastify, { type FastifyInstance } from "fastify";
import type { AppContext } from "../app/context.ts";
import { TokenStore } from "../auth/tokens.ts";
import { log } from "../log.ts";
import { registerRoutes, type ApiRoute } from "./api-route.ts";
import { installAuth } from "./auth-hook.ts";
import { mountQueueDashboard } from "./bull-board.ts";
import type { ServerDeps } from "./deps.ts";
import { installErrorHandler } from "./error-handler.ts";
import { createMetrics } from "./metrics.ts";
import { openApiDocument } from "./openapi.ts";
import { adminRoutes } from "./routes/admin.ts";
import { applicationRoutes } from "./routes/applications.ts";
import { decisionRoutes } from "./routes/decisions.ts";
import { opsRoutes } from "./routes/ops.ts";
import { loadPageFiles, pageRoutes } from "./routes/page.ts";
import { postingRoutes } from "./routes/postings.ts";
import { resumeFileRoutes } from "./routes/resume-file.ts";
import { shortlistRoutes } from "./routes/shortlist.ts";
import { ShortlistEvents } from "./shortlist-events.ts";

export const API_VERSION = "1.0.0";

export interface HttpServer {
  app: FastifyInstance;
  /** Every API route (what /openapi.json documents). */
  routes: readonly ApiRoute[];
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  port: number;
  /** @defaultValue 127.0.0.1 — put a TLS-terminating proxy in front before exposing it. */
  host?: string;
}

export async function buildApp(ctx: AppContext): Promise<{ app: FastifyInstance; routes: ApiRoute[]; events: ShortlistEvents }> {
  const events = await ShortlistEvents.start(ctx.redis, ctx.stores.keys.shortlistChannel());
  const deps: ServerDeps = { ctx, tokens: new TokenStore(ctx.redis, ctx.stores.keys), events, metrics: createMetrics(ctx, events) };
  // Fastify's own logger stays off: it would log URLs and headers; one line per request below carries no token or PII.
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, return503OnClosing: true });
  await app.register(multipart);
  const files = loadPageFiles();
  installAuth(app, deps.tokens, () => files.get("login.html")?.body ?? "sign in with an API token");
  installErrorHandler(app, ctx.config.maxUploadBytes);
  const page = pageRoutes(deps, files);
  const routes: ApiRoute[] = [
    ...postingRoutes(deps), ...applicationRoutes(deps), ...shortlistRoutes(deps), ...resumeFileRoutes(deps),
    ...decisionRoutes(deps), ...adminRoutes(deps), ...page.api,
  ];
  let document: unknown;
  const all = [...routes, ...opsRoutes(deps, () => document)];
  document = openApiDocument(all, API_VERSION);
  registerRoutes(app, [...all, ...page.pages]);
  await mountQueueDashboard(app, ctx.queues);
  app.addHook("onResponse", async (req, reply) => {
    const route = req.routeOptions.url ?? "unmatched";
    const seconds = reply.elapsedTime / 1000;
    deps.metrics.requests.observe({ method: req.method, route, status: String(reply.statusCode) }, seconds);
    log.debug("http", { method: req.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) });
  });
  // Open event streams would keep the server from closing: end them first.
  app.addHook("preClose", async () => events.close());
  return { app, routes: all, events };
}

export async function startHttpServer(ctx: AppContext, options: ServeOptions): Promise<HttpServer> {
  const { app, routes } = await buildApp(ctx);
  const host = options.host ?? "127.0.0.1";
  await app.listen({ port: options.port, host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return { app, routes, url: `http://${host}:${port}`, close: () => app.close() };
}
