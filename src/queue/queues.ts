/**
 * Queue names, job ids and retry policy in one place. Job payloads carry ids only.
 * Job ids are deterministic so that a re-sent or retried step is one job, not two.
 */
import { Queue, type ConnectionOptions, type DefaultJobOptions } from "bullmq";
import type { ParseJob, QueueName, RetrainJob, ScoreJob } from "../domain/jobs.ts";

/** Transient failures retry with exponential backoff; failed jobs stay for inspection and retry. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 4,
  backoff: { type: "exponential", delay: 500 },
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: false,
};

export interface Queues {
  parse: Queue<ParseJob>;
  score: Queue<ScoreJob>;
  retrain: Queue<RetrainJob>;
  ocr: Queue<ParseJob>;
  close(): Promise<void>;
}

export function makeQueues(connection: ConnectionOptions, prefix: string): Queues {
  const make = <T>(name: QueueName) =>
    new Queue<T>(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  const parse = make<ParseJob>("parse");
  const score = make<ScoreJob>("score");
  const retrain = make<RetrainJob>("retrain");
  const ocr = make<ParseJob>("ocr");
  return {
    parse,
    score,
    retrain,
    ocr,
    async close() {
      await Promise.all([parse.close(), score.close(), retrain.close(), ocr.close()]);
    },
  };
}

/** BullMQ job ids may not contain ":"; a dot keeps them readable. */
export const applicationJobId = (postingId: string, resumeId: string) => `${postingId}.${resumeId}`;

export const RETRAIN_SCHEDULER_ID = "retrain-schedule";
