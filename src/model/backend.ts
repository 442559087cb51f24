/**
 * TensorFlow.js backend selection: tfjs-node (native) when it loads, else the wasm backend, else cpu.
 * Idempotent: the first call decides, later calls return the same name. Logs the choice once (stderr).
 *
 * Facts this relies on (shared/notes/perf-facts.md §1, §8): tfjs-node cannot be installed on this machine;
 * wasm inference is 20–30x faster than cpu and wasm training ~4x faster. In Node, the wasm backend reads
 * its .wasm binaries with fs from a path prefix, so we point `setWasmPaths` at the package's dist directory.
 */
import { createRequire } from "node:module";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";

let chosen: Promise<string> | null = null;

async function tryNode(): Promise<boolean> {
  try {
    // Optional dependency: a variable specifier keeps TypeScript from requiring its types.
    const name = "@tensorflow/tfjs-node";
    await import(name);
    return (await tf.setBackend("tensorflow")) === true;
  } catch {
    return false;
  }
}

async function tryWasm(): Promise<boolean> {
  try {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    const require = createRequire(import.meta.url);
    const dist = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
    wasm.setWasmPaths(dist + path.sep);
    return (await tf.setBackend("wasm")) === true;
  } catch {
    return false;
  }
}

async function choose(): Promise<string> {
  const forced = process.env.SHORTLIST_TF_BACKEND; // "wasm" | "cpu", for tests and benchmarks
  let ok = false;
  if (!forced || forced === "tensorflow") ok = await tryNode();
  if (!ok && (!forced || forced === "wasm")) ok = await tryWasm();
  if (!ok) await tf.setBackend("cpu");
  await tf.ready();
  const name = tf.getBackend();
  process.stderr.write(`[shortlist] tensorflow.js backend: ${name}\n`);
  return name;
}

/** Select and initialise the fastest available backend once; returns its name ("tensorflow" | "wasm" | "cpu"). */
export function initBackend(): Promise<string> {
  chosen ??= choose();
  return chosen;
}
