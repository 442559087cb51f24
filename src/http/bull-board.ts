/** Bull-Board under /admin/queues. Its routes declare no access rule, so the auth hook makes them admin-only. */
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import type { FastifyInstance } from "fastify";
import type { Queues } from "../queue/queues.ts";

export const QUEUE_DASHBOARD_PATH = "/admin/queues";

export async function mountQueueDashboard(app: FastifyInstance, queues: Queues): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  createBullBoard({
    queues: [new BullMQAdapter(queues.parse), new BullMQAdapter(queues.score), new BullMQAdapter(queues.retrain)],
    serverAdapter,
    options: { uiConfig: { boardTitle: "shortlist queues" } },
  });
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  await app.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
}
