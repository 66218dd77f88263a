/**
 * Loads a Y.Doc from CollabDocument (+ the CollabUpdate log) and stores it back with its
 * projection in one transaction (persistence/store-state.ts). A failed store keeps the
 * document in memory (Hocuspocus 4) and is retried with backoff, at most five times per change.
 */
import type { Extension, Hocuspocus, Document, onChangePayload, onLoadDocumentPayload, onStoreDocumentPayload, afterLoadDocumentPayload, afterUnloadDocumentPayload } from "@hocuspocus/server";
import * as Y from "yjs";
import { parseDocName } from "../../../core/collab";
import { logger } from "../../../infra/log";
import { loadStoredState } from "../persistence/load-state";
import { storeState } from "../persistence/store-state";
import type { AppliedUpdates } from "../persistence/update-log";
import { snapshotEntries } from "../projection/snapshot";

const log = logger("collab.persistence");
const MAX_RETRIES = 5;
/** A stored state merged in during a store is already persisted: no store of its own. */
const MERGE_ORIGIN = { source: "local", skipStoreHooks: true } as const;

export function persistDocument(opts: { applied: AppliedUpdates }): Extension {
  const recovered = new Set<string>();
  const retries = new Map<string, number>();
  /** Hash of the stored state each loaded document contains (scale-out: see store-state.ts). */
  const knownHash = new Map<string, string>();
  /** Users whose updates each document received since its last store (activity attribution). */
  const editors = new Map<string, string[]>();

  const scheduleRetry = (instance: Hocuspocus, document: Document, payload: onStoreDocumentPayload) => {
    const attempt = (retries.get(document.name) ?? 0) + 1;
    if (attempt > MAX_RETRIES) {
      log.error({ documentName: document.name }, "store failed repeatedly; the document stays in memory until the next change");
      retries.delete(document.name);
      return;
    }
    retries.set(document.name, attempt);
    setTimeout(() => void instance.storeDocumentHooks(document, payload), 250 * 2 ** attempt).unref();
  };

  return {
    extensionName: "persistDocument",
    async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
      if (!parseDocName(documentName)) throw new Error(`refusing to load ${documentName}`);
      const { ids, stateHash } = await loadStoredState(documentName, document);
      knownHash.set(documentName, stateHash);
      opts.applied.add(documentName, ...ids);
      if (ids.length) recovered.add(documentName);
    },
    async afterLoadDocument({ documentName, document, instance, context }: afterLoadDocumentPayload) {
      // Updates recovered from the log after a crash are not in the stored state nor in the
      // projection yet: store now rather than at the next edit.
      if (!recovered.delete(documentName)) return;
      log.info({ documentName }, "recovered logged updates; storing");
      void instance.storeDocumentHooks(document, {
        instance,
        document,
        documentName,
        clientsCount: document.getConnectionsCount(),
        lastContext: context,
        lastTransactionOrigin: { source: "local" },
      }, true);
    },
    async onChange({ documentName, context }: onChangePayload) {
      const userId = (context as { userId?: string } | undefined)?.userId;
      if (!userId) return;
      const list = editors.get(documentName) ?? [];
      // Most recent last: the last editor is who a change is attributed to when in doubt.
      editors.set(documentName, [...list.filter((u) => u !== userId), userId]);
    },
    async onStoreDocument(payload: onStoreDocumentPayload) {
      const { documentName, document, instance } = payload;
      const ref = parseDocName(documentName);
      if (!ref) return;
      // Encode, snapshot and take the compactable log ids in one synchronous step.
      const compact = opts.applied.take(documentName);
      const storeEditors = editors.get(documentName) ?? [];
      editors.delete(documentName);
      const state = Y.encodeStateAsUpdate(document);
      const snapshot = snapshotEntries(ref, document);
      const started = performance.now();
      try {
        const result = await storeState({
          name: documentName,
          ref,
          snapshot,
          state,
          compact,
          editors: storeEditors,
          knownHash: knownHash.get(documentName),
          reconcile: (stored) => {
            Y.applyUpdate(document, stored, MERGE_ORIGIN);
            return { state: Y.encodeStateAsUpdate(document), snapshot: snapshotEntries(ref, document) };
          },
        });
        knownHash.set(documentName, result.hash);
        retries.delete(documentName);
        log.debug({ documentName, ms: Math.round(performance.now() - started), compacted: compact.length, ...result }, "stored");
      } catch (err) {
        opts.applied.restore(documentName, compact);
        editors.set(documentName, [...new Set([...storeEditors, ...(editors.get(documentName) ?? [])])]);
        log.error({ err, documentName }, "store failed; will retry");
        scheduleRetry(instance, document, payload);
      }
    },
    async afterUnloadDocument({ documentName, instance }: afterUnloadDocumentPayload) {
      if (!instance.documents.has(documentName)) {
        knownHash.delete(documentName);
        editors.delete(documentName);
      }
    },
  };
}
