/**
 * The file behind `shortlist label --import`: JSON Lines (one decision per line), a JSON array, or a CSV
 * with a header row (what a spreadsheet or an ATS export gives). Columns/keys: resumeId, postingId,
 * outcome, and optionally rankShown, decidedAt, note. Every record is checked with the one schema,
 * `LabelImportLine`; the first bad record stops the import with its line number, so a half-valid file
 * never becomes half the labels.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { LabelImportLine } from "../domain/label.ts";

export class LabelFileError extends Error {}

export function parseLabelFile(text: string, fileName: string): LabelImportLine[] {
  const body = text.replace(/^\uFEFF/, "");
  const first = body.trimStart()[0];
  if (first === "[") return parseJsonArray(body, fileName);
  if (first === "{" || first === undefined) return parseJsonLines(body, fileName);
  return parseCsvRows(body, fileName);
}

function parseJsonLines(body: string, fileName: string): LabelImportLine[] {
  const lines: LabelImportLine[] = [];
  body.split("\n").forEach((raw, i) => {
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new LabelFileError(`${fileName}:${i + 1}: not valid JSON`);
    }
    lines.push(check(json, `${fileName}:${i + 1}`));
  });
  return lines;
}

function parseJsonArray(body: string, fileName: string): LabelImportLine[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    throw new LabelFileError(`${fileName}: not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(json)) throw new LabelFileError(`${fileName}: expected an array of decisions`);
  return json.map((x, i) => check(x, `${fileName}: item ${i + 1}`));
}

const CSV_NUMBERS = new Set(["rankShown"]);

function parseCsvRows(body: string, fileName: string): LabelImportLine[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(body, { columns: true, skip_empty_lines: true, trim: true, info: true });
  } catch (err) {
    throw new LabelFileError(`${fileName}: not valid CSV (${(err as Error).message})`);
  }
  return records.map(({ record, info }) => {
    // Empty cells are absent fields, and numeric columns arrive as text.
    const row: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(record)) {
      if (value === "") continue;
      row[key] = CSV_NUMBERS.has(key) && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    }
    return check(row, `${fileName}:${info.lines}`);
  });
}

function check(json: unknown, where: string): LabelImportLine {
  const parsed = LabelImportLine.safeParse(json);
  if (!parsed.success) throw new LabelFileError(`${where}: ${parsed.error.issues.map((x) => `${x.path.join(".") || "record"}: ${x.message}`).join("; ")}`);
  return parsed.data;
}
