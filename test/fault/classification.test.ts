/** Pure pieces of the fault handling: cluster addresses, failure classification, dead-letter reasons. */
import { describe, expect, it } from "vitest";
import { classifyParseFailure } from "../../src/app/parse-application.ts";
import { loadConfig } from "../../src/config.ts";
import { DocumentError } from "../../src/parse/errors.ts";
import { reasonOf } from "../../src/queue/dead-letter.ts";
import { parseClusterUrl } from "../../src/redis/connection.ts";
import { ThreadLimitError, ThreadTaskError } from "../../src/sandbox/limited-thread.ts";

describe("Redis Cluster configuration", () => {
  it("reads REDIS_CLUSTER_NODES as a redis+cluster:// URL", () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: "10.0.0.1:7000,10.0.0.2:7001" });
    expect(config.redisUrl).toBe("redis+cluster://10.0.0.1:7000,10.0.0.2:7001");
    expect(config.redisUrlExplicit).toBe(true);
    expect(parseClusterUrl(config.redisUrl).nodes).toEqual([{ host: "10.0.0.1", port: 7000 }, { host: "10.0.0.2", port: 7001 }]);
  });

  it("takes credentials from the URL", () => {
    expect(parseClusterUrl("redis+cluster://app:s%40cret@h1:6379,h2:6380")).toEqual({
      nodes: [{ host: "h1", port: 6379 }, { host: "h2", port: 6380 }], username: "app", password: "s@cret",
    });
  });

  it("refuses malformed nodes and a double setting, saying which", () => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: "h1,h2:7000" })).toThrow(/REDIS_CLUSTER_NODES must be host:port/);
    expect(() => loadConfig({ REDIS_URL: "redis://h:1", REDIS_CLUSTER_NODES: "h:2" })).toThrow(/both set/);
    expect(() => parseClusterUrl("redis+cluster://h1:x")).toThrow(/"h1:x" is not host:port/);
  });
});

describe("parse failure classification", () => {
  it("treats document errors, also from the thread, and sandbox limits as unrecoverable", () => {
    expect(classifyParseFailure(new DocumentError("encrypted", "cv.pdf"), "cv.pdf")?.code).toBe("encrypted");
    const fromThread = new ThreadTaskError({ name: "DocumentError", code: "corrupt", message: "cv.pdf: the PDF is damaged" });
    expect(classifyParseFailure(fromThread, "cv.pdf")).toEqual({ code: "corrupt", message: "cv.pdf: the PDF is damaged" });
    expect(classifyParseFailure(new ThreadLimitError("memory", "used more than 512 MB and was stopped"), "cv.pdf"))
      .toEqual({ code: "memory", message: "cv.pdf: parsing used more than 512 MB and was stopped" });
  });

  it("leaves everything else transient (retried with backoff)", () => {
    expect(classifyParseFailure(new Error("Connection is closed."), "cv.pdf")).toBeNull();
    expect(classifyParseFailure(new ThreadTaskError({ name: "TypeError", message: "x is undefined" }), "cv.pdf")).toBeNull();
  });
});

describe("dead-letter reasons", () => {
  it("reads the code of unrecoverable failures and names BullMQ's own", () => {
    expect(reasonOf("timeout: cv.pdf: parsing took longer than 60000 ms and was stopped")).toEqual({
      reason: "timeout", message: "cv.pdf: parsing took longer than 60000 ms and was stopped",
    });
    expect(reasonOf("Unexpected exit code: null signal: SIGKILL").reason).toBe("crashed");
    expect(reasonOf("job stalled more than allowable limit").reason).toBe("stalled");
    expect(reasonOf("Connection is closed.").reason).toBe("error");
  });
});
