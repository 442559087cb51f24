/**
 * Queue payloads. They carry ids only, never resume text or contact details: BullMQ stores
 * job data in clear text and shows it in dashboards.
 */
import { z } from "zod";
import { PostingId } from "./posting.ts";
import { ResumeId } from "./profile.ts";

export const QUEUE_NAMES = ["parse", "score", "retrain"] as const;
/** Plus `ocr`: scanned PDFs, low priority, only fed when tesseract is installed (src/app/ocr-application.ts). */
export const QueueName = z.enum([...QUEUE_NAMES, "ocr"]);
export type QueueName = z.infer<typeof QueueName>;

export const ParseJob = z.object({ resumeId: ResumeId, postingId: PostingId });
export type ParseJob = z.infer<typeof ParseJob>;

export const ScoreJob = z.object({ resumeId: ResumeId, postingId: PostingId });
export type ScoreJob = z.infer<typeof ScoreJob>;

export const RetrainJob = z.object({ reason: z.enum(["on_demand", "schedule", "label_count"]) });
export type RetrainJob = z.infer<typeof RetrainJob>;

export const RetrainResult = z.object({
  modelVersion: z.string(),
  promoted: z.boolean(),
  reason: z.string(),
  metrics: z.record(z.string(), z.unknown()),
  rescored: z.number().int(),
});
export type RetrainResult = z.infer<typeof RetrainResult>;
