import { createRequire } from "node:module";

/** Path of Next's CLI entry, run with the current Node (the project's Node 24). */
export function nextBin(): string {
  return createRequire(import.meta.url).resolve("next/dist/bin/next");
}
