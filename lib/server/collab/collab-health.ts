import { internalCollabUrl } from "./collab-url";

export interface CollabHealth {
  status: "ok" | "down";
  latencyMs?: number;
  error?: string;
}

/** Asks the collab server's /health, with a one-second budget. */
export async function collabHealth(): Promise<CollabHealth> {
  const started = performance.now();
  try {
    const res = await fetch(`${internalCollabUrl()}/health`, { signal: AbortSignal.timeout(1_000), cache: "no-store" });
    if (!res.ok) return { status: "down", error: `collab server answered ${res.status}` };
    return { status: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "down", error: "collab server unreachable" };
  }
}
