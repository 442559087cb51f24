/**
 * Rankers loaded once per process and kept while they are in use. A process that reads shortlists
 * (the CLI, the HTTP API) needs the model that scored a row to explain it; loading one costs
 * 100–300 ms (weights + wasm warm-up), so it is done once per version. At most MAX_LOADED versions
 * stay loaded (the serving one plus the one it replaced, while a rescore swaps the lists); the
 * oldest is disposed when a newer one loads, so a promotion simply brings in the new version.
 */
import type { Ranker } from "../model/ranker.ts";
import type { ModelRegistry } from "./models.ts";

const MAX_LOADED = 2;

export class RankerCache {
  private readonly loaded = new Map<string, Promise<Ranker>>();

  constructor(private readonly registry: ModelRegistry) {}

  /** The ranker of `version`, loaded on first use. Rejects (and forgets) when the files cannot be read. */
  get(version: string): Promise<Ranker> {
    const hit = this.loaded.get(version);
    if (hit) {
      // Most recently used last, so eviction drops the oldest.
      this.loaded.delete(version);
      this.loaded.set(version, hit);
      return hit;
    }
    // Imported on demand: reading a shortlist whose rows are all explained never loads TensorFlow.js.
    const loading = import("../model/store.ts").then(({ loadRanker }) => loadRanker(this.registry.dir(version)));
    loading.catch(() => this.loaded.delete(version));
    this.loaded.set(version, loading);
    while (this.loaded.size > MAX_LOADED) {
      const [oldest, evicted] = this.loaded.entries().next().value as [string, Promise<Ranker>];
      this.loaded.delete(oldest);
      evicted.then((r) => r.dispose(), () => {});
    }
    return loading;
  }

  /** The ranker the registry currently serves (re-read on every call: one GET). */
  async serving(): Promise<Ranker> {
    return this.get(await this.registry.current());
  }

  loadedVersions(): string[] {
    return [...this.loaded.keys()];
  }

  dispose(): void {
    for (const r of this.loaded.values()) r.then((x) => x.dispose(), () => {});
    this.loaded.clear();
  }
}
