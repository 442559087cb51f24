/** A wall-clock cap for one extraction, so a pathological file fails as DocumentError("timeout") instead of hanging a worker. */
import { DocumentError } from "./errors.ts";

export function withTimeout<T>(work: Promise<T>, ms: number, fileName: string, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new DocumentError("timeout", fileName, `reading the document took longer than ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
