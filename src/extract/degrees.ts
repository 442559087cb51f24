/**
 * Degree level taxonomy: a degree mention in a line → level + where it sits, so the education step
 * can read the field of study around it. Abbreviations collide with ordinary words and places
 * ("MS Office", "Boston, MA", "BE passionate"), so short forms need dots, capitals or a following
 * "in"/"of" — the patterns below are deliberately stricter than the long forms.
 * Dipl.-Ing. (German Diplom-Ingenieur, 5-year) is classed as masters-equivalent, as German
 * recognition rules do. An MBA is a masters whose field is Business Administration.
 */
import type { DegreeLevel } from "../domain/profile.ts";
import { knownField, knownFieldEnd } from "./field-relatedness.ts";

export interface DegreeMention {
  level: DegreeLevel;
  index: number;
  end: number;
  text: string;
  /** Field implied by the degree name itself (MBA → Business Administration). */
  impliedField: string | null;
  /** The mention itself says "in progress" (ABD, PhD Candidate). */
  inProgress: boolean;
}

type Rule = { re: RegExp; level: DegreeLevel; field?: string; inProgress?: boolean };

// Title case or capitals ("MS OFFICE 2020" in a job-board skills table).
const NOT_SOFTWARE = String.raw`(?!\s*-?\s*(?:Office|Word|Excel|PowerPoint|Access|Project|Teams|Windows|Visio|Outlook|SQL|Paint|DOS|OFFICE|WORD|EXCEL|POWERPOINT|ACCESS|PROJECT|TEAMS|WINDOWS|VISIO|OUTLOOK|PAINT)\b)`;
const RULES: Rule[] = [
  { re: /\b(?:Ph\.?\s?D\.?|Doctoral)\s+(?:Candidate|Student)\b/gi, level: "phd", inProgress: true },
  { re: /\bABD\b/g, level: "phd", inProgress: true },
  // Doctorat / Doctorado / Dottorato / Doutorado: the French, Spanish, Italian and Portuguese doctorate.
  // "Doctoral degree (PhD) in Physics", "Doctoral Course, Graduate School of Informatics" (Japanese and Korean
  // programmes), "Doctoral Programme in …": the noun after "Doctoral" is part of the degree's name, not its field.
  // "PhD-level research" describes work, not a degree.
  { re: /\bPh\.?\s?D\b\.?(?![-\s]level\b)|\bDoctor of Philosophy\b|\bDoctoral(?:\s+(?:degree|course|program(?:me)?|studies))?\b|\bDoctorate\b|\bD\.Phil\b\.?|\bDPhil\b|\b(?:Doctorat|Doctorado|Dottorato|Doutorado|Doktora)\b/gi, level: "phd" },
  // German doctorates by faculty ("Dr. rer. nat.", "Dr.-Ing.", "Dr. phil."), never the title before a name
  // ("Dr. Amara Diallo"); "Doctor of Science/Engineering"; a bare "Doctor" before a capitalised field, as Chinese
  // resumes' tables write the level ("Master  Computer Technology", "Doctor  Computer Science"); not the US law
  // degree "Juris Doctor", a professional doctorate.
  // Doctorates by abbreviation: Sc.D. / ScD / D.Sc. / DSc (Doctor of Science), EngD / Eng.D. / D.Eng. (Doctor of
  // Engineering); the Russian "Kandidat nauk" (Candidate of Sciences, rated as a PhD).
  { re: /\bSc\.\s?D\b\.?|\bScD\b|\bD\.\s?Sc\b\.?|\bDSc\b|\bEng\.\s?D\b\.?|\bEngD\b|\bD\.\s?Eng\b\.?|\bKandidat\s+nauk\b/g, level: "phd" },
  { re: /\bDr\.\s?(?:rer\.\s?(?:nat|pol|oec|soc|medic)|phil|sc|techn|math)\.|\bDr\.\s?-\s?Ing\b\.?|\bDoctor of (?:Science|Sciences|Engineering)\b|(?<!\bJuris\s+)\bDoctor(?=\s+[A-Z][a-z])(?!\s+(?:of|Who)\b)|\bDoctor(?:'?s)?\s+degree\b/g, level: "phd" },
  { re: /\bM\.?B\.?A\b\.?|\bMaster of Business Administration\b|\b[Mm]ba(?=\s+in\b)/g, level: "masters", field: "Business Administration" },
  // Indian Master/Bachelor of Computer Applications.
  { re: /\bM\.?C\.?A\b\.?(?!\s*(?:Office|Word))/g, level: "masters", field: "Computer Applications" },
  { re: /\bB\.?C\.?A\b\.?/g, level: "bachelors", field: "Computer Applications" },
  { re: /\bDipl\.?\s?-?\s?Ing\b\.?|\bDiplom-Ingenieur(?:in)?\b/gi, level: "masters" },
  // Diplom in Informatik (computer science): a five-year German degree, master's-equivalent like Dipl.-Ing.
  { re: /\bDipl\.?\s?-?\s?Inf\b\.?|\bDiplom-Informatiker(?:in)?\b/gi, level: "masters", field: "Informatik" },
  // The German (and Austrian) university Diplom in any subject — "Diplom in Mathematics", "Diplom-Mathematiker",
  // "Dipl.-Phys." — is master's-equivalent like Dipl.-Ing. Not "Diplomarbeit" (the thesis) nor an English "Diploma".
  { re: /\bDiplom(?:-[A-Z][a-z]+)?\b|\bDipl\.\s?-?\s?(?:Math|Phys|Chem|Biol|Psych|Kfm|Kffr|Volksw|Geogr|Wirt\.?\s?-?\s?Ing)\b\.?/g, level: "masters" },
  // UK integrated (undergraduate) master's; Italian laurea magistrale; French engineering diploma (master's level);
  // the Portuguese/Brazilian Mestrado and the Spanish Maestría.
  // The Austrian / Polish / Central-European Magister ("Magister der Sozialwissenschaften", "Magister inzynier").
  { re: /\bMagister\b/g, level: "masters" },
  { re: /\b(?:MMath|MPhys|MChem|MSci|MBiol|MComp|MInf|MEcon)\b|\bLaurea\s+(?:Magistrale|Specialistica)\b|\bDipl[oô]me d['’]Ing[ée]nieur\b|\bMestrado\b|\bMaestr[ií]a\b/g, level: "masters" },
  // Latin-American / Iberian first degrees (Licenciatura, Bacharel) and the Italian laurea (triennale), as credential
  // evaluators usually rate them. ("Licentiate" is left out: in Sweden and Finland it is a post-master's degree.)
  { re: /\bLicenciatur[ae]\b|\bLicenciad[oa]\b|\bBacharel(?:ado)?\b|\bLaurea(?:\s+Triennale)?\b/g, level: "bachelors" },
  // Long forms in any case ("MASTER OF SCIENCE IN …" from all-caps resumes); short forms stay case-sensitive below.
  { re: /\bMaster(?:'?s)?(?=\s+(?:of|in)\b)|\bMaster(?:'?s)?\s+degree\b/gi, level: "masters" },
  { re: /\bBachelor(?:'?s)?(?=\s+(?:of|in)\b)|\bBachelor(?:'?s)?\s+degree\b/gi, level: "bachelors" },
  // Short forms in an ALL-CAPS line ("MSC DATA SCIENCE", "MENG MECHANICAL ENGINEERING"): see CAPS_RULES below.
  {
    re: new RegExp(
      String.raw`\bMaster(?:'?s)?\b(?:\s+(?:degree|[Cc]ourse)\b)?|\bM\.\s?Sc\b\.?|\bMSc\b|\bM\.S\.E\.|\bM\.S\.|\bM\.?Res\b\.?|\bMS\b${NOT_SOFTWARE}|\bM\.\s?Eng\b\.?|\bMEng\b|\bMASc\b|\bM\.?Phil\b\.?|\bM\.?Tech\b\.?|\bM\.A\.|\bMA\b(?=\s+(?:in|of)\b)|(?<=\b(?:BA|B\.A\.)\s+(?:and|&)\s+)MA\b|\bS\.?M\.(?=\s)|\bMCS\b|\bMSE\b|\bM\.?\s?Ed\b\.?|\bM\.A(?=\s*[(\[]|\s+(?:in|from)\b)|\bM\.?\s?Com\b\.?|\bM\.E(?=\s*(?:in\b|\(|,|$))|\bMsc\b(?=\s*(?:in\b|\(|,|$))|\bMMS\b(?=\s*[(\[]|\s+(?:in|from)\b)|\bM\.F\.A\.|\bMFA\b(?=\s*(?:in\b|,|\(|[-–—]))|\bM\.?\s?Mus\b\.?`,
      "g",
    ),
    level: "masters",
  },
  {
    re: /\bBachelor(?:'?s)?\b(?:\s+degree\b)?|\bB\.?\s?Tech\b\.?|\bB\.E\.|\bBE\b(?=\s+(?:in|of)\b)|\bB\.?\s?Sc\b\.?|\bB\.S\.E\.|\bB\.S\.|\bBS\b|\bB\.A\.|\bBA\b(?=\s+(?:in|of)\b|,|\s+(?:and|&)\s+MA\b|\s*\(Hons?\.?\)|\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+)?\s*(?:[,|–—]|\s-\s))|\bB\.?Eng\b\.?|\bBASc\b|\bA\.B\.(?=\s)|\bBSE\b|\bB\.?\s?Ed\b\.?|\bB\.A(?=\s*[(\[]|\s+(?:in|from)\b)|\bB\.?\s?[Cc]om\b\.?|\bB\.E(?=\s*(?:in\b|\(|,|$))|\bB\s?E(?=\s+in\b|\s*\()|\bBsc\b(?=\s*(?:in\b|\(|,|$))|\bBBA\b|\bB\.F\.A\.|\bBFA\b(?=\s*(?:in\b|,|\(|[-–—]))|\bB\.?\s?Mus\b\.?|\bB[.-]?\s?TECH\b\.?|\bB\.COM\b\.?/g,
    level: "bachelors",
  },
  { re: /\bAssociate(?:'?s)?(?=\s+(?:of|in|degree)\b)|\bA\.A\.S?\.|\bA\.S\.(?=\s)/gi, level: "associate" },
  { re: /\b(?:High|Secondary|Senior Secondary)\s+School\b|\bGED\b|\bA-Levels?\b|\bAbitur\b|\b(?:Higher|Senior) Secondary\b/gi, level: "secondary" },
  // Indian school-leaving certificates (SSC = class 10, HSC = class 12), case-sensitive: they are acronyms.
  { re: /\b(?:SSC|HSC|CBSE|ICSE|HSSC)\b|\b(?:10th|12th|Class (?:X|XII))\b/g, level: "secondary" },
  // UK postgraduate certificates/diplomas (PGCE teaching certificate, PGDip, PGCert): not degrees.
  { re: /\b(?:Graduate\s+)?Certificate\b|\bDiploma\b|\bPG(?:CE|DE|Dip|Cert)\b|\bPGCHE\b/gi, level: "other" },
];

/**
 * An all-caps resume writes "MSC", "MENG", "BSC": the case-sensitive short forms above miss them. Only in a line
 * with no lower-case letter at all, so "MSc"/"MS Office" rules elsewhere are unaffected.
 */
const CAPS_RULES: Rule[] = [
  { re: /\b(?:M\.?SC|M\.?ENG|M\.?PHIL|M[.-]?TECH|MASC|MRES|MMATH|MPHYS|MCOMP|MSCI|M\.?COM)\b\.?/g, level: "masters" },
  { re: /\b(?:B\.?SC|B\.?ENG|B[.-]?TECH|BASC|B\.?COM)\b\.?/g, level: "bachelors" },
];

/** Degree mentions in a line, longest-earliest first, without overlaps. */
export function findDegrees(line: string): DegreeMention[] {
  const found: DegreeMention[] = [];
  const rules = /[a-z]/.test(line) ? RULES : [...RULES, ...CAPS_RULES];
  for (const rule of rules) {
    for (const m of line.matchAll(rule.re)) {
      const index = m.index ?? 0;
      const end = index + m[0].length;
      // "Jackson, MS" / "Oxford, MS 38655": a US state after a city on an institution line, not a degree.
      if (/^(?:MS|MA)$/.test(m[0]) && /,\s*$/.test(line.slice(0, index)) && /\b(?:Univ|College|Institute)/i.test(line)) continue;
      if (found.some((f) => index < f.end && end > f.index)) continue;
      // "National Scholarship for Doctoral Students", "PhD students' seminar": a degree naming a group of people
      // (a plural after it) is who an award or event is for, not the applicant's degree.
      if (/^\s+(?:students|candidates|researchers|scholars|fellows)\b/i.test(line.slice(end))) continue;
      found.push({
        level: rule.level, index, end, text: m[0], impliedField: rule.field ?? null, inProgress: rule.inProgress ?? false,
      });
    }
  }
  // "High School Diploma" is one secondary degree, not also an "other" diploma; "MBA" beside
  // "Master of Business Administration" is the same degree twice. Keep one mention per level.
  const specific = found.some((f) => f.level !== "other");
  return found
    .filter((f) => !(specific && f.level === "other"))
    .sort((a, b) => a.index - b.index)
    .filter((f, i, all) => all.findIndex((g) => g.level === f.level) === i);
}

export const LEVEL_RANK: Record<DegreeLevel, number> = {
  phd: 5, masters: 4, bachelors: 3, associate: 2, secondary: 1, other: 0,
};

const GENERIC = /^(?:science|sciences|arts|engineering|applied science|philosophy|technology|diploma|degree|honou?rs)$/i;
const STOP = /\s*(?:[,|;(\[—–•·\t]|\s-\s|\s{2,}|\bat\b|\bfrom\b|\b(?:expected|anticipated|graduat\w*|candidate|student|GPA|thesis)\b|\b(?:19|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{4}|['’]\d\d)|\b(?:spring|summer|fall|autumn|winter)\b).*$/i;

function cleanField(raw: string): string | null {
  // The unit prefix goes first: "Graduate School of Informatics" would otherwise stop at "Graduate".
  // A form label before the field ("Degree: Ph.D. | Field: Applied Mathematics") is no part of it; nor is a footnote
  // mark glued to its end ("Physics¹", which a PDF may give as "Physics1").
  const f = raw.replace(/^(?:the\s+)?(?:Graduate\s+)?(?:Department|Dept\.?|School|Faculty|Division)\s+of\s+/i, "")
    .replace(/^\s*(?:Field(?:\s+of\s+study)?|Major|Subject|Discipline|Speciali[sz]ation)\s*:\s*/i, "").replace(STOP, "")
    .replace(/^[\s:,.-]+|[\s:,.-]+$/g, "").replace(/(?<=\p{Ll}{3})(?:[¹²³⁴⁵⁶⁷⁸⁹*†‡]+|\d)$/u, "");
  if (f.length < 2 || f.length > 60 || /\d|@/.test(f)) return null;
  // (Letters, not \b, bound it: "Università" and "Université" end on a letter \b does not count as a word character.)
  const inst = /(?<![\p{L}\p{N}_])(?:Universit(?:y|ät|é|à|e|ad|ade|as|at|eit|et)|[UÜ]niversitesi|College|Institute|School|Academy|Hochschule)(?![\p{L}\p{N}_])/iu.exec(f);
  if (inst) {
    // "Operations Research Harrowgate University": a table whose column gaps were collapsed runs the field into the
    // institution's name; the field is what ends on the last field term we know, with a name left before the keyword.
    const head = f.slice(0, inst.index);
    const end = knownFieldEnd(head);
    return /^[A-Z]/.test(f) && end > 0 && /^\s+[A-Z]\S*\s/.test(head.slice(end) + " ") ? head.slice(0, end) : null;
  }
  // A field typed in lower case ("Phd Candidate in computer science") counts when it is a field we know, in a few words.
  if (!/^[A-Z]/.test(f) && !(/^[a-z]+(?:\s+[a-z]+){0,3}$/.test(f) && !/^(?:of|in|and|at|for|the|from|with|by|on|en|em|de|du|der)\b/.test(f) && knownField(f))) return null;
  // Job-board prefixes: "UG: B.Tech …", "PG: MCA …".
  if (/^(?:UG|PG|PhD|Doctorate)$/.test(f)) return null;
  return f;
}

/**
 * Field of study around a degree mention: "X in <Field>", "Bachelor of Science in <Field>",
 * "Master of <Field>", "M.S. <Field>", "<Field>, PhD" / "<Field> PhD".
 */
export function fieldOf(line: string, d: DegreeMention): string | null {
  // "MBA in Marketing": a field written after the degree with "in" is the field as written; "MBA, Strategy and
  // Analytics" (a concentration after a comma) keeps the degree's own field, as the earlier sets label it.
  if (d.impliedField) {
    const written = /^\s*in\s+([A-Z][\p{L}&]*(?:\s+(?:and\s+|&\s+)?[A-Z][\p{L}]*){0,3})/u.exec(line.slice(d.end));
    const w = written ? cleanField(written[1]!) : null;
    return w && !GENERIC.test(w) ? w : d.impliedField;
  }
  // A degree named in two languages, the naming repeated after " / " or " | " ("Promotion (Dr. rer. nat.) in
  // Informatik / PhD in Computer Science", "Doctorado en Ciencias de la Computación | PhD in Computer Science"): the
  // field is the second naming's, the English one, as a gloss in parentheses is read.
  const rest = line.slice(d.end);
  if (/\s[/|]\s/.test(rest)) {
    const bilingual = /^[^,;|/]{0,60}?\s[/|]\s*(.+)$/.exec(rest);
    const second = bilingual ? findDegrees(bilingual[1]!).find((x) => x.level === d.level && x.index === 0) : undefined;
    const g = second ? fieldOf(bilingual![1]!, second) : null;
    if (g) return g;
  }
  // "Magister inzynier (Master of Science in Engineering), Computer Science, …", "Magister der Sozial- und
  // Wirtschaftswissenschaften (Mag. rer. soc. oec.; master's level), Sociology, …": a degree named in another
  // language, glossed in parentheses with its level, then its field as the next comma cell.
  // "Doktora (PhD), Bilgisayar Muhendisligi (Computer Engineering), …": that field glossed in English in turn gives
  // the gloss, when it is a field we know and the original is not.
  const glossed = /^([^(),]{0,70}?)\s*\(([^()]+)\)\s*,\s*([^,|;(]+)(?:\(([^()]+)\))?/u.exec(line.slice(d.end));
  if (glossed && !/^\s*(?:in|of|en|em|de)\b/i.test(glossed[1]!)
    && (findDegrees(glossed[2]!).some((x) => x.level !== "other") || /\b(?:level|equivalent)\b/i.test(glossed[2]!))) {
    const g = cleanField(glossed[3]!);
    const e = glossed[4] ? cleanField(glossed[4]) : null;
    if (g && e && !knownField(g) && knownField(e) && !GENERIC.test(e)) return e;
    if (g && !GENERIC.test(g)) return g;
  }
  // "Licenciatura en Física (Licentiate in Physics)", "Bacharel em Engenharia Mecânica (B.Eng. Mechanical
  // Engineering)": a field we cannot grade followed by an English gloss — the gloss's field is the one to report.
  const gloss = /^\s*(?:(?:in|en|em|de|of)\s+)?([\p{L} ]+?)\s*\(([^()]+)\)/u.exec(line.slice(d.end));
  if (gloss && !knownField(gloss[1]!)) {
    const inner = gloss[2]!.trim();
    const m = findDegrees(inner)[0];
    const f = (m ? inner.slice(m.end) : inner.replace(/^\p{L}+\s+(?=in\s|of\s)/u, "")).replace(/^\s*(?:in|of)\s+/i, "").trim();
    if (/^[A-Z]/.test(f) && knownField(f)) return f;
  }
  // "Dipl.-Ing. Maschinenbau (Mechanical Engineering)": when the field is not one we know but its
  // parenthetical is, the parenthetical is a translation we can grade. ("Computer Science (Machine
  // Learning)" keeps its field: the parenthetical there is a specialisation.)
  const translated = /^\s*(?:in\s+)?([A-Z][\p{L} ]+?)\s*\(([A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+)+)\)/u.exec(line.slice(d.end));
  if (translated && !knownField(translated[1]!) && knownField(translated[2]!)) return translated[2]!;
  // LinkedIn exports repeat the degree as an abbreviation: "Master of Science - MS, Computer Science".
  // "Ing. (Master's degree) in Cybernetics": the degree named inside a parenthetical gloss; its field follows the ")".
  // "MS by Research, Computer Science", "Integrated M.S.-Ph.D. program, Industrial Engineering": the words after the
  // degree that say how it is taken are part of its name, not its field.
  const after = line.slice(d.end).replace(/^\s*\)(?=\s*(?:in|of)\s)/, "")
    // "M.Sc. (by research) in …": how the degree is taken, in parentheses.
    .replace(/^\s*\((?:by\s+)?(?:research|coursework|thesis|dissertation)\)/i, "")
    .replace(/^\s*(?:by\s+(?:research|coursework|thesis|dissertation)|program(?:me)?|track)\b(?=\s*[,:|–—-])/i, "").replace(
    /^(\s*(?:of|in)\s+(?:Science|Arts|Engineering|Applied Science|Philosophy|Technology)\s*|\s+(?=[-–]\s))?[-–]\s*([A-Z][A-Za-z.]{0,7})\s*,/,
    (m, lead: string | undefined, abbr: string) => (findDegrees(abbr).length > 0 ? `${lead ?? ""},` : m),
  );
  // "B.E. (Computer Engineering)", Naukri's "B.Tech/B.E. (INFORMATION SCIENCE)".
  // Naukri's "MS/M.Sc(Science) (Chemistry)": the generic "(Science)" is part of the degree's name, not its field.
  const cells = after.replace(/^(\/[A-Z][\w.]*)?\s*\((?:Science|Sciences|Arts|Engineering|Technology)\)/, "$1");
  const paren = /^(?:\/[A-Z][\w.]*)?\s*\(([A-Z][\p{L} &/]+)\)/u.exec(cells);
  // A field we cannot grade still counts in the job-board form "M.A (Arts & Humanities) from <institution>".
  const formRow = paren !== null && /^\s*from\b/i.test(cells.slice(paren.index + paren[0].length));
  if (paren && (knownField(paren[1]!) || formRow) && !/^(?:Hons?|Honou?rs)$/i.test(paren[1]!) && !GENERIC.test(paren[1]!)) return paren[1]!;
  // Job-board forms put the specialisation in brackets after the degree: "MS/M.Sc(Science) [Chemistry]".
  const bracket = /^(?:\/[A-Z][\w.]*)?\s*\[([A-Z][\p{L} &/]+)\]/u.exec(cells);
  if (bracket && !GENERIC.test(bracket[1]!)) return bracket[1]!;
  // "Bachelor of Science in X": skip the generic "of Science" and take what follows "in".
  // A parenthetical abbreviation ("(PhD)", "(Dipl.-Ing.)") is skipped; "|" separates table cells ("M.Tech | CSE | …").
  // So are the Polish engineering suffix of "MSc Eng. Computer Science" / "BSc Eng. in Data Science", "candidate,"
  // before a comma ("Dr.-Ing. candidate, Aerospace Engineering") and a year range in parentheses ("B.Tech (2022–26),
  // CSE"). So are a German faculty doctorate glossing the degree ("Doctorate (Dr. rer. nat.) in Biophysics") and the
  // year set between the degree and its field by a dash ("PhD, 2014 — Computer Science, …", "PhD, 2016 — Applied
  // Mathematics — …").
  const inX = /^\s*(?:(?:of|in)\s+(?:Science|Arts|Engineering|Applied Science|Philosophy|Technology)\s*,?\s*)?(?:(?:Eng|Sc|Tech)\.(?=\s)\s*)?(?:\((?:[\w.-]+|\d{4}\s?[-–—]\s?\d{2,4}|Dr\.[\w.\s-]{1,20})\)\s*)?(?:,?\s*(?:19|20)\d\d(?:\s?[-–—]\s?(?:(?:19|20)\d\d|\d\d))?\s*[—–]\s*(?=[A-Z]))?(?:(?:Candidate|Student)\b\s*)?(?:(?:in|en|em)\b|,|:|-|–|—|\|)?\s*(.*)$/i.exec(after);
  const ofX = /^\s*of\s+(.*)$/i.exec(after);
  // "DPhil in Engineering Science", "MSc in Engineering Physics": a generic word opening a longer field name is part
  // of it; the skip in inX is for the degree's own "of Science" / "in Engineering" before a separator.
  const genericFirst = /^\s*in\s+((?:Science|Arts|Engineering|Applied Science|Philosophy|Technology)\s+(?:and\s+)?(?!in\b)[A-Z].*)$/.exec(after);
  let f = genericFirst ? cleanField(genericFirst[1]!) : inX ? cleanField(inX[1]!) : null;
  // "BSc, MSc & PhD — Computer Science", "Integrated M.S.-Ph.D. program, Industrial Engineering": for the first
  // degrees what follows is another degree, whose field is theirs too.
  if (f && findDegrees(f).some((x) => x.index === 0 && x.level !== "other")) {
    const next = findDegrees(after).find((x) => x.level !== "other");
    return next ? fieldOf(after, next) : null;
  }
  if (f && GENERIC.test(f)) f = null;
  if (!f && ofX) {
    const g = cleanField(ofX[1]!);
    if (g && !GENERIC.test(g)) f = g.replace(/^in\s+/i, "");
  }
  if (f) return f;
  // "<Field>, PhD" — the field precedes the degree at the start of the line.
  const before = line.slice(0, d.index).replace(/[\s,:(–—-]+$/, "");
  if (before.length > 0) {
    const cell = before.split(/[|;•·\t]|\s{2,}|\s[-–—]\s/).pop() ?? "";
    const g = cleanField(cell);
    // A sentence running into the degree ("… computer scientist doing a PhD in …") is no field.
    // Nor is another degree named before it ("BSc, MSc & PhD — Computer Science").
    if (g && !GENERIC.test(g) && !/\b(?:a|an|the|my|doing|pursuing|completing|completed|holding|hold|with|am|is)$/i.test(g)
      && !findDegrees(g).some((x) => x.index === 0 && x.end === g.length)) return g;
    // A Chinese-style row whose column gaps were collapsed ("2023.09-2026.06 Dongling University Computer Science
    // and Technology Master"): the field is what follows the institution, when it is a field we know.
    const rest = /\b(?:University|College|Institute|Academy)\s+(?:of\s+[A-Z][a-z]+\s+)?([A-Z][\p{L} &]+)$/u.exec(cell);
    const h = rest ? cleanField(rest[1]!) : null;
    if (h && !GENERIC.test(h) && knownField(h)) return h;
  }
  return null;
}
