import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { scanContent } from "../../../src/parse/pdf-content-scan.ts";
import { hiddenTextPdf, type HiddenTrick } from "../../fixtures/hidden-text.ts";

interface Stream {
  body: string | Buffer;
  /** Extra dictionary entries. */
  dict?: string;
  flate?: boolean;
}

/** Just enough PDF for the scan: numbered objects with streams (the scan reads raw bytes, not the xref). */
function pdf(streams: Stream[], extra = ""): Uint8Array {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  streams.forEach((s, i) => {
    const raw = Buffer.isBuffer(s.body) ? s.body : Buffer.from(s.body, "latin1");
    const data = s.flate ? zlib.deflateSync(raw) : raw;
    const filter = s.flate ? " /Filter /FlateDecode" : "";
    parts.push(Buffer.from(`${i + 1} 0 obj\n<< /Length ${data.length}${filter} ${s.dict ?? ""} >>\nstream\n`), data, Buffer.from("\nendstream\nendobj\n"));
  });
  parts.push(Buffer.from(`${extra}\ntrailer << /Root 1 0 R >>\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}
const page = (body: string, flate = false) => scanContent(pdf([{ body, flate }]));
const TEXT = "BT /F1 10 Tf 72 700 Td (Machine learning) Tj ET";

describe("scanContent: when may a PDF hide text (so the operator list must be read)", () => {
  it("plain dark text: no", () => {
    expect(page(`0 g ${TEXT}`).mayHide).toBe(false);
    expect(page(`0.2 0.3 0.5 rg 0 Tr ${TEXT}`, true).mayHide).toBe(false);
  });

  it.each([["3 Tr"], ["7 Tr"], ["3.0 Tr"], ["1 g"], ["0.95 0.97 1 rg"], ["0 0 0 0 k"], ["/DeviceRGB cs 1 1 1 scn"], ["/DeviceGray cs 1 sc"]])(
    "text after %s: yes",
    (op) => {
      expect(page(`${op} ${TEXT}`).mayHide).toBe(true);
      expect(page(`${op} ${TEXT}`, true).mayHide).toBe(true); // also inside a compressed stream
    },
  );

  it("a white box under dark text is not hidden text; white restored by Q is not either", () => {
    expect(page(`q 1 g 0 0 612 100 re f Q ${TEXT}`).mayHide).toBe(false);
    expect(page(`0 0 0 0 k 0 0 612 100 re f 0 0 0 1 k ${TEXT}`).mayHide).toBe(false);
    expect(page(`q 0 g Q 1 g 0 0 10 10 re f 0 g ${TEXT}`).mayHide).toBe(false);
  });

  it("operators inside strings and comments do not fool it", () => {
    // "Q" inside the string must not restore the saved dark fill.
    expect(page(`0 g q 1 g BT (a Q b) Tj ET Q`).mayHide).toBe(true);
    // The real operand of g is 1; the 0 is in a comment.
    expect(page(`1 %0\ng ${TEXT}`).mayHide).toBe(true);
    // "3 Tr" inside a string is text, not an operator.
    expect(page(`0 g BT (use 3 Tr here) Tj ET`).mayHide).toBe(false);
  });

  it("a form drawn while the fill is white, and a white fill left set by a form, count", () => {
    expect(page("1 g /Fm1 Do").mayHide).toBe(true);
    expect(scanContent(pdf([{ body: "1 g 0 0 5 5 re f", dict: "/Type /XObject /Subtype /Form" }])).mayHide).toBe(true);
    // Left set at the end of a page's only content stream, it reaches no text.
    expect(page("0 g BT (x) Tj ET 1 g 0 0 5 5 re f").mayHide).toBe(false);
    // Unless a page runs several content streams in turn.
    expect(scanContent(pdf([{ body: "0 g BT (x) Tj ET 1 g" }], "9 0 obj << /Type /Page /Contents [1 0 R 2 0 R] >> endobj")).mayHide).toBe(true);
  });

  it("colour spaces: known ones are read, unknown ones count as may-hide", () => {
    expect(page(`/CS0 cs 0.1 sc ${TEXT}`).mayHide).toBe(true); // /CS0 is defined nowhere readable
    expect(page(`/DeviceRGB cs 0 0 0 sc ${TEXT}`).mayHide).toBe(false);
    expect(page(`/P1 scn 0 g ${TEXT}`).mayHide).toBe(false); // a pattern alone does not set the tracked fill
    const icc = (values: string) =>
      scanContent(pdf([{ body: `/c0 cs ${values} scn ${TEXT}` }, { body: "icc", dict: "/N 3" }], "/ColorSpace << /c0 3 0 R >>\n3 0 obj\n[/ICCBased 2 0 R]\nendobj"));
    expect(icc("0.2 0.2 0.2").mayHide).toBe(false);
    expect(icc("0.8 0.8 0.8").mayHide).toBe(true); // an ICC profile may lighten it: wider margin
  });

  it("what it cannot read counts as may-hide: encryption, other filters, inline images after a light fill, bombs", () => {
    expect(scanContent(pdf([{ body: TEXT }], "/Encrypt 5 0 R")).mayHide).toBe(true);
    expect(scanContent(pdf([{ body: TEXT, dict: "/Filter /LZWDecode" }])).mayHide).toBe(true);
    expect(scanContent(pdf([{ body: "\xff\xd8 1 g (x) Tj", dict: "/Filter /DCTDecode" }])).mayHide).toBe(false); // JPEG pixels
    expect(page(`q 1 g 0 0 1 1 re f Q BI /W 1 /H 1 ID Q EI ${TEXT}`).mayHide).toBe(true);
    const bomb = scanContent(pdf([{ body: Buffer.alloc(40 * 1024 * 1024), flate: true }]));
    expect(bomb).toMatchObject({ mayHide: true, why: expect.stringContaining("not decodable") });
  });

  it("reads a stream as pdf.js does: to /Length past an early \"endstream\", from the line after the keyword", () => {
    expect(page(`0 g BT (endstream) Tj ET 1 g ${TEXT}`).mayHide).toBe(true);
    const crOnly = Buffer.from(`%PDF-1.4\n1 0 obj << /Length 40 >> stream  \r3 Tr BT (x) Tj ET\nendstream endobj`);
    expect(scanContent(new Uint8Array(crOnly)).mayHide).toBe(true);
  });

  it("a colour space name defined inline somewhere, or in a file with object streams, is unknown", () => {
    const refs = "/ColorSpace << /c0 3 0 R >>\n3 0 obj\n[/ICCBased 2 0 R]\nendobj";
    const scan = (extra: string) => scanContent(pdf([{ body: `/c0 cs 0.2 0.2 0.2 scn ${TEXT}` }, { body: "icc", dict: "/N 3" }], `${refs}\n${extra}`)).mayHide;
    expect(scan("")).toBe(false);
    expect(scan("/ColorSpace << /c0 [/Separation /White /DeviceCMYK 9 0 R] >>")).toBe(true);
    expect(scan("8 0 obj << /Type /ObjStm /N 1 /First 4 /Length 0 >> stream\n\nendstream endobj")).toBe(true);
  });

  it("follows where text lines start through cm, q/Q, Tm and Td", () => {
    const { reach } = page("q 1 0 0 1 700 0 cm BT 50 400 Td (far) Tj ET Q BT 1 0 0 1 72 100 Tm 0 -20 Td (near) Tj ET");
    expect(reach).toEqual({ maxX: 750, maxY: 400, minX: 72, minY: 80 });
  });

  it.each<[HiddenTrick, boolean]>([["none", false], ["invisible", true], ["white", true], ["tiny", false], ["off_page", false], ["injection", false]])(
    "hidden-text fixture %s: may hide = %s",
    async (trick, expected) => {
      const scan = scanContent(await hiddenTextPdf(trick));
      expect(scan.mayHide).toBe(expected);
      // Off-page text is found by where its lines start: beyond the right edge of the 612-pt page.
      expect(scan.reach.maxX > 612).toBe(trick === "off_page");
    },
  );
});
