/**
 * `node --import test/helpers/record-loads.mjs …`: appends the URL of every ES module (and every CommonJS
 * module imported from one) that the process loads to $RECORD_LOADS_FILE, one a line. For tests that
 * check what a process does not load. The hook runs on Node's loader thread, so it writes the file itself.
 */
import fs from "node:fs";
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";

const file = process.env.RECORD_LOADS_FILE;
if (isMainThread && file) register(import.meta.url);

export async function load(url, context, nextLoad) {
  if (file) fs.appendFileSync(file, url + "\n");
  return nextLoad(url, context);
}
