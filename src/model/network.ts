/**
 * Wide & deep scorer: a linear "wide" part over the standardised features plus a "deep" MLP
 * (64 → 32, ReLU), summed into ONE logit. The saved network outputs the logit; `Ranker.predict`
 * applies the sigmoid, and training uses the logit directly (stable cross-entropy, pairwise differences).
 * Pure: same numFeatures and seed → same initial weights.
 */
import * as tf from "@tensorflow/tfjs";

export function buildNetwork(numFeatures: number, seed = 42): tf.LayersModel {
  const input = tf.input({ shape: [numFeatures], name: "features" });
  const wide = tf.layers
    .dense({ units: 1, name: "wide", kernelInitializer: tf.initializers.zeros() })
    .apply(input) as tf.SymbolicTensor;
  let deep = tf.layers
    .dense({ units: 64, activation: "relu", name: "deep_1", kernelInitializer: tf.initializers.heNormal({ seed }) })
    .apply(input) as tf.SymbolicTensor;
  deep = tf.layers
    .dense({ units: 32, activation: "relu", name: "deep_2", kernelInitializer: tf.initializers.heNormal({ seed: seed + 1 }) })
    .apply(deep) as tf.SymbolicTensor;
  deep = tf.layers
    .dense({
      units: 1,
      name: "deep_out",
      useBias: false,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }),
    })
    .apply(deep) as tf.SymbolicTensor;
  const logit = tf.layers.add({ name: "logit" }).apply([wide, deep]) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: logit, name: "wide_and_deep" });
}
