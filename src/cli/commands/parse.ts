import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { resumeIdOf } from "../../store/resumes.ts";
import { extractProfile } from "../../extract/index.ts";
import { DocumentError } from "../../parse/errors.ts";
import { loadConfig } from "../../config.ts";
import { CliError, printJson, printTable } from "../output.ts";

export function registerParse(program: Command): void {
  program
    .command("parse")
    .description("parse one resume (PDF, DOCX, TXT) into a CandidateProfile; needs no Redis")
    .argument("<file>", "resume file")
    .option("--json", "print the CandidateProfile as JSON")
    .action(async (file: string, opts: { json?: boolean }) => {
      const config = loadConfig();
      const name = path.basename(file);
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (error) {
        throw new CliError(`${name}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
      }
      // Lazily, as serve.ts does with the HTTP server: pdf.js (through pdf-parse) is ~170 MB of RSS that
      // every other command, the score worker included, would otherwise carry with the CLI.
      const { readDocument } = await import("../../parse/index.ts");
      try {
        const doc = await readDocument(bytes, name, { maxPages: config.maxPages, maxBytes: config.maxUploadBytes });
        const profile = extractProfile(doc.text, resumeIdOf(bytes), { warnings: doc.warnings });
        if (opts.json) return printJson(profile);
        const top = profile.highestDegree;
        printTable(["field", "value"], [
          ["resume id", profile.resumeId.slice(0, 16)],
          ["highest degree", top ? `${top.level} ${top.field ?? ""} (${top.status})` : "-"],
          ["graduation", profile.graduationDate ?? "-"],
          ["available from", profile.availableFrom ?? "-"],
          ["signals", Object.entries(profile.signals).filter(([, v]) => v).map(([k]) => k).join(", ") || "-"],
          ["months ML / recsys / DM", `${profile.experienceMonths.machineLearning} / ${profile.experienceMonths.recommenderSystems} / ${profile.experienceMonths.dataMining}`],
          ["publications", profile.publications],
          ["languages", profile.programmingLanguages.join(", ") || "-"],
          ["warnings", profile.warnings.join("; ") || "-"],
        ]);
      } catch (error) {
        if (error instanceof DocumentError) throw new CliError(error.message);
        throw error;
      }
    });
}
