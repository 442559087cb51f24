/**
 * Programming languages and tools, with canonical names. Languages whose names are also ordinary
 * words or initials ("C", "Go", "R", "Julia", "Ruby", "Swift") count only in a list context: the
 * Skills section, or a line that also names an unambiguous language — or right after "written/implemented in". generalPurposeProgramming is
 * decided from GENERAL_PURPOSE: R, MATLAB and SQL are languages but not general-purpose ones
 * (a "MATLAB/R only" resume does not show general-purpose programming).
 */
import type { Evidence } from "../domain/profile.ts";
import { evidenceAt } from "./lines.ts";
import type { SectionedLine } from "./sections.ts";

type Entry = [canonical: string, re: RegExp, ambiguous?: boolean];

const B = String.raw`(?<![\w+#.-])`;
const E = String.raw`(?![\w+#])`;
const rx = (s: string, flags = "") => new RegExp(`${B}(?:${s})${E}`, flags);

export const LANGUAGES: Entry[] = [
  ["Python", rx("python|python3", "i")], ["Java", rx("Java(?!\\s*Script)", "")], ["C++", rx("C\\+\\+|cpp", "i")],
  ["C#", rx("C#")], ["JavaScript", rx("javascript|JS|ES6", "i")], ["TypeScript", rx("typescript|TS(?=,)", "i")],
  ["Go", rx("Golang", "i")], ["Go", rx("Go"), true], ["Rust", rx("Rust")], ["Scala", rx("Scala")],
  ["Kotlin", rx("Kotlin")], ["Swift", rx("Swift"), true], ["C", rx("C(?![+#])(?!\\.\\s?[A-Z])"), true],
  ["Julia", rx("Julia"), true], ["Ruby", rx("Ruby"), true], ["PHP", rx("PHP")], ["Perl", rx("Perl")],
  ["Haskell", rx("Haskell")], ["OCaml", rx("OCaml")], ["Lua", rx("Lua")], ["Dart", rx("Dart"), true],
  ["Objective-C", rx("Objective-C")], ["Fortran", rx("Fortran", "i")], ["Elixir", rx("Elixir")],
  ["Erlang", rx("Erlang")], ["Clojure", rx("Clojure")], ["F#", rx("F#")], ["Zig", rx("Zig"), true],
  ["R", rx("R(?![&'’])"), true], ["MATLAB", rx("matlab", "i")], ["SQL", rx("SQL")],
];

export const GENERAL_PURPOSE = new Set([
  "Python", "Java", "C++", "C#", "JavaScript", "TypeScript", "Go", "Rust", "Scala", "Kotlin", "Swift", "C",
  "Julia", "Ruby", "PHP", "Perl", "Haskell", "OCaml", "Lua", "Dart", "Objective-C", "Fortran", "Elixir",
  "Erlang", "Clojure", "F#", "Zig",
]);

