/** Small factories for pure-stage tests: a valid CandidateProfile with overrides. */
import fs from "node:fs";
import path from "node:path";
import { CandidateProfile, PROFILE_SCHEMA_VERSION, type Education } from "../../src/domain/profile.ts";
import { Posting } from "../../src/domain/posting.ts";

export function makeProfile(overrides: Partial<CandidateProfile> = {}): CandidateProfile {
  return CandidateProfile.parse({
    schemaVersion: PROFILE_SCHEMA_VERSION,
    resumeId: "a".repeat(64),
    contact: { name: "Test Person", email: "t@example.org", phone: null },
    education: [],
    highestDegree: null,
    graduationDate: null,
    availableFrom: null,
    experience: [],
    experienceMonths: { total: 0, machineLearning: 0, recommenderSystems: 0, dataMining: 0 },
    signals: { machineLearning: false, recommenderSystems: false, dataMining: false, dataStructuresAlgorithms: false, generalPurposeProgramming: false },
    programmingLanguages: [],
    skills: [],
    publications: 0,
    evidence: [],
    warnings: [],
    ...overrides,
  });
}

export function education(e: Partial<Education>): Education {
  return { level: "phd", field: "Computer Science", institution: "Example University", status: "in_progress", graduation: "2026-06", ...e };
}

export function seedPosting(id = "mle-recsys-phd-2026"): Posting {
  return Posting.parse(JSON.parse(fs.readFileSync(path.resolve("data/postings", `${id}.json`), "utf8")));
}
