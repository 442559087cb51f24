import { describe, expect, it } from "vitest";
import { LabelFileError, parseLabelFile } from "../../../src/cli/label-file.ts";

const A = "a".repeat(64);
const B = "b".repeat(64);

describe("parseLabelFile", () => {
  it("reads JSON Lines, skipping blank lines", () => {
    const text = `{"resumeId":"${A}","postingId":"role-1","outcome":"advance","rankShown":3}\n\n{"resumeId":"${B}","postingId":"role-1","outcome":"reject"}\n`;
    expect(parseLabelFile(text, "l.jsonl")).toEqual([
      { resumeId: A, postingId: "role-1", outcome: "advance", rankShown: 3 },
      { resumeId: B, postingId: "role-1", outcome: "reject" },
    ]);
  });

  it("reads a JSON array", () => {
    const text = JSON.stringify([{ resumeId: A, postingId: "role-1", outcome: "hire" }]);
    expect(parseLabelFile(text, "l.json")).toEqual([{ resumeId: A, postingId: "role-1", outcome: "hire" }]);
  });

  it("reads CSV with a header (BOM, CRLF, quoted note): empty cells are absent, rankShown is a number", () => {
    const text = `\uFEFFresumeId,postingId,outcome,rankShown,note\r\n${A},role-1,advance,7,"strong, clear"\r\n${B},role-1,reject,,\r\n`;
    expect(parseLabelFile(text, "l.csv")).toEqual([
      { resumeId: A, postingId: "role-1", outcome: "advance", rankShown: 7, note: "strong, clear" },
      { resumeId: B, postingId: "role-1", outcome: "reject" },
    ]);
  });

  it("names the file, the line and the field that is wrong", () => {
    expect(() => parseLabelFile(`{"resumeId":"${A}","postingId":"role-1","outcome":"advance"}\n{"resumeId":"${B}","postingId":"role-1","outcome":"maybe"}\n`, "l.jsonl"))
      .toThrow(/^l\.jsonl:2: outcome: /);
    expect(() => parseLabelFile(`{"resumeId":"${A}",\n`, "l.jsonl")).toThrow(new LabelFileError("l.jsonl:1: not valid JSON"));
    expect(() => parseLabelFile(`resumeId,postingId,outcome,rankShown\n${A},role-1,advance,0\n${B},role-1,advance,x\n`, "l.csv"))
      .toThrow(/^l\.csv:2: rankShown: /);
    expect(() => parseLabelFile(`resumeId,postingId\n${A},role-1\n`, "l.csv")).toThrow(/^l\.csv:2: outcome: /);
    expect(() => parseLabelFile(`resumeId,postingId,outcome\n${A},"role-1\n`, "l.csv")).toThrow(/^l\.csv: not valid CSV/);
    expect(() => parseLabelFile(`{"a":1}`.replace("{", "[{") + "]", "l.json")).toThrow(/^l\.json: item 1: /);
  });

  it("an empty file is no labels", () => {
    expect(parseLabelFile("\n\n", "l.jsonl")).toEqual([]);
  });
});
