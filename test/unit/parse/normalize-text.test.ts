import { describe, expect, it } from "vitest";
import { normalizeText, truncateLongLines } from "../../../src/parse/normalize-text.ts";

describe("normalizeText", () => {
  it.each([
    ["ligatures", "ﬁne-tuned eﬀort ﬂow", "fine-tuned effort flow"],
    ["soft hyphen", "recom\u00admender", "recommender"],
    ["non-breaking spaces", "Ph.D.\u00a0Computer\u202fScience", "Ph.D. Computer Science"],
    ["runs of spaces and tabs", "Python\t\t  C++    Java", "Python C++ Java"],
    ["trailing and leading spaces", "   Skills   ", "Skills"],
    ["• bullet", "• Built a ranker", "- Built a ranker"],
    ["▪ bullet", "▪Built a ranker", "- Built a ranker"],
    ["● bullet", "●  Built", "- Built"],
    ["◦ bullet", "◦ nested", "- nested"],
    ["Word Symbol-font bullet (PUA)", "\uf0b7 Built", "- Built"],
    ["en dash bullet", "– Built", "- Built"],
    ["em dash bullet", "— Built", "- Built"],
    ["asterisk bullet", "* Built", "- Built"],
    ["dash that is not a bullet", "–2020 onwards", "–2020 onwards"],
    ["hyphen range kept", "2019 - 2023", "2019 - 2023"],
    ["full-width letters", "ＰｙＴｏｒｃｈ", "PyTorch"],
    ["zero-width space", "Data\u200bMining", "DataMining"],
    ["CRLF", "a\r\nb\rc", "a\nb\nc"],
    ["form feed = block break", "page one\fpage two", "page one\n\npage two"],
    ["at most 2 blank lines", "a\n\n\n\n\n\nb", "a\n\n\nb"],
    ["leading/trailing blank lines dropped", "\n\n  a\n\n", "a"],
    ["lone bullet glyph line", "a\n•\nnext", "a\n\nnext"],
    ["control chars removed", "a\u0007b\u0000c", "abc"],
  ])("%s", (_label, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe("truncateLongLines", () => {
  it("cuts only long lines and counts them", () => {
    const r = truncateLongLines(`short\n${"x".repeat(50)}\nok`, 10);
    expect(r).toEqual({ text: "short\nxxxxxxxxxx\nok", truncated: 1 });
  });
  it("returns the same string when nothing is cut", () => {
    expect(truncateLongLines("a\nb", 10)).toEqual({ text: "a\nb", truncated: 0 });
  });
});
