/** `shortlist <command>`: every command has --help; exit codes are in ./output.ts (EXIT). */
import { Command, CommanderError } from "commander";
import { ZodError } from "zod";
import { UnknownPostingError } from "../store/postings.ts";
import { registerExplain } from "./commands/explain.ts";
import { registerLabel } from "./commands/label.ts";
import { registerModels } from "./commands/models.ts";
import { registerParse } from "./commands/parse.ts";
import { registerPostings } from "./commands/postings.ts";
import { registerRetrain } from "./commands/retrain.ts";
import { registerStart } from "./commands/start.ts";
import { registerSubmit } from "./commands/submit.ts";
import { registerTop } from "./commands/top.ts";
import { registerWorker } from "./commands/worker.ts";
import { registerServe } from "./commands/serve.ts";
import { registerTokens } from "./commands/tokens.ts";
import { registerAudit } from "./commands/audit.ts";
import { registerErase } from "./commands/erase.ts";
import { registerLog } from "./commands/log.ts";
import { registerOverLimit } from "./commands/over-limit.ts";
import { registerFailed } from "./commands/failed.ts";
import { registerRetry } from "./commands/retry.ts";
import { CliError, EXIT } from "./output.ts";

const program = new Command("shortlist")
  .description("resume screening with a ranked shortlist per posting (BullMQ + Redis + TensorFlow.js)")
  .showHelpAfterError()
  .exitOverride();

const COMMANDS = [
  // the pipeline
  registerStart, registerWorker, registerParse, registerPostings, registerSubmit, registerTop, registerExplain,
  // review, labels and models
  registerLabel, registerRetrain, registerModels,
  // the HTTP service and its tokens
  registerServe, registerTokens,
  // operations: dead letters
  registerFailed, registerRetry,
  // responsible use
  registerOverLimit, registerAudit, registerErase, registerLog,
];
for (const register of COMMANDS) register(program);
program.commands.forEach((c) => c.exitOverride());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (error instanceof CliError) {
    process.stderr.write(`shortlist: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else if (error instanceof UnknownPostingError || error instanceof ZodError) {
    process.stderr.write(`shortlist: ${error.message}\n`);
    process.exitCode = EXIT.failed;
  } else {
    process.stderr.write(`shortlist: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.failed;
  }
}

// A finished command exits even if a library left a handle open (long-running commands never get here
// before their shutdown completes).
process.stdout.write("", () => process.exit(process.exitCode ?? 0));