const TOOLS: Entry[] = [
  ["PyTorch", rx("pytorch|torch", "i")], ["TensorFlow", rx("tensorflow|tf\\.keras", "i")], ["Keras", rx("keras", "i")],
  ["JAX", rx("JAX")], ["scikit-learn", rx("scikit-learn|sklearn|scikit learn", "i")], ["XGBoost", rx("xgboost", "i")],
  ["LightGBM", rx("lightgbm", "i")], ["pandas", rx("pandas", "i")], ["NumPy", rx("numpy", "i")], ["SciPy", rx("scipy", "i")],
  ["Spark", rx("(?:Apache\\s+)?Spark|PySpark")], ["Hadoop", rx("hadoop", "i")], ["Hive", rx("Hive")], ["Kafka", rx("kafka", "i")],
  ["Flink", rx("Flink")], ["Airflow", rx("airflow", "i")], ["SQL", rx("SQL")], ["PostgreSQL", rx("postgres(?:ql)?", "i")],
  ["MySQL", rx("mysql", "i")], ["MongoDB", rx("mongodb", "i")], ["Redis", rx("redis", "i")],
  ["Elasticsearch", rx("elasticsearch", "i")], ["Docker", rx("docker", "i")], ["Kubernetes", rx("kubernetes|k8s", "i")],
  ["AWS", rx("AWS|Amazon Web Services")], ["GCP", rx("GCP|Google Cloud(?: Platform)?")], ["Azure", rx("Azure")],
  ["Git", rx("Git|GitHub")], ["Linux", rx("linux", "i")], ["Hugging Face", rx("hugging\\s?face", "i")],
  ["Ray", rx("Ray(?=\\s*[,;/)]|$)"), true], ["Dask", rx("Dask")], ["Snowflake", rx("Snowflake")], ["BigQuery", rx("bigquery", "i")],
  ["Databricks", rx("databricks", "i")], ["Tableau", rx("tableau", "i")], ["OpenCV", rx("opencv", "i")], ["CUDA", rx("CUDA")],
  ["React", rx("React(?:\\.js)?")], ["Node.js", rx("Node\\.js|NodeJS")], ["Flask", rx("Flask")], ["Django", rx("Django")],
  ["FastAPI", rx("fastapi", "i")], ["FAISS", rx("faiss", "i")], ["MLflow", rx("mlflow", "i")], ["Kubeflow", rx("kubeflow", "i")],
  ["ONNX", rx("ONNX")], ["Jupyter", rx("jupyter", "i")], ["LangChain", rx("langchain", "i")], ["MATLAB", rx("matlab", "i")],
];

const USED_IN = /\b(?:written|implemented|coded|programmed|developed|rewritten|ported)\s+(?:\w+\s+)?in\s+$/i;
/** "bring-up firmware in C", "analysis code in Go": a kind of code, then "in <name>", names the language it is in. */
const CODE_IN = /\b(?:firmware|code|codebase|software|library|libraries|kernels?|drivers?|programs?|implementations?|microservices?|services?|backend|tooling|solvers?|simulators?|scripts?|bindings|SDK)\s+in\s+$/i;
/** "C firmware", "Go service": an ambiguous name directly followed by a kind of code is the language in use. */
const CODE_AFTER = /^\s*(?:firmware|code|codebase|library|libraries|kernel|kernels|driver|drivers|program|programs|implementation|microservices?|services?|backend|packages?|modules?|scripts?|bindings|SDK)\b/i;
/**
 * "Implemented a suffix-array index in C for read mapping", "Built an ingestion job in Go.": a line that says it
 * built something, then "in <name>" closing the clause, names the language the thing was built in.
 */
const BUILT = /\b(?:implemented|built|wrote|written|developed|coded|programmed|rewrote|rewritten|ported|created)\b/i;
const IN_BEFORE = /\bin\s+$/;
const CLAUSE_END = /^\s*(?:$|[.,;)]|(?:for|to|with|and|on)\b)/;

/** The verb just before a name: "learning python", "currently studying Java" (not "machine learning Python"). */
const LEARNING_IT = /(?<!\b(?:machine|deep|reinforcement|transfer|statistical|active|federated|representation|meta|online|supervised|unsupervised|self-supervised|contrastive)\s)\b(?:learning|studying)\s+$/i;

export interface Found {
  names: string[];
  evidence: Evidence[];
  /** canonical name → sections it appears in. */
  where: Map<string, Set<string>>;
}

