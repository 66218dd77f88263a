/**
 * Per-update authorship (docs/collab-model.md, "Authorship of entries"): every document update
 * a writable connection sends is inspected before Hocuspocus applies, logs (append-updates),
 * broadcasts or acknowledges it. A commenter may write the discussion document, but not another
 * person's reply; nobody may add an annotation, reply, link or map node in someone else's name,
 * or rewrite an entry's author. The rules are those of authorship-rules.ts (from can()); the
 * inspection is inspect-update.ts (a fast pass over the decoded update; a scratch copy only for
 * updates it cannot place).
 *
 * A refused update is not applied: the hook throws, which makes Hocuspocus drop the message
 * (and every later one queued on that connection) without applying or acknowledging it. The
 * WebSocket is closed with 4422 "update-refused" so the provider reconnects, authenticates again
 * and resyncs from the server's state — its own copy still holds the refused change, which it
 * will offer again and see refused again; no other client ever receives it.
 *
 * An update the server cannot apply yet ("update-incomplete": it builds on changes the server
 * has not received) is dropped instead, without closing: that is what a provider sends when the
 * user types in the moment between a reconnect and its resync (the edits made offline arrive
 * with its SyncStep2, which is computed from the server's state vector and therefore carries the
 * dropped update again, complete). Yjs would otherwise keep it "pending" and apply it later,
 * inside another message, where this check could not attribute it. The message is handled as
 * from a read-only connection (Hocuspocus skips it, append-updates does not log it), and the
 * provider gets the acknowledgement it counts on, so its unsynced-changes counter balances.
 */
import { OutgoingMessage, type Extension, type afterHandleMessagePayload, type beforeHandleMessagePayload } from "@hocuspocus/server";
import { logger } from "../../../infra/log";
import type { CollabContext } from "../context";
import { updateOf } from "./append-updates";
import { AUTHORED_MAPS } from "./authorship-rules";
import { CostBudget } from "./cost-budget";
import { inspectUpdate, type Verdict } from "./inspect-update";

const log = logger("collab.authorship");

/** Close code the client sees when one of its updates was refused. */
export const UPDATE_REFUSED_CLOSE = { code: 4422, reason: "update-refused" } as const;

/**
 * Copy-path time a connection may use: a second per ten seconds is hundreds of full inspections,
 * far more than reconnects need, and bounds what crafted updates can take from everyone else.
 */
export const COPY_BUDGET = { windowMs: 10_000, maxMs: 1_000 } as const;
export const COPY_BUDGET_CLOSE = { code: 4429, reason: "too-many-inspections" } as const;

/** Runs before appendUpdates (priority 100): a refused update must not reach the durable log. */
export const CHECK_AUTHORSHIP_PRIORITY = 500;

export function checkAuthorship(): Extension {
  /** Time each connection spent on the copy path in the current window. */
  const budgets = new WeakMap<object, CostBudget>();
  /** Connections whose current message is being dropped (made read-only for that message). */
  const dropping = new WeakSet<object>();
  return {
    extensionName: "checkAuthorship",
    priority: CHECK_AUTHORSHIP_PRIORITY,
    async beforeHandleMessage({ connection, context, document, documentName, update: message }: beforeHandleMessagePayload<CollabContext>) {
      if (connection.readOnly) return; // Hocuspocus refuses these updates anyway
      const update = updateOf(message);
      if (!update) return;
      const ctx = context as Partial<CollabContext> | undefined;
      const started = performance.now();
      const verdict: Verdict =
        ctx?.userId && ctx.role && ctx.ref
          ? inspectUpdate(document, update, AUTHORED_MAPS[ctx.ref.kind], { userId: ctx.userId, role: ctx.role })
          : { ok: false, path: "fast", reason: "role-forbidden" }; // no identity: fail closed
      if (verdict.ok) {
        if (verdict.path !== "copy") return;
        const ms = performance.now() - started;
        log.debug({ documentName, userId: ctx?.userId, bytes: update.length, ms: Math.round(ms * 100) / 100 }, "update inspected on a copy");
        let budget = budgets.get(connection);
        if (!budget) budgets.set(connection, (budget = new CostBudget(COPY_BUDGET)));
        if (budget.spend(ms, performance.now())) {
          log.warn({ documentName, userId: ctx?.userId, budget: COPY_BUDGET }, "connection closed: too many updates needing a full inspection");
          connection.webSocket.close(COPY_BUDGET_CLOSE.code, COPY_BUDGET_CLOSE.reason);
        }
        return;
      }
      if (verdict.reason === "update-incomplete") {
        log.debug({ documentName, userId: ctx?.userId, bytes: update.length }, "update dropped until the client's resync: it builds on changes the server has not received");
        connection.readOnly = true; // for this message only: restored in afterHandleMessage
        dropping.add(connection);
        return;
      }
      log.warn(
        { documentName, userId: ctx?.userId, role: ctx?.role, reason: verdict.reason, map: verdict.map, key: verdict.key, path: verdict.path, bytes: update.length },
        "update refused",
      );
      connection.webSocket.close(UPDATE_REFUSED_CLOSE.code, UPDATE_REFUSED_CLOSE.reason);
      throw { ...UPDATE_REFUSED_CLOSE };
    },
    async afterHandleMessage({ connection }: afterHandleMessagePayload<CollabContext>) {
      if (!dropping.has(connection)) return;
      dropping.delete(connection);
      connection.readOnly = false;
      // Hocuspocus answered "not saved" (read-only); the content comes back with the client's
      // SyncStep2, acknowledged on its own, so this message counts as done.
      connection.send(new OutgoingMessage(connection.messageAddress).writeSyncStatus(true).toUint8Array());
    },
  };
}
