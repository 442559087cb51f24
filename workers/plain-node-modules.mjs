/**
 * Loaded with `--import` AFTER tsx in sandboxed children: `.mjs` files under node_modules are plain
 * ES modules that need no TypeScript transform, but tsx's loader transforms them anyway, and pdf.js's
 * 2 MB worker module then costs 2–6 s in every new parse child (perf-facts; bench: ingest.coldStartMs).
 * Hooks registered later run first, so these files are read as they are and tsx never sees them.
 */
import { register } from "node:module";

register("./plain-node-modules.hooks.mjs", import.meta.url);
