/**
 * The evaluation's hidden recruiter preference: a tool the posting never names, which a share of
 * resumes mention independently of everything the prior model looks at (degree, field, experience,
 * signals, publications), and which recruiters reward strongly. The prior model was trained on a world
 * without it, so it cannot know it; only the recruiters' labels can teach it (through the hashed resume
 * terms `s:<tool>` and `w:<tool>`). Independence matters: a tool correlated with the documented features
 * (like "Spark", drawn from the data-mining skill pool) is partly "known" already, which is what kept the
 * oracle only ~0.12 NDCG@10 above the prior in the first version of this evaluation.
 */
import type { CandidateProfile } from "../domain/profile.ts";
import { mulberry32 } from "../model/random.ts";
import type { CandidateDecorator, HiddenPreference } from "./simulate.ts";

export interface HiddenTool {
  /** As it appears in a resume's skills, e.g. "Flink". */
  tool: string;
  /** Share of resumes that mention it, 0..1. */
  share: number;
  /** Logit the recruiters add for it. */
  weight: number;
}

export function hiddenToolPreference(h: HiddenTool): HiddenPreference {
  return { kind: "skill", skill: h.tool, weight: h.weight };
}

/** Mentions the tool in `share` of resumes, drawn from an RNG of its own (seeded per posting stream). */
export function hiddenToolDecorator(h: HiddenTool, seed: number): CandidateDecorator {
  const rng = mulberry32((seed ^ 0x5eed7001) >>> 0);
  return ({ profile, text }) => {
    if (rng() >= h.share || profile.skills.includes(h.tool)) return { profile, text };
    const skills: CandidateProfile["skills"] = [...profile.skills, h.tool];
    const withLine = /^Skills: .*$/m.test(text) ? text.replace(/^(Skills: .*)$/m, `$1, ${h.tool}`) : `Skills: ${h.tool}\n${text}`;
    return { profile: { ...profile, skills }, text: withLine };
  };
}
