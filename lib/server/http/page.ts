import { notFound, redirect } from "next/navigation";
import { isAppError } from "../../core/errors";
import { currentActor } from "../auth/session";
import type { Operation, Permission } from "../ops/define";
import type { z } from "zod";

/**
 * Runs an operation for a server page: unauthenticated → sign-in page, not found or
 * forbidden to read → 404 (a non-member must not learn that a workspace exists).
 */
export async function loadForPage<S extends z.ZodType, O, P extends Permission>(
  op: Operation<S, O, P>,
  input: z.input<S>,
  returnTo: string,
): Promise<O> {
  const actor = await currentActor();
  if (!actor && op.permission.kind !== "public") redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  try {
    return await op.execute(actor, input);
  } catch (e) {
    if (isAppError(e) && (e.code === "not_found" || e.code === "forbidden" || e.code === "invalid_input")) notFound();
    throw e;
  }
}

/** The signed-in actor or a redirect to the sign-in page. */
export async function requireActor(returnTo: string) {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
