/**
 * Direct writes: apply operations from a non-browser writer to the live document through
 * Hocuspocus' direct connection, so they reach connected clients at once and are stored
 * immediately (DirectConnection.disconnect stores without debounce). The actor's role is
 * checked again here with the one permission function, even though the caller authorised.
 */
import type { Hocuspocus } from "@hocuspocus/server";
import type { ZodType } from "zod";
import { AppError } from "../../../core/errors";
import { can } from "../../../core/permissions";
import { DIRECT_OPERATION_RULES, directBatchSchema, directRequestSchema, parseDocName, type CollabDocRef, type DirectOperation } from "../../../core/collab";
import { roleOf } from "../../../infra/role-of";
import type { CollabContext } from "../context";
import { applyAllOrNothing, applyTried, tryOperations } from "./apply-operations";
import { documentIsLive } from "../extensions/authenticate";

function parse<T>(schema: ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError("invalid_input", issue?.message ?? "invalid_input", { details: { field: issue?.path.join(".") ?? "" } });
}

/** The document a step names, after checking that the actor may run each operation there and that it is live. */
async function authorise(documentName: string, actorId: string, operations: DirectOperation[]): Promise<CollabDocRef> {
  const ref = parseDocName(documentName);
  if (!ref) throw new AppError("invalid_input", "invalid_document_name");
  const role = await roleOf(actorId, ref.workspaceId);
  for (const op of operations) {
    const rule = DIRECT_OPERATION_RULES[op.op];
    if (rule.kind !== ref.kind) throw new AppError("invalid_input", "operation_does_not_fit_document", { details: { op: op.op } });
    if (!can(role, rule.action)) throw new AppError(role ? "forbidden" : "not_found", role ? "role_forbidden" : "workspace_not_found");
  }
  if (!(await documentIsLive(ref))) throw new AppError("not_found", "document_not_found");
  return ref;
}

export async function runDirectRequest(instance: Hocuspocus, raw: unknown, now = new Date()): Promise<{ ids: string[] }> {
  const { documentName, actor, operations } = parse(directRequestSchema, raw);
  await authorise(documentName, actor.id, operations);
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

/**
 * A batch over several documents of one workspace (directBatchSchema): all steps are tried on
 * copies first, then applied in order. Only a crash between two applied steps could leave part
 * of a batch; the projection then flags what refers to a missing entry (a link), never stores it.
 */
export async function runDirectBatch(instance: Hocuspocus, raw: unknown, now = new Date()): Promise<{ ids: string[][] }> {
  const { actor, steps } = parse(directBatchSchema, raw);
  const refs = [];
  for (const step of steps) refs.push(await authorise(step.documentName, actor.id, step.operations));
  if (new Set(refs.map((r) => r.workspaceId)).size !== 1 || new Set(steps.map((s) => s.documentName)).size !== steps.length) {
    throw new AppError("invalid_input", "batch_invalid");
  }
  const context: Partial<CollabContext> = { userId: actor.id, userName: actor.name, direct: true };
  const connections: Awaited<ReturnType<Hocuspocus["openDirectConnection"]>>[] = [];
  try {
    for (const step of steps) connections.push(await instance.openDirectConnection(step.documentName, context));
    const tried = steps.map((step, i) => tryOperations(connections[i]!.document!, step.operations, actor, now));
    const ids: string[][] = [];
    for (const [i, connection] of connections.entries()) {
      await connection.transact((doc) => {
        ids.push(applyTried(doc, tried[i]!, actor, now));
      });
    }
    return { ids };
  } finally {
    for (const connection of connections) await connection.disconnect();
  }
}
