/**
 * Model directory format (feature schema ≥ 2):
 *   dir/model.json    {format: "shortlist-wide-deep", numFeatures, weights: [{name, shape}]}
 *   dir/weights.bin   float32 little-endian, the weights in that order
 *   dir/metadata.json ModelMetadata (feature schema, sparse config, calibration, metrics, data snapshot)
 * Written into a temp directory that is renamed into place, so a reader (or a crash mid-write)
 * never leaves a half-written model. A directory in the older tfjs layers format (feature schema 1)
 * is refused with a message saying so.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ModelMetadata } from "../domain/model.ts";
import { initBackend } from "./backend.ts";
import { WideDeepNetwork } from "./network.ts";
import { Ranker } from "./ranker.ts";

const WEIGHTS_FILE = "weights.bin";
export const MODEL_FORMAT = "shortlist-wide-deep";

const ModelFile = z.object({
  format: z.literal(MODEL_FORMAT),
  numFeatures: z.number().int().positive(),
  weights: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().nonnegative()) })),
});

export async function saveModel(dir: string, ranker: Ranker, metadata: ModelMetadata = ranker.metadata): Promise<void> {
  const meta = ModelMetadata.parse(metadata);
  const target = path.resolve(dir);
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  await mkdir(tmp, { recursive: true });
  try {
    const { specs, data } = ranker.network.serialise();
    const modelFile: z.infer<typeof ModelFile> = { format: MODEL_FORMAT, numFeatures: ranker.numFeatures, weights: specs };
    await writeFile(path.join(tmp, "model.json"), JSON.stringify(modelFile));
    await writeFile(path.join(tmp, WEIGHTS_FILE), data);
    await writeFile(path.join(tmp, "metadata.json"), JSON.stringify(meta, null, 2) + "\n");
    if (existsSync(target)) {
      const old = `${target}.old-${process.pid}-${randomBytes(4).toString("hex")}`;
      await rename(target, old);
      await rename(tmp, target);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(tmp, target);
    }
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

export async function readMetadata(dir: string): Promise<ModelMetadata> {
  const raw: unknown = JSON.parse(await readFile(path.join(dir, "metadata.json"), "utf8"));
  const parsed = ModelMetadata.safeParse(raw);
  if (!parsed.success) throw new Error(`${dir}/metadata.json is not valid model metadata: ${parsed.error.message}`);
  return parsed.data;
}

export async function loadRanker(dir: string): Promise<Ranker> {
  await initBackend();
  const metadata = await readMetadata(dir);
  const raw: unknown = JSON.parse(await readFile(path.join(dir, "model.json"), "utf8"));
  const file = ModelFile.safeParse(raw);
  if (!file.success || !metadata.sparse) {
    throw new Error(
      `${dir}: model ${metadata.version} is in an older format (feature schema version ${metadata.featureSchemaVersion}, ` +
        `no sparse inputs); this build reads "${MODEL_FORMAT}" models. Retrain it (npm run train:initial for the initial model).`,
    );
  }
  if (file.data.numFeatures !== metadata.featureNames.length) {
    throw new Error(`${dir}: model.json has ${file.data.numFeatures} features, metadata.json lists ${metadata.featureNames.length}`);
  }
  const buf = await readFile(path.join(dir, WEIGHTS_FILE));
  const data = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  const network = WideDeepNetwork.deserialise(file.data.numFeatures, metadata.sparse, file.data.weights, data);
  const ranker = new Ranker(network, metadata);
  ranker.warmUp();
  return ranker;
}
