/**
 * Time-ordered train/validation split: the latest `holdout` share (default 20%) by `time` is held out,
 * so validation measures predicting the future from the past. Deterministic. Ties in time (a bulk import
 * without decision times shares one timestamp; examples without a time sort first) are ordered by a fixed
 * scramble of their input positions, not by input order: a file sorted by outcome would otherwise put
 * every advance on one side of the split, and a model that learnt nothing would be judged on rejects alone.
 */
export function timeSplit<T extends { time?: string }>(examples: readonly T[], holdout = 0.2): { train: T[]; validation: T[] } {
  if (holdout < 0 || holdout >= 1) throw new Error(`timeSplit: holdout must be in [0, 1), got ${holdout}`);
  const order = examples
    .map((e, i) => ({ e, i, t: e.time ?? "", scramble: Math.imul(i + 1, 0x9e3779b1) >>> 0 }))
    .sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : a.scramble - b.scramble || a.i - b.i));
  const cut = examples.length - Math.round(examples.length * holdout);
  return { train: order.slice(0, cut).map((x) => x.e), validation: order.slice(cut).map((x) => x.e) };
}

/** Alias used by src/app/retrain.ts. */
export const timeOrderedSplit = timeSplit;
