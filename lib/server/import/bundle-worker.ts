import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

let bundled: Promise<string> | null = null;

/**
 * The extraction worker as one JavaScript file on disk, built from its TypeScript source
 * once per process (about 0.1 s). `next start` serves a bundle in which the worker's source
 * is not a file a thread can load, and running it through tsx's loader would also route
 * pdfjs and the other libraries through tsx (seven times slower to load): so our own
 * code is bundled and the libraries stay external, loaded natively from node_modules.
 * Paths are taken from the project root, the working directory of every process of the app.
 * The file is named by its content hash and written atomically, so processes that
 * build at the same time never read half a file.
 */
export function bundleWorker(root = process.cwd()): Promise<string> {
  bundled ??= (async () => {
    const result = await build({
      entryPoints: [path.join(root, "lib", "server", "import", "extract-worker.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node22",
      packages: "external",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.contents;
    const dir = path.join(root, "node_modules", ".cache", "synoptic");
    const file = path.join(dir, `extract-worker.${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
    if (!existsSync(file)) {
      await mkdir(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, code);
      await rename(tmp, file);
    }
    return file;
  })();
  bundled.catch(() => (bundled = null));
  return bundled;
}
