/**
 * Bounded, well-formed documents: every update a writable connection sends is checked before
 * authorship (check-authorship.ts), the durable log and Hocuspocus see it —
 * - against the schema of its document kind (document-rules.ts): unknown roots and wrong shapes
 *   are refused (close 4422 "update-refused", as authorship refusals);
 * - against the note size limit (close 4413 "note-too-large");
 * - against the document size limit (close 4413 "document-too-large"): the document's encoded
 *   size is measured once and then tracked by adding each accepted update; only when that
 *   estimate would pass the limit is the document measured again (deletions shrink it).
 * A sync message or update that cannot even be decoded is logged as one line with user and
 * document and refused (close 4400), without a stack trace.
 */
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import type { Extension, beforeHandleMessagePayload } from "@hocuspocus/server";
import { logger } from "../../../infra/log";
import type { CollabContext } from "../context";
import { updateOf } from "./append-updates";
import { UPDATE_REFUSED_CLOSE } from "./check-authorship";
import { checkDocumentRules, type ShapeVerdict } from "./document-rules";

const log = logger("collab.bounds");

export const TOO_LARGE_CLOSE = { code: 4413 } as const;
export const MALFORMED_CLOSE = { code: 4400, reason: "message-malformed" } as const;

/** Whether a sync message decodes to its end (other message types are Hocuspocus' to judge). */
function wellFormed(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== 0 && type !== 4) return true; // not a sync message
    const step = decoding.readVarUint(decoder);
    if (step > 2) return false;
    decoding.readVarUint8Array(decoder);
    return true;
  } catch {
    return false;
  }
}

export interface DocumentLimits {
  maxDocumentBytes: number;
  maxNoteBytes: number;
}

/** Limits from COLLAB_MAX_DOCUMENT_BYTES (default 16 MB) and COLLAB_MAX_NOTE_BYTES (default 100 kB). */
export function documentLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): DocumentLimits {
  const num = (v: string | undefined, d: number) => (v && Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : d);
  return { maxDocumentBytes: num(env.COLLAB_MAX_DOCUMENT_BYTES, 16 * 1024 * 1024), maxNoteBytes: num(env.COLLAB_MAX_NOTE_BYTES, 100_000) };
}

/** Runs before checkAuthorship (500): a refused update reaches neither authorship nor the log. */
export const BOUND_DOCUMENTS_PRIORITY = 600;

export function boundDocuments(limits: DocumentLimits): Extension {
  const sizes = new WeakMap<Y.Doc, number>();
  return {
    extensionName: "boundDocuments",
    priority: BOUND_DOCUMENTS_PRIORITY,
    async beforeHandleMessage({ connection, context, document, documentName, update: message }: beforeHandleMessagePayload<CollabContext>) {
      const ctx = context as Partial<CollabContext> | undefined;
      const refuse = (close: { code: number; reason: string }, details: Record<string, unknown>) => {
        log.warn({ documentName, userId: ctx?.userId, bytes: message.length, reason: close.reason, ...details }, "update refused");
        connection.webSocket.close(close.code, close.reason);
        // A plain object (not an Error): nothing prints a stack trace for an expected refusal.
        throw { ...close };
      };
      if (!wellFormed(message)) return refuse({ ...MALFORMED_CLOSE }, { rule: "frame-malformed" });
      if (connection.readOnly) return;
      const update = updateOf(message);
      if (!update || !ctx?.ref) return;
      let verdict: ShapeVerdict;
      try {
        verdict = checkDocumentRules(document, update, ctx.ref.kind, limits);
      } catch (e) {
        return refuse({ ...UPDATE_REFUSED_CLOSE }, { rule: "update-malformed", error: e instanceof Error ? e.message.slice(0, 200) : "undecodable" });
      }
      if (!verdict.ok) {
        const close = verdict.reason === "note-too-large" ? { ...TOO_LARGE_CLOSE, reason: "note-too-large" } : { ...UPDATE_REFUSED_CLOSE };
        return refuse(close, { rule: verdict.reason, root: verdict.root, key: verdict.key, limit: verdict.reason === "note-too-large" ? limits.maxNoteBytes : undefined });
      }
      let size = sizes.get(document) ?? Y.encodeStateAsUpdate(document).length;
      if (size + update.length > limits.maxDocumentBytes) size = Y.encodeStateAsUpdate(document).length;
      if (size + update.length > limits.maxDocumentBytes) {
        sizes.set(document, size);
        return refuse({ ...TOO_LARGE_CLOSE, reason: "document-too-large" }, { size, limit: limits.maxDocumentBytes });
      }
      sizes.set(document, size + update.length);
    },
  };
}
