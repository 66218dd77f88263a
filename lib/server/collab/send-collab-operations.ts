import type { DirectBatch, DirectRequest } from "../../core/collab";
import { AppError, type ErrorCode } from "../../core/errors";
import { mintInternalToken } from "../../collab/auth/token";
import { internalCollabUrl } from "./collab-url";

/**
 * Writes from the web process (imports, API) go through the collab server's direct connection,
 * never into CollabDocument behind a live document's back. Returns the ids written; the collab
 * server's refusal comes back as the same AppError code.
 */
export async function sendCollabOperations(request: DirectRequest): Promise<{ ids: string[] }> {
  const body = await post("/internal/operations", request);
  return { ids: (body.ids as string[] | undefined) ?? [] };
}

/** A batch over several documents of one workspace, all or nothing; the ids written per step. */
export async function sendCollabBatch(batch: DirectBatch): Promise<{ ids: string[][] }> {
  const body = await post("/internal/batch", batch);
  return { ids: (body.ids as string[][] | undefined) ?? [] };
}

async function post(path: string, request: unknown): Promise<{ ids?: unknown }> {
  const res = await fetch(`${internalCollabUrl()}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${await mintInternalToken()}` },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(15_000),
  }).catch((e: unknown) => {
    throw new AppError("internal", "collab_unreachable", { cause: e });
  });
  const body = (await res.json().catch(() => ({}))) as { ids?: unknown; error?: ErrorCode; message?: string };
  if (!res.ok) throw new AppError(body.error ?? "internal", body.message ?? "collab_write_failed");
  return body;
}
