import type { AppContext } from "../app/context.ts";
import type { TokenStore } from "../auth/tokens.ts";
import type { HttpMetrics } from "./metrics.ts";
import type { ShortlistEvents } from "./shortlist-events.ts";

/** What route handlers get: the app context plus the server's own token store, events and metrics. */
export interface ServerDeps {
  ctx: AppContext;
  tokens: TokenStore;
  events: ShortlistEvents;
  metrics: HttpMetrics;
}
