/**
 * (e) The pipeline end to end on a 3-master Redis Cluster on loopback ports: redis-server
 * --cluster-enabled yes ×3, `redis-cli --cluster create`, then REDIS_URL=redis+cluster://…
 * (ioredis Cluster) for the stores, BullMQ queues, workers and sandboxed parse children.
 * Every key carries the `{prefix}` hash tag, so the system's keys share one slot.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, launchRedis, redisServerBinary, type LaunchedRedis } from "../../src/redis/launch.ts";
import { redisAnswers } from "../../src/redis/connection.ts";
import { startWorkers, type RunningWorkers } from "../../workers/run.ts";
import { waitFor } from "../helpers/system.ts";
import { openFaultSystem, POSTING, statusCounts, submitGood, type FaultSystem } from "./system.ts";

const hasRedisCli = spawnSync("sh", ["-c", "command -v redis-cli"]).status === 0;
const RESUMES = 12;

describe.skipIf(!redisServerBinary() || !hasRedisCli)("the pipeline on a 3-master Redis Cluster", () => {
  let dir: string;
  const nodes: LaunchedRedis[] = [];
  let sys: FaultSystem;
  let workers: RunningWorkers;
  let ids: string[] = [];
  let clusterUrl: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "shortlist-cluster-"));
    for (let i = 0; i < 3; i++) {
      const nodeDir = path.join(dir, `node-${i}`);
      nodes.push(await launchRedis({
        port: await freePort(), dir: nodeDir, appendOnly: false,
        extraArgs: ["--cluster-enabled", "yes", "--cluster-config-file", path.join(nodeDir, "nodes.conf"), "--cluster-node-timeout", "5000"],
      }));
    }
    const addresses = nodes.map((n) => `127.0.0.1:${n.port}`);
    const create = spawnSync("redis-cli", ["--cluster", "create", ...addresses, "--cluster-replicas", "0", "--cluster-yes"], { encoding: "utf8", timeout: 60_000 });
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}\n${create.stderr}`);
    clusterUrl = `redis+cluster://${addresses.join(",")}`;
    await waitFor("cluster state ok", () => redisAnswers(clusterUrl, 1000), 30_000);
    sys = await openFaultSystem(clusterUrl);
    workers = await startWorkers(sys.ctx, ["parse", "score"], { schedule: false });
    ids = await submitGood(sys.ctx, RESUMES);
    await waitFor("every resume scored", async () => (await statusCounts(sys.ctx, ids)).scored === RESUMES, 180_000);
  }, 300_000);

  afterAll(async () => {
    await workers?.close();
    await sys?.close({ deleteKeys: false }); // the cluster is thrown away whole
    for (const node of nodes) await node.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("runs on three masters that split the slots", async () => {
    const info = String(await sys.ctx.redis.cluster("INFO"));
    expect(info).toMatch(/cluster_state:ok/);
    expect(info).toMatch(/cluster_size:3/);
  });

  it("scores every resume into a ranked shortlist", async () => {
    const rows = await sys.ctx.stores.shortlist.top(POSTING, 100);
    expect(rows.map((r) => r.resumeId).sort()).toEqual([...ids].sort());
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.rank).toBeLessThan(rows[i]!.rank);
  });

  it("keeps the system's keys and queues in one hash slot", async () => {
    const slot = (key: string) => sys.ctx.redis.cluster("KEYSLOT", key);
    const shortlistSlot = await slot(sys.ctx.stores.keys.shortlist(POSTING));
    expect(await slot(sys.ctx.stores.keys.blob(ids[0]!))).toBe(shortlistSlot);
    expect(await slot(`${sys.env.SHORTLIST_PREFIX}:parse:wait`)).toBe(shortlistSlot);
    expect(await slot(`${sys.env.SHORTLIST_PREFIX}:score:completed`)).toBe(shortlistSlot);
  });
});
