/**
 * Publications: entries in a Publications / Papers section. An entry starts with a list marker
 * ("[1]", "1.", "- "); without markers each line with a year counts (a wrapped citation usually has
 * one year), and failing that each line naming a venue or a quoted title. With no such section,
 * research/experience lines that say a paper was published/accepted at a known venue count.
 */
import type { Evidence } from "../domain/profile.ts";
import { evidenceAt } from "./lines.ts";
import type { SectionedLine } from "./sections.ts";

const VENUES = [
  "NeurIPS", "NIPS", "ICML", "ICLR", "KDD", "SIGKDD", "RecSys", "WSDM", "SIGIR", "WWW", "TheWebConf", "CIKM",
  "AAAI", "IJCAI", "ACL", "EMNLP", "NAACL", "CVPR", "ICCV", "ECCV", "ICDM", "SDM", "UAI", "AISTATS", "COLT",
  "VLDB", "SIGMOD", "ICDE", "STOC", "FOCS", "SODA", "TKDE", "TOIS", "JMLR", "TPAMI", "TMLR", "ECIR", "ICWSM",
  "CHI", "UIST", "INTERSPEECH", "ICASSP", "MICCAI", "CoRL", "ICRA", "IROS", "RSS", "OSDI", "SOSP", "NSDI",
];
const VENUE_RE = new RegExp(`(?<![A-Za-z])(${VENUES.join("|")})(?![A-Za-z])(?:\\s*['’]?\\d{2,4})?`, "g");
/** "[1]", "1.", "- ", and academic CVs' per-kind numbering: "J1." (journal), "C2." (conference), "R1." (under review). */
const MARKER = /^(?:\[\d+\]|\d{1,3}[.)]\s|[-•*▪◦]\s|\[?[A-Z]{1,2}\d{1,3}[.\]):]\s)/;
const YEAR = /\b(?:19[89]\d|20\d\d)\b/;
const PAPER_WORDS = /\b(?:published|accepted|paper|proceedings|workshop|first[- ]author|co-?authored|appeared in|preprint)\b/i;
/** A listed work that names its outlet or review state, even without a year ("Under review at JMLR."). */
const OUTLET = /\b(?:arXiv|bioRxiv|medRxiv|SSRN|Journal|Proceedings|Transactions|Conference|Symposium|Workshop|Letters|under review|submitted to|revise and resubmit|R&R|in press|forthcoming|to appear|(?:major|minor) revision|conditionally accepted)\b/i;
/**
 * Not papers by corpus rules: drafts and work in preparation (in the languages of CVs we read in English too), posters,
 * talks ("Talk: …") and patents. A line saying so is no entry even inside a Publications section.
 */
