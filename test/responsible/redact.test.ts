import { describe, expect, it } from "vitest";
import { headerName, nameParts, redactForFeatures, redactTerms, type RedactionProfile } from "../../src/features/redact.ts";

const jane: RedactionProfile = { contact: { name: "Jane Q. van der Berg-Okafor", email: "jane@example.org", phone: "+14155550134" } };
const will: RedactionProfile = { contact: { name: "Will Smith", email: null, phone: null } };
const noName: RedactionProfile = { contact: { name: null, email: null, phone: null } };

/** Collapse the spaces redaction leaves, so assertions read naturally. */
function redact(text: string, profile: RedactionProfile = jane): string {
  return redactForFeatures(text, profile).replace(/\s+/g, " ").trim();
}

describe("redactForFeatures", () => {
  it("removes the full name, its parts in any common casing, and possessives", () => {
    const out = redact("JANE VAN DER BERG-OKAFOR\nJane's thesis; Okafor et al. 2024; Berg built it");
    expect(out).not.toMatch(/jane|okafor|berg/i);
    expect(out).toContain("thesis");
    expect(out).toContain("et al. 2024");
  });

  it("keeps lower-case words that happen to equal a name part", () => {
    expect(redact("Will Smith\nI will lead the smith-waterman work", will)).toBe("I will lead the smith-waterman work");
  });

  it("removes e-mails, phones, URLs, profile hosts and handles", () => {
    const out = redact(
      "jane.q@uni.edu | +1 (415) 555-0134 | https://janeq.dev/cv | linkedin.com/in/janeq | github.com/jq | GitHub: jq42 | @janeq",
    );
    expect(out.replace(/[|\s]/g, "")).toBe("");
  });

  it("removes an e-mail with an apostrophe in its local part whole", () => {
    expect(redact("Contact: o'kon.maria@hb.info").replace(/\s/g, "")).toBe("Contact:");
  });

  it("keeps year ranges and month ranges that look like phone numbers", () => {
    expect(redact("2019 - 2023 and 2019.01 - 2023.06", noName)).toBe("2019 - 2023 and 2019.01 - 2023.06");
  });

  it("removes dates of birth and ages but not years of experience", () => {
    const out = redact("Date of birth: 12/03/1995 | Born in 1995. Age: 29. A 29-year-old with 5 years of experience", noName);
    expect(out).not.toMatch(/1995|29/);
    expect(out).toContain("5 years of experience");
  });

  it("removes gendered pronouns, titles and words, keeping neutral ones", () => {
    const out = redact("Mr. Lee said she led her team; he mentored women and men. They shipped it.", noName);
    expect(out).toBe("Lee said led team; mentored and They shipped it.");
  });

  it("removes nationality, citizenship, marital status and photo references", () => {
    const out = redact(
      "Nationality: Indian | Marital status: single\nUS citizen, permanent resident. Married with two children. Photo attached. [photo]",
      noName,
    );
    expect(out).not.toMatch(/indian|single|citizen|resident|married|children|photo/i);
  });

  it("leaves technical text alone", () => {
    const text = "Built a race-condition detector in Rust and ASP.NET; Node.js, C++ and image-based retrieval at 10.1145/3292500";
    expect(redact(text, noName)).toBe(text);
  });
});

describe("redactTerms", () => {
  it("drops name parts, gender words (raw or stemmed) and contact-like terms, keeping order", () => {
    const terms = ["jane", "okafor", "recommend", "she", "hi", "ladi", "jane@example.org", "github.com/jq", "python", "femal"];
    expect(redactTerms(terms, jane)).toEqual(["recommend", "python"]);
  });

  it("drops an n-gram when any word is personal", () => {
    expect(redactTerms(["her thesis", "graph neural", "jane okafor"], jane)).toEqual(["graph neural"]);
  });
});

describe("nameParts", () => {
  it("skips particles and initials and splits hyphenated surnames", () => {
    expect(nameParts("Jane Q. van der Berg-Okafor")).toEqual(["Jane", "Berg", "Okafor", "Berg-Okafor"]);
    expect(nameParts(null)).toEqual([]);
  });
});

describe("headerName (fallback when extraction found no name)", () => {
  it("reads a capitalised first line, dropping credentials after a comma", () => {
    expect(headerName("\nIsabella Santos, RN\nisabella@example.com")).toBe("Isabella Santos");
    expect(redact("Isabella Santos, RN\nSantos led the ward", noName)).toBe(", RN led the ward");
  });

  it("does not take a title or heading for a name", () => {
    expect(headerName("Machine Learning Engineer\n...")).toBeNull();
    expect(headerName("CURRICULUM VITAE")).toBeNull();
    expect(headerName("jane@example.com | 555 0100")).toBeNull();
  });
});
