/** Module hooks for ./plain-node-modules.mjs: serve node_modules/**\/*.mjs untransformed. */
import { readFile } from "node:fs/promises";

export async function load(url, context, nextLoad) {
  if (url.startsWith("file:") && url.includes("/node_modules/") && url.endsWith(".mjs")) {
    return { format: "module", source: await readFile(new URL(url)), shortCircuit: true };
  }
  return nextLoad(url, context);
}
