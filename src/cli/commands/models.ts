import type { Command } from "commander";
import { promoteModel } from "../../app/rescore.ts";
import { initBackend } from "../../model/backend.ts";
import { withContext } from "../connect.ts";
import { printJson, printTable } from "../output.ts";

const fmt = (x: unknown) => (typeof x === "number" ? x.toFixed(3) : "-");

export function registerModels(program: Command): void {
  const models = program.command("models").description("model versions: list, promote (or roll back)");
  models
    .command("list")
    .description("list model versions with their metrics; * marks the one serving")
    .option("--json", "JSON output")
    .action(async (opts: { json?: boolean }) =>
      withContext(async (ctx) => {
        const list = await ctx.registry.list();
        if (opts.json) return printJson(list);
        printTable(["", "version", "trained on", "examples", "NDCG@10", "AUC", "ECE", "created"], list.map((m) => {
          const v = m.metadata.metrics.validation;
          return [m.current ? "*" : "", m.version, m.metadata.trainedOn.source, m.metadata.trainedOn.examples,
            fmt(v?.ndcgAt10), fmt(v?.auc), fmt(v?.calibrationError), m.metadata.createdAt.slice(0, 19)];
        }));
      }));
  models
    .command("promote")
    .description("serve <version> (also a rollback) and rescore open shortlists")
    .argument("<version>", "a version from `shortlist models list`")
    .option("--json", "JSON output")
    .action(async (version: string, opts: { json?: boolean }) =>
      withContext(async (ctx) => {
        await initBackend();
        const { rescored } = await promoteModel(ctx.stores, ctx.registry, version);
        if (opts.json) printJson({ modelVersion: version, promoted: true, rescored });
        else process.stdout.write(`serving ${version}; rescored ${rescored} candidates\n`);
      }));
}
