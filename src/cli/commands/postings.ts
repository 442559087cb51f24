import fs from "node:fs";
import type { Command } from "commander";
import { ZodError } from "zod";
import { CliError, printJson, printTable } from "../output.ts";
import { withContext } from "../connect.ts";

export function registerPostings(program: Command): void {
  const postings = program.command("postings").description("manage job postings");
  postings
    .command("add")
    .description("add (or update) a posting from a JSON file")
    .argument("<posting.json>", "posting spec (see data/postings/ for examples)")
    .option("--json", "print the stored posting as JSON")
    .action(async (file: string, opts: { json?: boolean }) => {
      let input: unknown;
      try {
        input = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch (error) {
        throw new CliError(`${file}: not readable JSON (${(error as Error).message})`);
      }
      await withContext(async (ctx) => {
        try {
          const { posting, created } = await ctx.stores.postings.add(input);
          if (opts.json) printJson({ ...posting, created });
          else process.stdout.write(`${created ? "added" : "updated"} posting ${posting.id}: ${posting.title}\n`);
        } catch (error) {
          if (error instanceof ZodError) {
            throw new CliError(`${file}: invalid posting:\n${error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
          }
          throw error;
        }
      });
    });
  postings
    .command("list")
    .description("list postings")
    .option("--json", "JSON output")
    .action(async (opts: { json?: boolean }) =>
      withContext(async (ctx) => {
        const all = await ctx.stores.postings.list();
        if (opts.json) return printJson(all);
        const sizes = await Promise.all(all.map((p) => ctx.stores.shortlist.size(p.id)));
        printTable(["id", "title", "status", "gates", "shortlisted"], all.map((p, i) => [
          p.id, p.title, p.status, p.minimumQualifications.length, sizes[i] ?? 0,
        ]));
      }));
}
