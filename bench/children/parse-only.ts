/**
 * Baseline child: bare pdf-parse text extraction (PDFParse#getText), nothing else. Usage:
 *   parse-only.ts <listFile.json> <index> <processes> <passes> [native-push]
 * Warms up on its whole share once (the first two files timed as its cold start; the rest so that
 * the JIT is as warm as the workers', which warm up on one pass of the corpus too), reports {ready},
 * waits for "go" on stdin, then extracts its share
 * (every <processes>-th file, <passes> times) and reports per-file times and its peak RSS.
 * With "native-push" it undoes pdf.js's core-js polyfill of Array.prototype.push, as the parse
 * thread does (src/parse/pdfjs.ts), so the report can show how much of a ratio that accounts for.
 */
import fs from "node:fs";
import readline from "node:readline";

const nativePush = Array.prototype.push;
const { PDFParse } = await import("pdf-parse");
if (process.argv[6] === "native-push") Array.prototype.push = nativePush;

const send = (m: object) => process.stdout.write(JSON.stringify(m) + "\n");

async function extract(bytes: Uint8Array): Promise<number> {
  const parser = new PDFParse({ data: bytes.slice() });
  try {
    return (await parser.getText()).text.length;
  } finally {
    await parser.destroy();
  }
}

try {
  const [listFile, indexArg, procArg, passArg] = process.argv.slice(2);
  const files = JSON.parse(fs.readFileSync(listFile!, "utf8")) as string[];
  const index = Number(indexArg);
  const processes = Number(procArg);
  const mine = files.filter((_, i) => i % processes === index).map((f) => fs.readFileSync(f));
  const coldStart = performance.now();
  for (const bytes of mine.slice(0, 2)) await extract(bytes);
  const coldMs = performance.now() - coldStart;
  for (const bytes of mine.slice(2)) await extract(bytes);
  send({ ready: true, coldMs });
  const stdin = readline.createInterface({ input: process.stdin });
  for await (const line of stdin) if (line.trim() === "go") break;
  const perFileMs: number[] = [];
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let pass = 0; pass < Number(passArg); pass++) {
    for (const bytes of mine) {
      const t = performance.now();
      await extract(bytes);
      perFileMs.push(performance.now() - t);
    }
  }
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const hwm = fs.readFileSync("/proc/self/status", "utf8").match(/^VmHWM:\s+(\d+) kB/m);
  send({ done: true, files: perFileMs.length, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, perFileMs, peakRssMb: hwm ? Number(hwm[1]) / 1024 : null });
  stdin.close();
} catch (error) {
  send({ error: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
}
