import { openContext, type AppContext } from "../app/context.ts";
import { loadConfig } from "../config.ts";
import { redisAnswers } from "../redis/connection.ts";
import { CliError, EXIT } from "./output.ts";

/** Opens the context for a command that needs Redis, failing fast with a clear message when none answers. */
export async function connect(): Promise<AppContext> {
  const config = loadConfig();
  if (!(await redisAnswers(config.redisUrl, 2000))) {
    throw new CliError(
      `Redis is not reachable at ${config.redisUrl}: start the system with \`npm start\` or set REDIS_URL`,
      EXIT.unavailable,
    );
  }
  return openContext(config);
}

export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await connect();
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
