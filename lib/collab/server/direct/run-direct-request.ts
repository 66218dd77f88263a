/**
 * Direct writes: apply operations from a non-browser writer to the live document through
 * Hocuspocus' direct connection, so they reach connected clients at once and are stored
 * immediately (DirectConnection.disconnect stores without debounce). The actor's role is
 * checked again here with the one permission function, even though the caller authorised.
 */
import type { Hocuspocus } from "@hocuspocus/server";
import { AppError } from "../../../core/errors";
import { can } from "../../../core/permissions";
import { DIRECT_OPERATION_RULES, directRequestSchema, parseDocName } from "../../../core/collab";
import { roleOf } from "../../../server/ops/define";
import type { CollabContext } from "../context";
import { applyAllOrNothing } from "./apply-operations";
import { documentIsLive } from "../extensions/authenticate";

export async function runDirectRequest(instance: Hocuspocus, raw: unknown, now = new Date()): Promise<{ ids: string[] }> {
  const parsed = directRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("invalid_input", issue?.message ?? "invalid_input", { details: { field: issue?.path.join(".") ?? "" } });
  }
  const { documentName, actor, operations } = parsed.data;
  const ref = parseDocName(documentName);
  if (!ref) throw new AppError("invalid_input", "invalid_document_name");
  const role = await roleOf(actor.id, ref.workspaceId);
  for (const op of operations) {
    const rule = DIRECT_OPERATION_RULES[op.op];
    if (rule.kind !== ref.kind) throw new AppError("invalid_input", "operation_does_not_fit_document", { details: { op: op.op } });
    if (!can(role, rule.action)) throw new AppError(role ? "forbidden" : "not_found", role ? "role_forbidden" : "workspace_not_found");
  }
  if (!(await documentIsLive(ref))) throw new AppError("not_found", "document_not_found");
  const context: Partial<CollabContext> = { userId: actor.id, userName: actor.name, direct: true };
  const connection = await instance.openDirectConnection(documentName, context);
  let ids: string[] = [];
  try {
    await connection.transact((doc) => {
      ids = applyAllOrNothing(doc, operations, actor, now);
    });
  } finally {
    await connection.disconnect();
  }
  return { ids };
}
