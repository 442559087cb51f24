/**
 * Model directory format: dir/model.json (tfjs layers format: topology + weightsManifest),
 * dir/weights.bin, dir/metadata.json (ModelMetadata). Written with tf.io.withSaveHandler (no
 * tfjs-node file:// handler needed) into a temp directory that is then renamed into place, so a
 * reader never sees a half-written model. Read back with tf.io.fromMemory.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { ModelMetadata } from "../domain/model.ts";
import { initBackend } from "./backend.ts";
import { Ranker } from "./ranker.ts";

const WEIGHTS_FILE = "weights.bin";

function toBuffer(data: tf.io.WeightData | undefined): Buffer {
  if (data === undefined) return Buffer.alloc(0);
  const joined = Array.isArray(data) ? tf.io.CompositeArrayBuffer.join(data) : data;
  return Buffer.from(joined);
}

export async function saveModel(dir: string, model: tf.LayersModel, metadata: ModelMetadata): Promise<void> {
  const meta = ModelMetadata.parse(metadata);
  const target = path.resolve(dir);
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  await mkdir(tmp, { recursive: true });
  try {
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const weights = toBuffer(artifacts.weightData);
        const modelJson = {
          format: artifacts.format ?? "layers-model",
          generatedBy: artifacts.generatedBy,
          convertedBy: artifacts.convertedBy ?? null,
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
        };
        await writeFile(path.join(tmp, "model.json"), JSON.stringify(modelJson));
        await writeFile(path.join(tmp, WEIGHTS_FILE), weights);
        return {
          modelArtifactsInfo: {
            dateSaved: new Date(),
            modelTopologyType: "JSON",
            weightDataBytes: weights.byteLength,
          },
        };
      }),
    );
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
  const modelJson = JSON.parse(await readFile(path.join(dir, "model.json"), "utf8")) as {
    modelTopology: object;
    weightsManifest: Array<{ paths: string[]; weights: tf.io.WeightsManifestEntry[] }>;
  };
  const weightSpecs = modelJson.weightsManifest.flatMap((g) => g.weights);
  const buffers = await Promise.all(
    modelJson.weightsManifest.flatMap((g) => g.paths).map((p) => readFile(path.join(dir, path.basename(p)))),
  );
  const joined = Buffer.concat(buffers);
  const weightData = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength);
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData }),
  );
  const ranker = new Ranker(model, metadata);
  ranker.warmUp();
  return ranker;
}
