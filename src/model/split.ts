/**
 * Time-ordered train/validation split: the latest `holdout` share (default 20%) by `time` is held out,
 * so validation measures predicting the future from the past. Deterministic: ties in time (and
 * examples without a time, which sort first) keep their input order.
 */
export function timeSplit<T extends { time?: string }>(examples: readonly T[], holdout = 0.2): { train: T[]; validation: T[] } {
  if (holdout < 0 || holdout >= 1) throw new Error(`timeSplit: holdout must be in [0, 1), got ${holdout}`);
  const order = examples
    .map((e, i) => ({ e, i, t: e.time ?? "" }))
    .sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : a.i - b.i));
  const cut = examples.length - Math.round(examples.length * holdout);
  return { train: order.slice(0, cut).map((x) => x.e), validation: order.slice(cut).map((x) => x.e) };
}

/** Alias used by src/app/retrain.ts. */
export const timeOrderedSplit = timeSplit;