function scan(lines: SectionedLine[], table: Entry[], feature: string): Found {
  const names: string[] = [];
  const evidence: Evidence[] = [];
  const where = new Map<string, Set<string>>();
  for (const l of lines) {
    if (l.blank || l.heading || l.section === "header") continue;
    // List context: the skills section or a line that also names an unambiguous entry.
    const listy = l.section === "skills" || table.some(([, re, amb]) => !amb && re.test(l.text));
    for (const [name, re, ambiguous] of table) {
      const m = re.exec(l.text);
      if (!m) continue;
      // "an aligner written in C", "implemented in Go": the verb says it is a language, list or not.
      const before = l.text.slice(0, m.index);
      const rest = l.text.slice(m.index + m[0].length);
      const builtIn = IN_BEFORE.test(before) && BUILT.test(before) && CLAUSE_END.test(rest);
      const usedIn = ambiguous && (USED_IN.test(before) || CODE_AFTER.test(rest) || builtIn || (CODE_IN.test(before) && CLAUSE_END.test(rest)));
      if (ambiguous && !listy && !usedIn) continue;
      // "learning python on youtube": a language being learnt is not yet a language in use.
      if (LEARNING_IT.test(before)) continue;
      // Ambiguous single letters ("C", "R") must sit between list separators.
      if (ambiguous && name.length === 1 && !usedIn) {
        const before = l.text.slice(0, m.index);
        const after = l.text.slice(m.index + m[0].length);
        if (!/(?:^|[,/|:(]|\b(?:and|in|with|using))\s*$/.test(before) || !/^\s*(?:$|[,/|;)]|and\b)/.test(after)) continue;
      }
      if (!where.has(name)) {
        names.push(name);
        where.set(name, new Set());
        evidence.push(evidenceAt(feature, l, m.index, m.index + m[0].length));
      }
      where.get(name)!.add(l.section);
    }
  }
  return { names, evidence, where };
}

export function extractLanguages(lines: SectionedLine[]): Found {
  return scan(lines, LANGUAGES, "programmingLanguages");
}

export function extractSkills(lines: SectionedLine[]): Found {
  return scan(lines, TOOLS, "skills");
}

/** Frameworks whose code is Python code. */
const PYTHON_FRAMEWORK = /\b(?:implemented|built|wrote|written|developed|coded|programmed|rewrote|reimplemented)\b.*\b(?:in|with|using)\s+(?:PyTorch|TensorFlow|JAX|Keras|scikit-learn)\b|\b(?:code|codebase|implementations?|models?|networks?|pipelines?|library|prototypes?)\s+(?:(?:written|implemented|built)\s+)?(?:in|with|using)\s+(?:PyTorch|TensorFlow|JAX|Keras)\b|\b(?:implemented|built|wrote|developed|coded|programmed|reimplemented|fine-tuned|trained)\b[^()]*\((?:[^()]*,\s*)?(?:PyTorch|TensorFlow|JAX|Keras|scikit-learn)\b/i;
/**
 * Work a job or research line says was done in a Python-only framework ("Session-aware news recommender in PyTorch",
 * "playlist continuation in PyTorch"): written in it, hence Python, as with "models in PyTorch". Not a claim of skill
 * ("proficient in PyTorch", "experience with TensorFlow") and not a course or tutorial ("a course in PyTorch").
 */
const WORK_IN_FRAMEWORK = /\b(?<!\b(?:proficien(?:t|cy)|experienced?|expertise|skilled|skills|fluent|familiar(?:ity)?|knowledge|background|certified|course|courses|tutorials?|training)\s)in\s+(?:PyTorch|TensorFlow|JAX|Keras)\b/i;
const SELF_DESCRIPTION = new Set(["skills", "summary", "header", "availability", "coursework"]);

/**
 * "Implemented and evaluated SASRec variants in PyTorch", "Fine-tuned transformer rerankers (PyTorch, Hugging Face)",
 * "all code in PyTorch", "neural propensity models in PyTorch": code or models written against a Python-only framework
 * in a job, project or thesis is Python in use, though the language is never named. (A Skills-list "PyTorch" is not.)
 */
export function pythonByFramework(lines: SectionedLine[]): Evidence | null {
  // A line is read with its continuation: a PDF wraps "…implemented and evaluated SASRec" / "variants in PyTorch".
  const l = lines.find((x, i) => {
    const next = lines[i + 1];
    const tail = next && !next.blank && !next.heading && !next.bullet && next.section === x.section ? ` ${next.text}` : "";
    return !x.blank && !x.heading && !SELF_DESCRIPTION.has(x.section) && (PYTHON_FRAMEWORK.test(x.text + tail) || (/\bin\s+(?:PyTorch|TensorFlow|JAX|Keras)\b/i.test(x.text) && WORK_IN_FRAMEWORK.test(x.text)));
  });
  return l ? evidenceAt("signals.generalPurposeProgramming", l) : null;
}
