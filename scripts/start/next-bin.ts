import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** Path of Next's CLI entry, run with the current Node (the project's Node 24). */
export function nextBin(): string {
  return createRequire(import.meta.url).resolve("next/dist/bin/next");
}

/** `node` arguments that run Next with the peer-address preload (see peer-address.mjs). */
export function nextArgs(command: "start" | "dev", port: number): string[] {
  return ["--import", fileURLToPath(new URL("./peer-address.mjs", import.meta.url)), nextBin(), command, "-p", String(port)];
}
