import { spawn } from "node:child_process";
import { AppError } from "../../../core/errors";

/** The Debian packages OCR needs; named in the message a user sees when one is missing. */
export const OCR_PACKAGES = "tesseract-ocr tesseract-ocr-jpn tesseract-ocr-jpn-vert tesseract-ocr-eng poppler-utils";

export interface ToolOptions {
  timeoutMs: number;
  /** Address-space cap of the tool (ulimit -v), so a hostile page cannot take the machine's memory. */
  memoryMb?: number;
  cwd?: string;
}

/** Thrown when a tool ran out of time or memory: the page is too complex, the job goes on. */
export class ToolLimitError extends Error {}

/**
 * Runs one of the OCR tools (pdfinfo, pdftotext, pdftoppm, tesseract) as a child process with
 * a deadline and a memory cap, and returns its stdout. A missing tool becomes the user-facing
 * `import_ocr_unavailable` (with the packages to install), never a stack trace.
 */
export function runTool(cmd: string, args: string[], opts: ToolOptions): Promise<string> {
  const memoryKb = (opts.memoryMb ?? 1024) * 1024;
  // `sh -c 'ulimit -v …; exec "$0" "$@"'`: the cap applies to the tool only, and sh is always there.
  const child = spawn("/bin/sh", ["-c", `ulimit -v ${memoryKb} && exec "$0" "$@"`, cmd, ...args], {
    cwd: opts.cwd,
    stdio: ["ignore", "pipe", "pipe"],
    // One thread per tesseract: the machine's cores are shared with the web and collab servers.
    env: { ...process.env, OMP_THREAD_LIMIT: "1" },
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (c: Buffer) => out.push(c));
  child.stderr.on("data", (c: Buffer) => err.push(c));
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, opts.timeoutMs);
    child.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString("utf8").slice(0, 2000);
      // sh reports a command it cannot find with 127.
      if (code === 127) return reject(new AppError("unsupported_media", "import_ocr_unavailable", { details: { tool: cmd, packages: OCR_PACKAGES } }));
      if (timedOut) return reject(new ToolLimitError(`${cmd} ran out of time (${opts.timeoutMs} ms)`));
      if (code !== 0) return reject(new ToolLimitError(`${cmd} failed (${code ?? signal}): ${stderr}`));
      resolve(Buffer.concat(out).toString("utf8"));
    });
  });
}

/** Fails with `import_ocr_unavailable` when Tesseract (or its Japanese data) or poppler is missing. */
export async function assertOcrAvailable(): Promise<void> {
  const langs = await runTool("tesseract", ["--list-langs"], { timeoutMs: 10_000 });
  await runTool("pdftoppm", ["-v"], { timeoutMs: 10_000 });
  const have = new Set(langs.split("\n").map((l) => l.trim()));
  const missing = ["jpn", "jpn_vert", "eng"].filter((l) => !have.has(l));
  if (missing.length) throw new AppError("unsupported_media", "import_ocr_unavailable", { details: { missing, packages: OCR_PACKAGES } });
}