const NOT_A_PAPER = /\b(?:in preparation|in prep\b\.?|en preparaci[oó]n|en pr[ée]paration|em prepara[cç][aã]o|in Vorbereitung|in preparazione|manuscript in preparation|draft|work in progress|poster|invited talk|keynote|patent)\b|\b(?:talk|abstract)(?=\s*:)|\(talk\)|\b(?:[Tt]alk|TALK)\s+(?:given\s+|delivered\s+)?at\s+(?:the\s+)?[A-Z]|^(?:I|I'm|I am|My)\s/i;
/**
 * A thesis listed among the papers ("[T1] PhD thesis, …", "MA thesis: …", "Dissertação de mestrado: …", "Dissertation: …") is the
 * degree's own write-up, not a paper — a paper that grew out of it ("…, from my master's thesis") still counts.
 */
const THESIS_ENTRY = /(?<!\b(?:from|of|in|on)\s+(?:my|the|her|his|their)\s+)\b(?:Ph\.?\s?D|doctoral|master['’]?s|M\.?Sc|M\.?A|MPhil|M\.?Res|bachelor['’]?s|B\.?Sc|B\.?A|diploma|honou?rs|senior|undergraduate|habilitation)\s+(?:thesis|dissertation)\b|\bdisserta(?:ção|cao|ción|cion|zione)\b|\b(?:Diplomarbeit|Masterarbeit|Bachelorarbeit)\b|\blicentiate\s+(?:thesis|dissertation)\b|^\W*(?:\[?T\d{1,2}[.\]):]\s*)?(?:thesis|dissertation)\s*:|[.:]\s+(?:PhD\s+|Doctoral\s+)?(?:Dissertation|Thesis)\s*(?:,|\(|\.?\s*$)/iu;

/**
 * Economists list unpublished papers under "Working Papers": only those under review ("R&R at …", "submitted to
 * …", "under review") are counted by corpus rules; the rest are manuscripts, like work in preparation.
 */
const WORKING_PAPERS = /^\W*(?:\w+\s+)?working\s+papers?\b/i;
const UNDER_REVIEW = /\b(?:under review|under revision|submitted|revise\s*(?:and|&)\s*resubmit|R&R|(?:major|minor) revision|conditionally accepted|accepted|forthcoming|in press|to appear)\b/i;

const WORKING_PAPER_ENTRY = /\bworking paper\b/i;

/** The line sits under a "Working Papers" heading of its Publications section. */
function underWorkingPapers(lines: SectionedLine[], l: SectionedLine): boolean {
  for (let k = l.index - 1; k >= 0; k--) {
    const x = lines[k]!;
    if (x.heading) return WORKING_PAPERS.test(x.text);
    if (x.section !== "publications") return false;
  }
  return false;
}

/** Distinct venue names found in the given lines, in order of first appearance. */
export function publicationVenues(lines: { text: string }[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    for (const m of l.text.matchAll(VENUE_RE)) {
      const v = m[1]!;
      const canon = v === "NIPS" ? "NeurIPS" : v === "SIGKDD" ? "KDD" : v === "TheWebConf" ? "WWW" : v;
      if (!out.includes(canon)) out.push(canon);
    }
  }
  return out;
}

/**
 * Terse resumes list papers by venue on one line: "RecSys'25, SIGIR'25, KDD'24 (short)". A line that is nothing
 * but two or more dated venues (besides parenthetical notes) is that many entries; any other line is one.
 */
function entriesInLine(text: string): number {
  // "3 first-author papers at KDD/RecSys + 2 co-authored", "2 papers (KDD 2024, ICDM 2023) + 1 under review": the
  // counts the line states, added up.
  if (STATED_COUNT.test(text) && !REVIEWING.test(text)) {
    // "… and two working papers": manuscripts not under review, which do not count.
    const items = [...text.replace(/\([^)]*\)/g, " ").matchAll(COUNT_ITEM)].filter((m) => !/\bworking\b/i.test(m[0]));
    return items.reduce((n, m) => n + countOf(m[1]!), 0) + (ORDINAL_MORE.test(text) ? 1 : 0);
  }
  // "RecSys'24 (first author), CIKM'25 (first author), arXiv'25 (second author)", "ECIR 2024, RecSys 2024 (LBR), SIGIR
  // 2025 short paper": a list whose every item opens with a dated outlet is one entry per item.
  const items = text.replace(/\([^)]*\)/g, (m) => m.replace(/[,;]/g, " ")).split(/\s*[,;]\s*/).filter((x) => x.trim() !== "");
  if (items.length >= 2 && items.every((x) => DATED_OUTLET.test(x)) && publicationVenues([{ text }]).length > 0) return items.length;
  const venues = [...text.matchAll(VENUE_RE)].filter((m) => /\d/.test(m[0]));
  if (venues.length < 2) return 1;
  const rest = text.replace(VENUE_RE, " ").replace(/\([^)]*\)/g, " ").replace(/[^A-Za-z]+/g, " ").trim();
  return rest === "" ? venues.length : 1;
}

