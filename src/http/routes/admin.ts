/** Admin-only: tokens, retraining on demand. The queue dashboard is mounted in ../bull-board.ts. */
import { z } from "zod";
import { CreatedToken, CreateTokenRequest, TokenRecord } from "../../auth/tokens.ts";
import { defineRoute, type ApiRoute } from "../api-route.ts";
import type { ServerDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { RetrainQueued } from "../schemas.ts";

export function adminRoutes({ ctx, tokens }: ServerDeps): ApiRoute[] {
  const admin = ["admin"] as const;
  return [
    defineRoute({
      method: "POST", url: "/tokens", tag: "admin", summary: "create an API token (shown once; stored hashed)",
      access: admin, body: CreateTokenRequest, responses: { 201: CreatedToken },
      async handler({ body }) {
        return { status: 201, body: await tokens.create(body) };
      },
    }),
    defineRoute({
      method: "GET", url: "/tokens", tag: "admin", summary: "tokens (metadata only; tokens themselves are not stored)",
      access: admin, responses: { 200: z.object({ tokens: z.array(TokenRecord) }) },
      async handler() {
        return { body: { tokens: await tokens.list() } };
      },
    }),
    defineRoute({
      method: "DELETE", url: "/tokens/:tokenId", tag: "admin", summary: "revoke a token",
      access: admin, params: z.object({ tokenId: z.string().regex(/^[0-9a-f]{12}$/) }), responses: { 200: z.object({ revoked: z.literal(true) }) },
      async handler({ params }) {
        if (!(await tokens.revoke(params.tokenId))) throw notFound(`no token with id ${params.tokenId}`);
        return { body: { revoked: true } };
      },
    }),
    defineRoute({
      method: "POST", url: "/retrain", tag: "admin", summary: "queue a retrain on the labelled outcomes",
      access: admin, responses: { 202: RetrainQueued },
      async handler() {
        const job = await ctx.queues.retrain.add("retrain", { reason: "on_demand" });
        return { status: 202, body: { jobId: String(job.id) } };
      },
    }),
  ];
}
