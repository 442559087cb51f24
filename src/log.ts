/**
 * A tiny structured logger to stderr. It takes ids and counts, never resume text, names,
 * e-mails or tokens: callers pass `shortId(resumeId)` and file-free messages.
 */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

let threshold: Level | "silent" = (process.env.LOG_LEVEL as Level | undefined) ?? "info";

export function setLogLevel(level: Level | "silent"): void {
  threshold = level;
}

export function shortId(resumeId: string): string {
  return resumeId.slice(0, 12);
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < ORDER[threshold]) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields });
  process.stderr.write(line + "\n");
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write("debug", msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write("warn", msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write("error", msg, fields),
};
