/**
 * Projects a discussion Y.Doc into Reply. Replies are checked against their schema only: the
 * annotation they answer lives in another Y.Doc, stored on its own schedule, so a missing
 * annotation is not an error here (readers join on it).
 */
import { replyEntrySchema, type ReplyEntry } from "../../../core/collab";
import type { Prisma } from "../../../generated/prisma/client";
import { chunks, diffRows, fingerprint } from "./diff-rows";
import { schemaFlag, type Flag } from "./flags";
import type { DocSnapshot } from "./snapshot";
import { indexReplies } from "../../../server/search/index-sources";
import { activityEnabled, type ProjectionActivity } from "./activity-options";
import { recordReplyActivity } from "./reply-activity";

export async function projectReplies(
  tx: Prisma.TransactionClient,
  name: string,
  ref: { workspaceId: string; documentId: string },
  snapshot: Extract<DocSnapshot, { kind: "discussion" }>,
  activity?: ProjectionActivity,
): Promise<{ stored: number; flags: Flag[] }> {
  const flags: Flag[] = [];
  const live: ReplyEntry[] = [];
  for (const [key, value] of snapshot.replies) {
    const parsed = replyEntrySchema.safeParse(value);
    if (!parsed.success) flags.push(schemaFlag("reply", key, parsed.error));
    else if (parsed.data.id !== key) flags.push({ entryKind: "reply", entryId: key, reason: "id_mismatch" });
    else if (!parsed.data.deleted) live.push(parsed.data);
  }
  const taken = new Set(
    (
      await tx.reply.findMany({ where: { workspaceId: ref.workspaceId, id: { in: live.map((r) => r.id) }, NOT: { collabName: name } }, select: { id: true } })
    ).map((r) => r.id),
  );
  const rows: Prisma.ReplyCreateManyInput[] = [];
  for (const r of live) {
    if (taken.has(r.id)) {
      flags.push({ entryKind: "reply", entryId: r.id, reason: "duplicate_id" });
      continue;
    }
    rows.push({
      workspaceId: ref.workspaceId,
      id: r.id,
      collabName: name,
      documentId: ref.documentId,
      annotationId: r.annotationId,
      parentId: r.parentId ?? null,
      authorId: r.author.id,
      authorName: r.author.name,
      body: r.body,
      createdAt: new Date(r.createdAt),
      editedAt: r.editedAt ? new Date(r.editedAt) : null,
    });
  }
  // Only what changed since the last store is written (diff-rows.ts).
  const print = (r: Omit<Prisma.ReplyCreateManyInput, "workspaceId" | "collabName">) =>
    fingerprint([r.documentId, r.annotationId, r.parentId, r.authorId, r.authorName, r.body, r.createdAt, r.editedAt]);
  const stored = await tx.reply.findMany({ where: { collabName: name } });
  const diff = diffRows(new Map(stored.map((r) => [r.id, print(r)])), rows, (r) => r.id, print);
  for (const ids of chunks(diff.remove)) await tx.reply.deleteMany({ where: { collabName: name, id: { in: ids } } });
  if (diff.create.length) await tx.reply.createMany({ data: diff.create });
  await indexReplies(tx, diff.create);
  if (activity && activityEnabled()) {
    // Only replies new to the projection; an edited reply is not a new one.
    const before = new Set(stored.map((r) => r.id));
    const fresh = diff.create.filter((r) => !before.has(r.id));
    await recordReplyActivity(tx, ref, fresh.map((r) => ({ id: r.id, annotationId: r.annotationId, parentId: r.parentId ?? null, authorId: r.authorId, body: r.body })), activity);
  }
  return { stored: rows.length, flags };
}
