/**
 * Threaded replies, in the discussion Y.Doc of a source document. They live apart from the
 * annotations so that a commenter's connection can write replies while staying read-only on
 * the annotations (Hocuspocus authorises per document name, not per map).
 */
import type * as Y from "yjs";
import { AppError } from "../../core/errors";
import { replyBodySchema, replyEntrySchema, type CollabActor, type ReplyEntry } from "../../core/collab";
import { newEntryId, repliesMap, transactLocal } from "./structure";
import { parseEntry } from "./validate";

export interface AddReplyInput {
  id?: string;
  annotationId: string;
  parentId?: string;
  body: string;
}

/** Adds a reply to an annotation (or to another reply, with `parentId`). */
export function addReply(doc: Y.Doc, input: AddReplyInput, actor: CollabActor, now: Date): ReplyEntry {
  const entry = parseEntry(replyEntrySchema, {
    id: input.id ?? newEntryId(),
    annotationId: input.annotationId,
    ...(input.parentId ? { parentId: input.parentId } : {}),
    author: { id: actor.id, name: actor.name },
    body: parseEntry(replyBodySchema, input.body),
    createdAt: now.toISOString(),
  });
  return transactLocal(doc, () => {
    if (repliesMap(doc).has(entry.id)) throw new AppError("conflict", "reply_exists");
    if (entry.parentId && !getReply(doc, entry.parentId)) throw new AppError("not_found", "reply_not_found");
    repliesMap(doc).set(entry.id, entry);
    return entry;
  });
}

/** Edits the body of one's own reply. */
export function editReply(doc: Y.Doc, id: string, body: string, actor: CollabActor, now: Date): ReplyEntry {
  return transactLocal(doc, () => {
    const current = requireOwnReply(doc, id, actor);
    const next = parseEntry(replyEntrySchema, { ...current, body: parseEntry(replyBodySchema, body), editedAt: now.toISOString() });
    repliesMap(doc).set(id, next);
    return next;
  });
}

/** Deletes one's own reply softly (the thread keeps its shape; the body is cleared). */
export function deleteReply(doc: Y.Doc, id: string, actor: CollabActor, now: Date): void {
  transactLocal(doc, () => {
    const current = requireOwnReply(doc, id, actor);
    repliesMap(doc).set(id, { ...current, body: "-", deleted: true, editedAt: now.toISOString() });
  });
}

export function getReply(doc: Y.Doc, id: string): ReplyEntry | undefined {
  const parsed = replyEntrySchema.safeParse(repliesMap(doc).get(id));
  return parsed.success ? parsed.data : undefined;
}

/** Valid, live replies (of one annotation when given), oldest first. */
export function listReplies(doc: Y.Doc, annotationId?: string): ReplyEntry[] {
  const out: ReplyEntry[] = [];
  for (const value of repliesMap(doc).values()) {
    const parsed = replyEntrySchema.safeParse(value);
    if (!parsed.success || parsed.data.deleted) continue;
    if (annotationId && parsed.data.annotationId !== annotationId) continue;
    out.push(parsed.data);
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function observeReplies(doc: Y.Doc, listener: () => void): () => void {
  const map = repliesMap(doc);
  const fn = () => listener();
  map.observe(fn);
  return () => map.unobserve(fn);
}

function requireOwnReply(doc: Y.Doc, id: string, actor: CollabActor): ReplyEntry {
  const current = getReply(doc, id);
  if (!current || current.deleted) throw new AppError("not_found", "reply_not_found");
  if (current.author.id !== actor.id) throw new AppError("forbidden", "not_reply_author");
  return current;
}