/** Reviewing others' papers ("Reviewed 20 papers for KDD 2024") states no count of one's own. */
const REVIEWING = /\b(?:reviewed|reviewer|reviewing|refereed for)\b/i;
const NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const NUMBER = String.raw`(\d{1,2}|${NUMBER_WORDS.join("|")})`;
/** A count of papers stated in words: "3 first-author papers", "12 publications", "three papers". */
const STATED_COUNT = new RegExp(String.raw`(?<![\w.\/'’-])${NUMBER}\s+(?:[a-z][\w-]*\s+){0,2}?(?:papers?|publications?|articles?)\b`, "i");
/**
 * Each count on such a line, the first and those added to it ("+ 1 under review", "+ 2 co-authored"); not those in
 * parentheses, which break the count down ("three papers (ACL 2023, EMNLP 2024, and one under review)").
 */
const COUNT_ITEM = new RegExp(String.raw`(?<![\w.\/'’-])${NUMBER}\s+(?:(?:[a-z][\w-]*\s+){0,2}?(?:papers?|publications?|articles?|preprints?)|co-?authored|under review|accepted|submitted|in press|more)\b`, "gi");
const countOf = (n: string) => (/\d/.test(n) ? Number(n) : NUMBER_WORDS.indexOf(n.toLowerCase()) + 1);
/** A line stating one's own paper count: "Number of publications: 5 journal articles …", "I have published three papers". */
const OWN_COUNT = /\b(?:number of|total)\s+(?:publications|papers)\b|\b(?:have|has)\s+published\b|\b(?:have|has)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:published|peer[- ]reviewed|refereed|accepted)\b|\bpublished\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/i;
const ownCount = (text: string) => OWN_COUNT.test(text) && STATED_COUNT.test(text) && !REVIEWING.test(text);
/** "(+3 more)", "+ 2 more": papers a selected list leaves out, stated as a number. */
const PLUS_MORE = /^\W*\(?\s*\+\s*(\d{1,2})\s+(?:more|others?|additional)\b[^()]*\)?\W*$/i;
const NUMBERED = /^(?:\[\d+\]|\d{1,3}[.)]\s)/;
const BULLET = /^[-•*▪◦]\s/;
/** "…; a sixth is under review at WSDM": one more paper after a stated count, named by its ordinal. */
const ORDINAL_MORE = /\b(?:a|one)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth)\b(?:\s+(?:paper|article|one))?\s+(?:is\s+)?(?:under review|accepted|submitted|in press|forthcoming)\b/i;
/** A citation opening with a bracketed number ("[1] L. Ferreby, M. Ostrander. … SIGIR 2024."). */
const BRACKET_CITATION = /^\[\d{1,2}\]\s/;
/** An item that opens with an outlet and its year: "ECIR 2024", "RecSys'24", "arXiv'25". */
const DATED_OUTLET = /^\s*(?:[A-Z][\w-]*|arXiv|bioRxiv)(?:\s+[A-Z][\w-]*)?\s*(?:['’]\d{2}|(?:19|20)\d{2})\b/;

export interface Publications {
  count: number;
  venues: string[];
  evidence: Evidence[];
}

/** Runs of consecutive section lines (no blank line between them). */
function paragraphsOf(all: SectionedLine[], section: SectionedLine[]): SectionedLine[][] {
  const out: SectionedLine[][] = [];
  for (const l of section) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && all.slice(prev.index + 1, l.index).every((x) => !x.blank)) last.push(l);
    else out.push([l]);
  }
  return out;
}

