/**
 * One table of API routes drives three things: Fastify registration, zod validation of every
 * request and response, and the OpenAPI document. A route declares who may call it; a route
 * with a posting `:id` also checks that the caller may see that posting.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { mayAccessPosting, type Principal, type Role } from "../auth/roles.ts";
import { badRequest, forbidden, HttpError, unauthorized } from "./errors.ts";

export type Access = "public" | readonly Role[];

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: Principal;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** A JSON result, or `undefined` when the handler wrote the reply itself (streams, files). */
export type RouteResult = { status?: number; body: unknown } | undefined;

export interface ApiRoute<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: "GET" | "POST" | "DELETE";
  url: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** JSON responses by status, validated before they are sent. */
  responses?: Record<number, z.ZodType>;
  /** Non-JSON bodies, for the OpenAPI document only: content type → description. */
  rawResponse?: { status: number; contentType: string; description: string };
  /** Request body documented as multipart/form-data with one `file` part. */
  multipart?: boolean;
  /** A browser page: without a token it answers 401 with the login form. */
  loginPage?: boolean;
  handler(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>): Promise<RouteResult>;
}

/** Keeps the handler's parameter types tied to the route's schemas. */
export function defineRoute<P extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, B extends z.ZodType = z.ZodUnknown>(
  route: ApiRoute<P, Q, B>,
): ApiRoute {
  return route as unknown as ApiRoute;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the auth hook for every request that carried a valid token. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route; routes without it (e.g. the queue dashboard) are admin-only. */
    access?: Access;
    /** Answer a failed login with the login page (browser pages) instead of JSON. */
    loginPage?: boolean;
  }
}

export function authorize(principal: Principal | null, access: Access): Principal | null {
  if (access === "public") return principal;
  if (!principal) throw unauthorized();
  if (!access.includes(principal.role)) {
    throw forbidden(`a ${principal.role} token may not do this (needs: ${access.join(" or ")})`);
  }
  return principal;
}

function parseOr400<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): z.output<S> | undefined {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest(where, parsed.error);
  return parsed.data;
}

export function registerRoutes(app: FastifyInstance, routes: readonly ApiRoute[]): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      config: { access: route.access, loginPage: route.loginPage ?? false },
      handler: async (req, reply) => {
        const params = parseOr400(route.params, req.params, "params");
        const postingId = (params as { id?: unknown } | undefined)?.id;
        const principal = req.principal;
        if (typeof postingId === "string" && principal && !mayAccessPosting(principal, postingId)) {
          throw forbidden(`this token is not assigned to posting "${postingId}"`);
        }
        const query = parseOr400(route.query, req.query, "query");
        const body = route.multipart ? undefined : parseOr400(route.body, req.body, "body");
        const result = await route.handler({ params, query, body, principal: principal as Principal, req, reply });
        if (result === undefined) return reply;
        const status = result.status ?? 200;
        const schema = route.responses?.[status];
        if (!schema) throw new HttpError(500, "internal", `no response schema for ${status} on ${route.method} ${route.url}`);
        return reply.code(status).type("application/json; charset=utf-8").send(schema.parse(result.body));
      },
    });
  }
}
