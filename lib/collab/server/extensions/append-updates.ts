/**
 * Durability: every document update a writable connection sends is appended to CollabUpdate
 * before Hocuspocus applies it, broadcasts it and acknowledges it (beforeHandleMessage is
 * awaited in the connection's ordered message queue). A kill -9 between two stores therefore
 * loses nothing the server acknowledged: loading replays the log (persist-document.ts), and the
 * next store deletes the rows its state contains.
 */
import type { Extension, afterHandleMessagePayload, beforeHandleMessagePayload } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import type { AppendLog } from "../persistence/append-log";
import type { AppliedUpdates } from "../persistence/update-log";

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
/** An encoded empty update (no structs, no deletes) is two zero bytes. */
const EMPTY_UPDATE_LENGTH = 2;

/** The Yjs update carried by a raw Hocuspocus message, or null for anything else. */
export function updateOf(message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder); // document name
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
    const step = decoding.readVarUint(decoder);
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
    const update = decoding.readVarUint8Array(decoder);
    return update.length > EMPTY_UPDATE_LENGTH ? update : null;
  } catch {
    return null; // malformed: Hocuspocus itself rejects it and closes the connection
  }
}

export function appendUpdates(opts: { applied: AppliedUpdates; log: AppendLog }): Extension {
  const pending = new WeakMap<object, bigint>();
  return {
    extensionName: "appendUpdates",
    async beforeHandleMessage({ connection, documentName, update: message }: beforeHandleMessagePayload) {
      if (connection.readOnly) return; // Hocuspocus refuses these updates anyway
      const update = updateOf(message);
      if (!update) return;
      // If the insert fails the hook throws, Hocuspocus closes the connection without applying
      // or acknowledging the update, and the provider re-sends it after reconnecting.
      pending.set(connection, await opts.log.append(documentName, update));
    },
    async afterHandleMessage({ connection, documentName }: afterHandleMessagePayload) {
      const id = pending.get(connection);
      if (id === undefined) return;
      pending.delete(connection);
      opts.applied.add(documentName, id);
    },
    async onDestroy() {
      await opts.log.close();
    },
  };
}
