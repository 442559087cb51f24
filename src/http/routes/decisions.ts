/** Recruiters' decisions become labelled outcomes: who (the token's subject), when, rank shown, model version. */
import { maybeTriggerRetrain, recordDecision } from "../../app/decisions.ts";
import { defineRoute, type ApiRoute } from "../api-route.ts";
import type { ServerDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { DecisionRequest, DecisionResponse, PostingParams } from "../schemas.ts";

export function decisionRoutes({ ctx, metrics }: ServerDeps): ApiRoute[] {
  return [
    defineRoute({
      method: "POST", url: "/postings/:id/decisions", tag: "decisions",
      summary: "record a decision (advance, reject, hire, withdrawn) on a candidate of the posting",
      access: ["recruiter", "admin"], params: PostingParams, body: DecisionRequest, responses: { 201: DecisionResponse },
      async handler({ params, body, principal }) {
        await ctx.stores.postings.require(params.id);
        if (!(await ctx.stores.applications.get(params.id, body.resumeId))) {
          throw notFound(`resume ${body.resumeId} did not apply to "${params.id}"`);
        }
        const { label, labelsSinceRetrain } = await recordDecision(ctx, {
          resumeId: body.resumeId, postingId: params.id, outcome: body.outcome, rankShown: body.rankShown, note: body.note,
        }, principal.subject);
        const retrainQueued = await maybeTriggerRetrain(ctx, labelsSinceRetrain);
        metrics.decisions.inc({ outcome: body.outcome });
        // Every open page of this posting updates its badges.
        await ctx.redis.publish(ctx.stores.keys.shortlistChannel(), JSON.stringify({ postingId: params.id, resumeId: body.resumeId, decision: true }));
        return { status: 201, body: { label, retrainQueued } };
      },
    }),
  ];
}
