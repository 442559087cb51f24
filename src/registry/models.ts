/**
 * Model versions live under MODELS_DIR/<version>/ (model.json, weights.bin, metadata.json);
 * which one serves is a pointer in Redis, so every worker on every machine agrees and a
 * promotion (or rollback) is one SET plus a message telling scorers to reload.
 */
import fs from "node:fs";
import path from "node:path";
import type { Redis } from "ioredis";
import { ModelMetadata } from "../domain/model.ts";
import type { Keys } from "../redis/keys.ts";

/** The model shipped in the repository, trained on simulated outcomes. */
export const INITIAL_MODEL_VERSION = "v0001-initial";

export interface ModelVersionInfo {
  version: string;
  current: boolean;
  metadata: ModelMetadata;
}

export class ModelRegistry {
  constructor(private readonly redis: Redis, private readonly keys: Keys, readonly modelsDir: string) {}

  dir(version: string): string {
    return path.join(this.modelsDir, version);
  }

  async current(): Promise<string> {
    return (await this.redis.get(this.keys.currentModel())) ?? INITIAL_MODEL_VERSION;
  }

  metadata(version: string): ModelMetadata {
    const file = path.join(this.dir(version), "metadata.json");
    if (!fs.existsSync(file)) throw new Error(`model ${version} not found in ${this.modelsDir}`);
    return ModelMetadata.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  }

  async list(): Promise<ModelVersionInfo[]> {
    const current = await this.current();
    if (!fs.existsSync(this.modelsDir)) return [];
    return fs
      .readdirSync(this.modelsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(this.modelsDir, d.name, "metadata.json")))
      .map((d) => ({ version: d.name, current: d.name === current, metadata: this.metadata(d.name) }))
      .sort((a, b) => a.version.localeCompare(b.version));
  }

  /** Points the scorers at `version` (also used for rollback). Validates the files first. */
  async promote(version: string): Promise<void> {
    this.metadata(version);
    await this.redis.multi().set(this.keys.currentModel(), version).publish(this.modelChannel(), version).exec();
  }

  modelChannel(): string {
    return `${this.keys.prefix}:events:model`;
  }

  /** Sortable, unique enough for one retrain at a time: v20261126t031500-1a2b. */
  static newVersion(now = new Date()): string {
    const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").toLowerCase();
    return `v${stamp}-${Math.random().toString(16).slice(2, 6)}`;
  }
}
