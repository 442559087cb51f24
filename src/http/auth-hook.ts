/**
 * Resolves the caller of every request from `Authorization: Bearer <token>` or, for the web
 * page, the HttpOnly session cookie, then applies the route's access rule. Routes that do not
 * declare one (e.g. the queue dashboard's) are admin-only: secure by default.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TokenStore } from "../auth/tokens.ts";
import { authorize } from "./api-route.ts";
import { HttpError, type ErrorBody } from "./errors.ts";

export const SESSION_COOKIE = "shortlist_session";
/** Sent by the page's own scripts; a cross-site form cannot set it, so a cookie alone never authorises a write. */
export const PAGE_HEADER = "x-shortlist-page";

function cookieToken(req: FastifyRequest): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export function presentedToken(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (auth) return /^Bearer\s+(\S+)$/i.exec(auth)?.[1] ?? null;
  const fromCookie = cookieToken(req);
  const safe = req.method === "GET" || req.method === "HEAD";
  return fromCookie && (safe || req.headers[PAGE_HEADER] === "1") ? fromCookie : null;
}

export function installAuth(app: FastifyInstance, tokens: TokenStore, loginPage: () => string): void {
  app.decorateRequest("principal", null);
  app.addHook("onRequest", async (req, reply) => {
    const token = presentedToken(req);
    req.principal = token ? await tokens.verify(token) : null;
    const config = req.routeOptions.config;
    try {
      authorize(req.principal, config.access ?? ["admin"]);
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) reply.header("www-authenticate", 'Bearer realm="shortlist"');
      if (!(error instanceof HttpError)) throw error;
      if (config.loginPage && error.status === 401) return reply.code(401).type("text/html; charset=utf-8").send(loginPage());
      // Answered here, not thrown: plugins such as the queue dashboard install their own error handlers.
      const body: ErrorBody = { error: error.code, message: error.message };
      return reply.code(error.status).type("application/json; charset=utf-8").send(body);
    }
  });
}
