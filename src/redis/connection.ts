import { Cluster, Redis, type ClusterNode, type RedisOptions } from "ioredis";

/**
 * `redis+cluster://[user:password@]host:port,host:port` names a Redis Cluster by a few seed
 * nodes (the client discovers the rest). REDIS_CLUSTER_NODES is turned into this form by config.
 */
export const CLUSTER_SCHEME = "redis+cluster://";

export function isClusterUrl(url: string): boolean {
  return url.startsWith(CLUSTER_SCHEME);
}

export interface ClusterAddress {
  nodes: ClusterNode[];
  username?: string;
  password?: string;
}

export function parseClusterUrl(url: string): ClusterAddress {
  if (!isClusterUrl(url)) throw new Error(`not a cluster URL (expected ${CLUSTER_SCHEME}host:port,...)`);
  const rest = url.slice(CLUSTER_SCHEME.length).replace(/\/.*$/, "");
  const at = rest.lastIndexOf("@");
  const hosts = at >= 0 ? rest.slice(at + 1) : rest;
  const credentials = at >= 0 ? rest.slice(0, at) : "";
  const nodes = hosts.split(",").map((hostPort) => {
    const match = /^([^:\s]+):(\d+)$/.exec(hostPort.trim());
    if (!match) throw new Error(`cluster URL: "${hostPort}" is not host:port`);
    return { host: match[1]!, port: Number(match[2]) };
  });
  const [user, password] = credentials.includes(":") ? credentials.split(/:(.*)/s) : [undefined, credentials || undefined];
  return {
    nodes,
    ...(user ? { username: decodeURIComponent(user) } : {}),
    ...(password ? { password: decodeURIComponent(password) } : {}),
  };
}

/**
 * BullMQ workers need `maxRetriesPerRequest: null` (blocking commands must wait through a
 * Redis restart instead of failing); the same setting keeps store writes from being dropped
 * while Redis restarts.
 *
 * A cluster URL gives an ioredis `Cluster`. It answers the same commands (every key shares the
 * `{prefix}` hash tag, so MULTI and Lua stay on one slot) and BullMQ accepts it as a
 * connection; it is typed as `Redis` so stores and use cases stay connection-agnostic.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  const redisOptions: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true, ...options };
  if (!isClusterUrl(url)) return new Redis(url, redisOptions);
  const { nodes, username, password } = parseClusterUrl(url);
  const cluster = new Cluster(nodes, {
    redisOptions: { ...redisOptions, ...(username ? { username } : {}), ...(password ? { password } : {}) },
    ...(options.lazyConnect !== undefined ? { lazyConnect: options.lazyConnect } : {}),
    ...(options.enableOfflineQueue !== undefined ? { enableOfflineQueue: options.enableOfflineQueue } : {}),
    // A failover or a node restart briefly reports CLUSTERDOWN; wait it out instead of failing commands.
    retryDelayOnClusterDown: 300,
  });
  return cluster as unknown as Redis;
}

/** True when a Redis (or a Redis Cluster in state ok) answers at `url` within `timeoutMs`. Never throws. */
export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const probe = { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs } as const;
  const client = isClusterUrl(url)
    ? (() => {
        const { nodes, username, password } = parseClusterUrl(url);
        return new Cluster(nodes, {
          lazyConnect: true,
          enableOfflineQueue: false,
          clusterRetryStrategy: () => null,
          redisOptions: { ...probe, ...(username ? { username } : {}), ...(password ? { password } : {}) },
        });
      })()
    : new Redis(url, { ...probe, enableOfflineQueue: false, retryStrategy: () => null });
  client.on("error", () => {});
  const timer = new Promise<false>((resolve) => setTimeout(resolve, timeoutMs * 2, false).unref());
  try {
    const answer = async () => {
      await client.connect();
      if (!(client instanceof Cluster)) return (await client.ping()) === "PONG";
      return /cluster_state:ok/.test(String(await client.cluster("INFO")));
    };
    return await Promise.race([answer(), timer]);
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
