import type { Command } from "commander";
import { Role } from "../../auth/roles.ts";
import { TokenError, TokenStore } from "../../auth/tokens.ts";
import { PostingId } from "../../domain/posting.ts";
import { withContext } from "../connect.ts";
import { CliError, EXIT, printJson, printTable } from "../output.ts";

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerTokens(program: Command): void {
  const tokens = program.command("tokens").description("API tokens for the HTTP service (stored hashed; shown once)");
  tokens
    .command("create")
    .description("create a token: uploader (submits only), recruiter (reads and decides for --posting), admin (everything)")
    .requiredOption("--role <role>", Role.options.join(" | "))
    .option("--posting <id>", "a posting the token is limited to (repeat for several; required for recruiters)", collect, [])
    .option("--subject <name>", "who the token belongs to, recorded as who decided (a handle, not an e-mail)")
    .option("--json", "print {token, tokenId, role, subject, postings}")
    .action(async (opts: { role: string; posting: string[]; subject?: string; json?: boolean }) => {
      const role = Role.safeParse(opts.role);
      if (!role.success) throw new CliError(`--role must be one of ${Role.options.join(", ")}, got "${opts.role}"`, EXIT.usage);
      const bad = opts.posting.filter((p) => !PostingId.safeParse(p).success);
      if (bad.length) throw new CliError(`not a posting id: ${bad.join(", ")}`, EXIT.usage);
      await withContext(async (ctx) => {
        for (const id of opts.posting) await ctx.stores.postings.require(id);
        try {
          const created = await new TokenStore(ctx.redis, ctx.stores.keys).create({ role: role.data, postings: opts.posting, subject: opts.subject });
          if (opts.json) return printJson(created);
          process.stdout.write(`${created.token}\n`);
          process.stderr.write(`${created.role} token ${created.tokenId} for ${created.subject}: store it now, it cannot be shown again\n`);
        } catch (error) {
          if (error instanceof TokenError) throw new CliError(error.message, EXIT.usage);
          throw error;
        }
      });
    });
  tokens
    .command("list")
    .description("tokens' metadata (never the tokens)")
    .option("--json", "JSON output")
    .action(async (opts: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const all = await new TokenStore(ctx.redis, ctx.stores.keys).list();
        if (opts.json) return printJson(all);
        printTable(["id", "role", "subject", "postings", "created"], all.map((t) => [t.tokenId, t.role, t.subject, t.postings.join(", ") || "(all)", t.createdAt]));
      });
    });
  tokens
    .command("revoke")
    .description("revoke a token by its id (from `tokens list`)")
    .argument("<tokenId>")
    .action(async (tokenId: string) => {
      await withContext(async (ctx) => {
        if (!(await new TokenStore(ctx.redis, ctx.stores.keys).revoke(tokenId))) throw new CliError(`no token with id ${tokenId}`);
        process.stdout.write(`revoked ${tokenId}\n`);
      });
    });
}
