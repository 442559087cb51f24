import type { Redis } from "ioredis";
import { makeKeys, type Keys } from "../redis/keys.ts";
import { ApplicationStore } from "./applications.ts";
import { LabelStore } from "./labels.ts";
import { PostingStore } from "./postings.ts";
import { ResumeStore } from "./resumes.ts";
import { ShortlistStore } from "./shortlist.ts";

/** Every Redis-backed store over one connection and one key prefix. */
export interface Stores {
  redis: Redis;
  keys: Keys;
  postings: PostingStore;
  resumes: ResumeStore;
  applications: ApplicationStore;
  shortlist: ShortlistStore;
  labels: LabelStore;
}

export function makeStores(redis: Redis, prefix: string): Stores {
  const keys = makeKeys(prefix);
  return {
    redis,
    keys,
    postings: new PostingStore(redis, keys),
    resumes: new ResumeStore(redis, keys),
    applications: new ApplicationStore(redis, keys),
    shortlist: new ShortlistStore(redis, keys),
    labels: new LabelStore(redis, keys),
  };
}
