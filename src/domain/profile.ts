/**
 * The `CandidateProfile` contract: what extraction produces from one resume.
 * This schema is the single source of the type; other tools read its JSON (`shortlist parse --json`),
 * so changes here are additive only and bump PROFILE_SCHEMA_VERSION.
 */
import { z } from "zod";

export const PROFILE_SCHEMA_VERSION = 1;

/** "YYYY-MM" month; every date the extractor emits is normalised to this. */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected YYYY-MM");
export type YearMonth = z.infer<typeof YearMonth>;

export const ResumeId = z.string().regex(/^[0-9a-f]{64}$/, "resume id is the lowercase hex SHA-256 of the file");
export type ResumeId = z.infer<typeof ResumeId>;

export const DegreeLevel = z.enum(["phd", "masters", "bachelors", "associate", "secondary", "other"]);
export type DegreeLevel = z.infer<typeof DegreeLevel>;

export const DegreeStatus = z.enum(["completed", "in_progress", "unknown"]);
export type DegreeStatus = z.infer<typeof DegreeStatus>;

export const Education = z.object({
  level: DegreeLevel,
  field: z.string().nullable(),
  institution: z.string().nullable(),
  status: DegreeStatus,
  graduation: YearMonth.nullable(),
});
export type Education = z.infer<typeof Education>;

export const ExperienceArea = z.enum(["machineLearning", "recommenderSystems", "dataMining"]);
export type ExperienceArea = z.infer<typeof ExperienceArea>;

export const Experience = z.object({
  title: z.string(),
  organization: z.string().nullable(),
  start: YearMonth.nullable(),
  end: YearMonth.nullable(),
  areas: z.array(ExperienceArea),
});
export type Experience = z.infer<typeof Experience>;

export const SIGNAL_NAMES = [
  "machineLearning",
  "recommenderSystems",
  "dataMining",
  "dataStructuresAlgorithms",
  "generalPurposeProgramming",
] as const;
export const SignalName = z.enum(SIGNAL_NAMES);
export type SignalName = z.infer<typeof SignalName>;

export const Signals = z.object({
  machineLearning: z.boolean(),
  recommenderSystems: z.boolean(),
  dataMining: z.boolean(),
  dataStructuresAlgorithms: z.boolean(),
  generalPurposeProgramming: z.boolean(),
});
export type Signals = z.infer<typeof Signals>;

/** A span of the extracted text that supports one field or signal; `end` is exclusive. */
export const Evidence = z.object({
  feature: z.string(),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Evidence = z.infer<typeof Evidence>;

export const CandidateProfile = z.object({
  schemaVersion: z.literal(PROFILE_SCHEMA_VERSION),
  resumeId: ResumeId,
  /** For display and de-duplication only: never a model input. */
  contact: z.object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  education: z.array(Education),
  highestDegree: Education.nullable(),
  /** The degree in progress, else the latest completed one. */
  graduationDate: YearMonth.nullable(),
  /** Earliest start the candidate states. */
  availableFrom: YearMonth.nullable(),
  experience: z.array(Experience),
  experienceMonths: z.object({
    total: z.number().nonnegative(),
    machineLearning: z.number().nonnegative(),
    recommenderSystems: z.number().nonnegative(),
    dataMining: z.number().nonnegative(),
  }),
  signals: Signals,
  programmingLanguages: z.array(z.string()),
  skills: z.array(z.string()),
  publications: z.number().int().nonnegative(),
  evidence: z.array(Evidence),
  warnings: z.array(z.string()),
});
export type CandidateProfile = z.infer<typeof CandidateProfile>;
