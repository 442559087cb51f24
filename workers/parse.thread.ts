/**
 * The parse thread: reads and extracts one untrusted upload at a time, with no Redis and no
 * I/O, so the sandboxed processor can stop it (time limit) or drop it (memory limit) at will.
 */
import { readResume } from "../src/app/read-resume.ts";
import { serveTasks } from "../src/sandbox/thread-task.ts";

/**
 * pdf.js loads its modules on the first PDF (seconds and a few hundred MB on a busy machine);
 * do it before reporting ready, so that cost is not charged to a job's time and memory limits.
 */
const WARM_UP_PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count 1 /Kids [3 0 R] >> endobj\n" +
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);
await readResume({ bytes: WARM_UP_PDF, fileName: "warm-up.pdf", resumeId: "0".repeat(64), limits: { maxPages: 1, maxBytes: 1 << 20 } })
  .catch(() => undefined);

serveTasks(readResume);
