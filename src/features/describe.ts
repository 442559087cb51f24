/**
 * Plain words for one feature *at its value*, so an explanation says "Does not meet every
 * minimum qualification" rather than a bare feature name with a minus sign, and counts are
 * shown in their own units (months, papers) rather than as the model's log scale.
 */
import { featureLabel } from "./index.ts";

/** Binary features: what to say when the value is 0. */
const WHEN_ABSENT: Record<string, string> = {
  all_gates_met: "Does not meet every minimum qualification",
  phd_in_progress: "Not currently pursuing a PhD",
  degree_phd: "Highest degree is not a PhD",
  degree_missing: "A degree was found in the resume",
  graduates_by_deadline: "Does not graduate before the start deadline",
  graduation_stated: "Graduation date not stated",
  availability_stated: "Availability date not stated",
  available_by_deadline: "Not shown to be available before the deadline",
  signal_machine_learning: "No machine learning work found",
  signal_recommender_systems: "No recommender systems work found",
  signal_data_mining: "No data mining work found",
  signal_algorithms: "No data structures or algorithms work found",
  signal_programming: "No hands-on programming found",
  has_programming_language: "No programming language named",
};

/** Features on a log1p scale, shown back in their unit. */
const LOG_UNITS: Record<string, [string, string]> = {
  log_months_ml: ["Machine learning experience", "months"],
  log_months_recsys: ["Recommender systems experience", "months"],
  log_months_data_mining: ["Data mining experience", "months"],
  log_months_total: ["Total work experience", "months"],
  log_publications: ["Publications", "papers"],
};

const FRACTIONS = new Set(["degree_gate_met", "signal_gates_met", "availability_gate_met", "gates_unmet_fraction", "field_relatedness", "text_similarity"]);

export function describeFeature(name: string, value: number): string {
  const log = LOG_UNITS[name];
  if (log) return `${log[0]}: ${Math.round(Math.expm1(value))} ${log[1]}`;
  if (name in WHEN_ABSENT) return value >= 0.5 ? featureLabel(name) : (WHEN_ABSENT[name] as string);
  if (FRACTIONS.has(name)) return `${featureLabel(name)}: ${Math.round(value * 100)}%`;
  if (name === "graduation_months_before_deadline") return `Graduates ${Math.abs(Math.round(value))} months ${value >= 0 ? "before" : "after"} the start deadline`;
  if (name === "num_programming_languages") return `Programming languages named: ${Math.round(value)}`;
  return featureLabel(name);
}
