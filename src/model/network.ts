/**
 * Wide & deep scorer over dense features plus hashed sparse terms, summed into ONE logit:
 *
 *   logit = x·w_wide + b                              wide, dense features (standardised)
 *         + Σ wide[term] + Σ wide[posting × term]     wide, sparse terms and crosses (./sparse.ts)
 *         + MLP([x, mean(embedding[term])])           deep: 64 → 32 ReLU → 1
 *
 * The dense weights are tf.Variables (trained with Adam on the backend); the two sparse tables are
 * Float32Arrays (looked up and updated in JS, see ./sparse.ts). Pure: same shapes and seed → same
 * initial weights.
 */
import * as tf from "@tensorflow/tfjs";
import { mulberry32 } from "./random.ts";
import { lookup, type SparseConfig, type SparseIds } from "./sparse.ts";

const DENSE_NAMES = ["wide_dense", "bias", "deep_1_kernel", "deep_1_bias", "deep_2_kernel", "deep_2_bias", "deep_out_kernel"] as const;
export type DenseName = (typeof DENSE_NAMES)[number];
const HIDDEN = [64, 32] as const;

let instances = 0;

export interface WeightSpec {
  name: string;
  shape: number[];
}

function seededNormal(seed: number, n: number, std: number): Float32Array {
  const rng = mulberry32(seed);
  const u = () => rng() + 0.5 / 4294967296; // (0, 1): never log(0)
  return Float32Array.from({ length: n }, () => std * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
}

export class WideDeepNetwork {
  readonly dense: Record<DenseName, tf.Variable>;
  private readonly id = ++instances;

  constructor(
    readonly numFeatures: number,
    readonly sparse: SparseConfig,
    init: Record<DenseName, tf.Tensor>,
    readonly embedding: Float32Array,
    readonly wide: Float32Array,
  ) {
    if (embedding.length !== sparse.embedBuckets * sparse.embedDim) throw new Error(`embedding table has ${embedding.length} values, expected ${sparse.embedBuckets}×${sparse.embedDim}`);
    if (wide.length !== sparse.wideBuckets) throw new Error(`wide table has ${wide.length} values, expected ${sparse.wideBuckets}`);
    const expect = WideDeepNetwork.shapes(numFeatures, sparse);
    this.dense = Object.fromEntries(
      DENSE_NAMES.map((n) => {
        const t = init[n];
        if (!t || t.shape.join("x") !== expect[n].join("x")) {
          throw new Error(`weight ${n}: shape ${t ? t.shape.join("x") : "missing"}, expected ${expect[n].join("x")}`);
        }
        return [n, tf.variable(t, true, `${n}_${this.id}`)];
      }),
    ) as Record<DenseName, tf.Variable>;
  }

  static shapes(f: number, s: SparseConfig): Record<DenseName, number[]> {
    return {
      wide_dense: [f, 1],
      bias: [1],
      deep_1_kernel: [f + s.embedDim, HIDDEN[0]],
      deep_1_bias: [HIDDEN[0]],
      deep_2_kernel: [HIDDEN[0], HIDDEN[1]],
      deep_2_bias: [HIDDEN[1]],
      deep_out_kernel: [HIDDEN[1], 1],
    };
  }

  static create(numFeatures: number, sparse: SparseConfig, seed = 42): WideDeepNetwork {
    const sh = WideDeepNetwork.shapes(numFeatures, sparse);
    const init = tf.tidy(() => ({
      wide_dense: tf.zeros(sh.wide_dense),
      bias: tf.zeros(sh.bias),
      deep_1_kernel: tf.initializers.heNormal({ seed }).apply(sh.deep_1_kernel),
      deep_1_bias: tf.zeros(sh.deep_1_bias),
      deep_2_kernel: tf.initializers.heNormal({ seed: seed + 1 }).apply(sh.deep_2_kernel),
      deep_2_bias: tf.zeros(sh.deep_2_bias),
      deep_out_kernel: tf.initializers.glorotUniform({ seed: seed + 2 }).apply(sh.deep_out_kernel),
    })) as Record<DenseName, tf.Tensor>;
    const embedding = seededNormal(seed + 3, sparse.embedBuckets * sparse.embedDim, 0.05);
    const net = new WideDeepNetwork(numFeatures, sparse, init, embedding, new Float32Array(sparse.wideBuckets));
    Object.values(init).forEach((t) => t.dispose());
    return net;
  }

  /** An independent copy (warm start: the copy trains, the original keeps serving). */
  clone(): WideDeepNetwork {
    const init = Object.fromEntries(DENSE_NAMES.map((n) => [n, this.dense[n]])) as unknown as Record<DenseName, tf.Tensor>;
    return new WideDeepNetwork(this.numFeatures, this.sparse, init, Float32Array.from(this.embedding), Float32Array.from(this.wide));
  }

  get trainableDense(): tf.Variable[] {
    return DENSE_NAMES.map((n) => this.dense[n]);
  }

  /** Logits [n] from standardised dense rows [n × f], the pooled bag [n × dim] and the wide sums [n]. */
  forward(x: tf.Tensor2D, bag: tf.Tensor2D, wideSum: tf.Tensor1D): tf.Tensor1D {
    return tf.tidy(() => {
      const d = this.dense;
      const n = x.shape[0];
      const wide = x.matMul(d.wide_dense).reshape([n]).add(d.bias).add(wideSum);
      const h1 = tf.relu(tf.concat([x, bag], 1).matMul(d.deep_1_kernel).add(d.deep_1_bias));
      const h2 = tf.relu(h1.matMul(d.deep_2_kernel).add(d.deep_2_bias));
      return wide.add(h2.matMul(d.deep_out_kernel).reshape([n])) as tf.Tensor1D;
    });
  }

  /** Logits for n standardised rows (flat) with their sparse ids, in ONE batched forward pass. */
  logits(xFlat: Float32Array, ids: readonly SparseIds[], override?: { bag?: Float32Array; wideSum?: Float32Array }): Float32Array {
    const n = ids.length;
    if (n === 0) return new Float32Array(0);
    const looked = override?.bag && override.wideSum ? null : lookup(ids, this.embedding, this.wide, this.sparse.embedDim);
    const bag = override?.bag ?? looked!.bag;
    const wideSum = override?.wideSum ?? looked!.wideSum;
    const out = tf.tidy(() =>
      this.forward(tf.tensor2d(xFlat, [n, this.numFeatures]), tf.tensor2d(bag, [n, this.sparse.embedDim]), tf.tensor1d(wideSum)),
    );
    try {
      return Float32Array.from(out.dataSync() as Float32Array);
    } finally {
      out.dispose();
    }
  }

  /**
   * Inference: the deep part only, for n rows laid out as [standardised x | pooled bag] (n × (f + dim)),
   * so that a batch is one upload, three fused matMul kernels and one download (the training graph in
   * `forward` has ~15 kernels and a concat). The wide part (x·w_wide + bias + sparse wide sum) is a
   * few dozen multiply-adds per row, cheaper in JS than as kernels: see `Ranker`, `wideDense()`.
   */
  deepLogits(packed: Float32Array, n: number): Float32Array {
    if (n === 0) return new Float32Array(0);
    const width = this.numFeatures + this.sparse.embedDim;
    if (packed.length !== n * width) throw new Error(`deepLogits: ${packed.length} values for ${n} rows of ${width}`);
    const d = this.dense;
    const out = tf.tidy(() => {
      const input = tf.tensor2d(packed, [n, width]);
      const h1 = tf.fused.matMul({ a: input, b: d.deep_1_kernel, bias: d.deep_1_bias, activation: "relu" });
      const h2 = tf.fused.matMul({ a: h1, b: d.deep_2_kernel, bias: d.deep_2_bias, activation: "relu" });
      return tf.matMul(h2, d.deep_out_kernel);
    });
    try {
      return out.dataSync() as Float32Array; // a fresh array on wasm; on cpu the disposed tensor's own
    } finally {
      out.dispose();
    }
  }

  /** The wide dense weights and the bias as plain numbers, for the JS side of `deepLogits` callers. */
  wideDense(): { weights: Float32Array; bias: number } {
    return { weights: Float32Array.from(this.dense.wide_dense.dataSync() as Float32Array), bias: (this.dense.bias.dataSync() as Float32Array)[0]! };
  }

  /** Weight specs and one float32 buffer: dense weights in DENSE_NAMES order, then embedding, then wide. */
  serialise(): { specs: WeightSpec[]; data: Buffer } {
    const parts: Float32Array[] = [];
    const specs: WeightSpec[] = [];
    for (const n of DENSE_NAMES) {
      specs.push({ name: n, shape: this.dense[n].shape });
      parts.push(this.dense[n].dataSync() as Float32Array);
    }
    specs.push({ name: "embedding", shape: [this.sparse.embedBuckets, this.sparse.embedDim] });
    parts.push(this.embedding);
    specs.push({ name: "wide_sparse", shape: [this.sparse.wideBuckets] });
    parts.push(this.wide);
    return { specs, data: Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength))) };
  }

  static deserialise(numFeatures: number, sparse: SparseConfig, specs: readonly WeightSpec[], data: ArrayBuffer): WideDeepNetwork {
    const all = new Float32Array(data);
    let offset = 0;
    const arrays = new Map<string, { shape: number[]; values: Float32Array }>();
    for (const s of specs) {
      const size = s.shape.reduce((a, b) => a * b, 1);
      if (offset + size > all.length) throw new Error(`weights file is too short for ${s.name} (${s.shape.join("x")})`);
      arrays.set(s.name, { shape: s.shape, values: all.slice(offset, offset + size) });
      offset += size;
    }
    const get = (n: string) => {
      const a = arrays.get(n);
      if (!a) throw new Error(`weights file has no ${n}`);
      return a;
    };
    const init = Object.fromEntries(DENSE_NAMES.map((n) => [n, tf.tensor(get(n).values, get(n).shape)])) as Record<DenseName, tf.Tensor>;
    try {
      return new WideDeepNetwork(numFeatures, sparse, init, get("embedding").values, get("wide_sparse").values);
    } finally {
      Object.values(init).forEach((t) => t.dispose());
    }
  }

  dispose(): void {
    for (const v of Object.values(this.dense)) v.dispose();
  }
}
