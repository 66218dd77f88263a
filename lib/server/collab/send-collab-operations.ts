import type { DirectRequest } from "../../core/collab";
import { AppError, type ErrorCode } from "../../core/errors";
import { mintInternalToken } from "../../collab/auth/token";
import { internalCollabUrl } from "./collab-url";

/**
 * Writes from the web process (imports, API) go through the collab server's direct connection,
 * never into CollabDocument behind a live document's back. Returns the ids written; the collab
 * server's refusal comes back as the same AppError code.
 */
export async function sendCollabOperations(request: DirectRequest): Promise<{ ids: string[] }> {
  const res = await fetch(`${internalCollabUrl()}/internal/operations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${await mintInternalToken()}` },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(15_000),
  }).catch((e: unknown) => {
    throw new AppError("internal", "collab_unreachable", { cause: e });
  });
  const body = (await res.json().catch(() => ({}))) as { ids?: string[]; error?: ErrorCode; message?: string };
  if (!res.ok) throw new AppError(body.error ?? "internal", body.message ?? "collab_write_failed");
  return { ids: body.ids ?? [] };
}
