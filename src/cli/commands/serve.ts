import type { Command } from "commander";
import { log } from "../../log.ts";
import { connect } from "../connect.ts";
import { CliError, EXIT } from "../output.ts";
import { onShutdown } from "../shutdown.ts";

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be 0..65535, got "${value}"`, EXIT.usage);
  return port;
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("run the HTTP service: API (/openapi.json), the recruiters' page (/) and the queue dashboard (/admin/queues)")
    .option("--port <n>", "port (0 = any free port)", "8080")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--json", "print {url} as JSON once listening")
    .action(async (opts: { port: string; host: string; json?: boolean }) => {
      const port = parsePort(opts.port);
      const ctx = await connect();
      // Imported here, not at the top: every CLI process (a worker too) would otherwise load Fastify and Bull-Board.
      const { startHttpServer } = await import("../../http/server.ts");
      const server = await startHttpServer(ctx, { port, host: opts.host }).catch(async (error: Error) => {
        await ctx.close();
        throw new CliError(`cannot listen on ${opts.host}:${port}: ${error.message}`, EXIT.failed);
      });
      if (opts.json) process.stdout.write(JSON.stringify({ url: server.url }) + "\n");
      else process.stdout.write(`shortlist HTTP service on ${server.url} (API description: ${server.url}/openapi.json); Ctrl-C stops\n`);
      log.info("http listening", { url: server.url });
      await onShutdown(async () => {
        await server.close();
        await ctx.close();
      });
    });
}
