/**
 * Step 6. The shortlist order as one number, so Redis keeps the list sorted as applications
 * arrive (rolling review): gate tier first (met > unknown > unmet), then the model's score.
 */
import type { GateTier } from "../domain/shortlist.ts";

const TIER_BASE: Record<GateTier, number> = { met: 20, unknown: 10, unmet: 0 };

export function rankKey(tier: GateTier, score: number): number {
  const clipped = Math.min(1, Math.max(0, score));
  return TIER_BASE[tier] + clipped;
}

export function tierOfRankKey(key: number): GateTier {
  if (key >= TIER_BASE.met) return "met";
  if (key >= TIER_BASE.unknown) return "unknown";
  return "unmet";
}
