import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Secrets for a local start: taken from the environment, else generated once and
 * kept in .data/secrets.json (mode 600) so sessions survive restarts.
 */
export function ensureSecrets(root: string, port: number): void {
  const file = path.join(root, ".data", "secrets.json");
  let stored: Record<string, string> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  let changed = false;
  for (const key of ["NEXTAUTH_SECRET", "COLLAB_TOKEN_SECRET"]) {
    if (process.env[key]) continue;
    if (!stored[key]) {
      stored[key] = randomBytes(32).toString("base64url");
      changed = true;
    }
    process.env[key] = stored[key];
  }
  if (changed) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  process.env.NEXT_TELEMETRY_DISABLED = "1";
}