export function extractPublications(lines: SectionedLine[]): Publications {
  const section = lines.filter((l) => l.section === "publications" && !l.blank && !l.heading);
  let entries: SectionedLine[];
  if (section.length > 0) {
    // A marked entry is read with the unmarked lines that continue it: a PDF wraps "…Manuscript in" / "preparation.".
    const withTail = (l: SectionedLine) => {
      // Only an entry cut mid-sentence continues: a finished one ends with "." or ")".
      if (!MARKER.test(l.text) || /[.)]\s*$/.test(l.text)) return l.text;
      const tail = [l.text];
      const continues = (x: SectionedLine | undefined): x is SectionedLine =>
        x !== undefined && x.section === "publications" && !x.blank && !x.heading && !MARKER.test(x.text);
      for (let x = lines[l.index + 1]; continues(x); x = lines[x.index + 1]) tail.push(x.text);
      return tail.join(" ");
    };
    // A working paper not under review is a manuscript, under a "Working Papers" heading or labelled so itself
    // ("“Column generation for …” Working paper, 2025.").
    const papers = section.filter((l) => (ownCount(l.text) || !NOT_A_PAPER.test(withTail(l))) && !THESIS_ENTRY.test(l.text)
      && ((!underWorkingPapers(lines, l) && !WORKING_PAPER_ENTRY.test(l.text)) || UNDER_REVIEW.test(withTail(l))));
    // Sub-bullets under numbered entries ("1. … AISTATS 2024." / "- Oral presentation" / "2. …") annotate the entry
    // above; with two or more numbered entries, a bullet directly under one (or under another such bullet) is no entry.
    const numbered = papers.filter((l) => NUMBERED.test(l.text));
    const subBullet = (l: SectionedLine) => {
      if (numbered.length < 2 || !BULLET.test(l.text)) return false;
      for (let k = l.index - 1; k >= 0; k--) {
        const x = lines[k]!;
        if (x.blank || x.heading || x.section !== "publications") return false;
        if (NUMBERED.test(x.text)) return true;
        if (!BULLET.test(x.text) && MARKER.test(x.text)) return false;
      }
      return false;
    };
    const marked = papers.filter((l) => MARKER.test(l.text) && !subBullet(l));
    const dated = papers.filter((l) => YEAR.test(l.text));
    const named = papers.filter((l) => publicationVenues([l]).length > 0 || /["“”]/.test(l.text) || OUTLET.test(l.text));
    // Unmarked: a line with a year, or failing that an outlet ("Under review at JMLR."), is an entry.
    // (An undated line must end like a citation: "…Optimization," continues on the next, dated line.)
    // A PDF may wrap the end of such an entry onto a short line of its own ("…, submitted to" / "PRD.").
    const wrapEnds = (l: SectionedLine) => {
      const next = papers.find((x) => x.index === l.index + 1);
      return next !== undefined && !dated.includes(next) && !named.includes(next) && !MARKER.test(next.text)
        && next.text.split(/\s+/).length <= 4 && /[.)]$/.test(next.text);
    };
    // A short undated line right under an entry cut mid-phrase is that entry's wrapped end ("…. Operations" /
    // "Research (forthcoming).", "… Deep Learning Indaba 2024" / "Workshop on ML for Commerce."), not an entry of its own.
    const continuesAbove = (l: SectionedLine) => {
      const prev = papers.find((x) => x.index === l.index - 1);
      return prev !== undefined && (dated.includes(prev) || named.includes(prev)) && !/[.)]\s*$/.test(prev.text)
        && !dated.includes(l) && l.text.split(/\s+/).length <= 6;
    };
    // A line opening in lower case under an entry cut mid-sentence is its wrapped tail ("…in conversational" /
    // "recommendation. Proceedings of ACL 2023."), dated or not: citations open with a name.
    const tailOfAbove = (l: SectionedLine) => {
      const prev = papers.find((x) => x.index === l.index - 1);
      return /^[a-z]/.test(l.text) && prev !== undefined && !/[.)]\s*$/.test(prev.text) && (dated.includes(prev) || named.includes(prev));
    };
    const unmarked = dated.length > 0
      ? papers.filter((l) => !tailOfAbove(l) && (dated.includes(l) || (named.includes(l) && !continuesAbove(l) && (/[.)]$/.test(l.text) || wrapEnds(l)))))
      : named.filter((l) => !continuesAbove(l));
    entries = marked.length > 0 ? marked : unmarked;
    // "I have published four papers, two at RecSys (2023, 2024) and …": a sentence stating one's own count is the count.
    const stated = papers.filter((l) => ownCount(l.text));
    if (marked.length === 0 && stated.length > 0) entries = stated;
    // Unmarked entries set off by blank lines (title / authors / venue, each possibly dated): one per paragraph.
    // A paragraph whose every line is dated, or of five or more lines, is a list of one-line entries, not one entry.
    const paragraphs = paragraphsOf(lines, papers);
    const multiLine = (p: SectionedLine[]) => p.filter((l) => YEAR.test(l.text)).length > 1 && p.some((l) => !YEAR.test(l.text));
    // Runs of lines set apart by sub-headings ("Journal Articles" / "Refereed Conference Papers", a PDF wrapping
    // their citations) are lists of their own, not one entry each.
    const bySubheading = paragraphs.length >= 2 && paragraphs.every((p, k) => k === 0
      || lines.slice(paragraphs[k - 1]![paragraphs[k - 1]!.length - 1]!.index + 1, p[0]!.index).some((x) => x.heading));
    if (marked.length === 0 && paragraphs.length >= 2 && !bySubheading && paragraphs.every((p) => p.length <= 4) && paragraphs.some(multiLine)) {
      entries = paragraphs.filter((p) => p.some((l) => YEAR.test(l.text) || publicationVenues([l]).length > 0)).map((p) => p[0]!);
    }
    // A list written as one paragraph with inline numbers ("(1) … AISTATS 2025. (2) … (3) Licentiate thesis: …"),
    // however a PDF wrapped it: one entry per number, each judged like a line.
    const joined = section.map((l) => l.text).join(" ");
    const pieces = joined.split(/(?:^|\s)(?=\(\d{1,2}\)\s)/).filter((p) => /^\(\d{1,2}\)\s/.test(p));
    if (marked.length === 0 && pieces.length >= 2 && pieces.length > section.filter((l) => /^\(\d{1,2}\)\s/.test(l.text)).length) {
      const kept = pieces.filter((p) => !NOT_A_PAPER.test(p) && !THESIS_ENTRY.test(p) && (!WORKING_PAPER_ENTRY.test(p) || UNDER_REVIEW.test(p)));
      return {
        count: kept.length,
        venues: publicationVenues(section),
        evidence: section.filter((l) => /\(\d{1,2}\)\s/.test(l.text)).slice(0, 10).map((l) => evidenceAt("publications", l)),
      };
    }
  } else {
    const body = (l: SectionedLine) => l.section === "research" || l.section === "experience" || l.section === "projects" || l.section === "unknown";
    entries = lines.filter((l) => body(l) && PAPER_WORDS.test(l.text) && publicationVenues([l]).length > 0 && !NOT_A_PAPER.test(l.text));
    // With no Publications heading: a stated count of one's own papers ("Number of publications: 5 journal articles and
    // 1 under review", "I have published three papers (…)"), or two or more citations numbered "[1]", "[2]" ….
    const stated = lines.filter((l) => body(l) && ownCount(l.text));
    const cited = lines.filter((l) => body(l) && BRACKET_CITATION.test(l.text) && (YEAR.test(l.text) || OUTLET.test(l.text))
      && !NOT_A_PAPER.test(l.text) && !THESIS_ENTRY.test(l.text));
    if (stated.length > 0) entries = stated;
    else if (cited.length >= 2) entries = cited;
  }
  // "Selected publications" closing on "(+3 more)": the papers not listed are stated, and count.
  const more = entries.length > 0 ? section.reduce((n, l) => n + Number(PLUS_MORE.exec(l.text)?.[1] ?? 0), 0) : 0;
  return {
    count: entries.reduce((n, l) => n + entriesInLine(l.text), 0) + more,
    venues: publicationVenues(section.length > 0 ? section : entries),
    evidence: entries.slice(0, 10).map((l) => evidenceAt("publications", l)),
  };
}
