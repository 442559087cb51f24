/**
 * Minimal reader for a ZIP central directory: entry names and declared sizes only, no inflation.
 * Used to recognise a DOCX without unpacking it and to refuse zip bombs before mammoth inflates anything.
 */
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;

/** Returns null when the bytes are not a readable ZIP (no end-of-central-directory record, or it points outside). */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The EOCD record sits in the last 22 + up to 65535 (comment) bytes; scan backwards for its signature.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (offset + size > bytes.length) return null;
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CDH_SIG) return null;
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLen = view.getUint16(offset + 28, true);
    const extraLen = view.getUint16(offset + 30, true);
    const commentLen = view.getUint16(offset + 32, true);
    const localHeaderOffset = view.getUint32(offset + 42, true);
    if (offset + 46 + nameLen > bytes.length) return null;
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLen));
    entries.push({ name, compressedSize, uncompressedSize, localHeaderOffset });
    offset += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export function isZipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Inflate one entry with a hard output cap, to check its real size: the central directory's declared size
 * can lie, and mammoth (via JSZip) would inflate the whole entry into memory before noticing.
 */
export function checkInflatedSize(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): "ok" | "too_large" | "unreadable" {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return "unreadable";
  const method = view.getUint16(local + 8, true);
  const nameLen = view.getUint16(local + 26, true);
  const extraLen = view.getUint16(local + 28, true);
  const start = local + 30 + nameLen + extraLen;
  // Sizes come from the central directory: local headers hold 0 when a data descriptor follows the data.
  const end = start + entry.compressedSize;
  if (end > bytes.length) return "unreadable";
  if (method === 0) return entry.compressedSize > maxBytes ? "too_large" : "ok";
  if (method !== 8) return "unreadable";
  try {
    inflateRawSync(bytes.subarray(start, end), { maxOutputLength: maxBytes });
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "too_large" : "unreadable";
  }
}
