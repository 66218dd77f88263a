/** Shared world of the inspect-update tests: a server document, clients and both inspection paths. */
import { expect } from "vitest";
import * as Y from "yjs";
import { buildAnchor } from "../../model";
import { AUTHORED_MAPS, type Writer } from "./authorship-rules";
import { inspectByCopy } from "./inspect-by-copy";
import { inspectUpdate, type Verdict } from "./inspect-update";

export const text = "日米同盟における拡大抑止の信頼性をどう高めるか。反撃能力の保有は抑止力を強化する。";
export const alice = { id: "alice", name: "Alice" };
export const bob = { id: "bob", name: "Bob" };
export const now = new Date("2026-01-01T00:00:00Z");
export const later = new Date("2026-01-01T00:05:00Z");
export const anchor = (start = 0) => buildAnchor(text, "v1", start, start + 4);
export const everything = { hasAnnotation: () => true, hasNode: () => true };

export const as = (user: { id: string }, role: Writer["role"]): Writer => ({ userId: user.id, role });

/** A server document and clients synced from it; `send` captures one client transaction's update. */
export class World {
  readonly server = new Y.Doc();

  client(): Y.Doc {
    const c = new Y.Doc();
    Y.applyUpdate(c, Y.encodeStateAsUpdate(this.server));
    return c;
  }

  /** Runs `fn` on `client` and returns the update it produced (not yet applied to the server). */
  capture(client: Y.Doc, fn: () => void): Uint8Array {
    const updates: Uint8Array[] = [];
    const on = (u: Uint8Array) => updates.push(u);
    client.on("update", on);
    try {
      fn();
    } finally {
      client.off("update", on);
    }
    return Y.mergeUpdates(updates);
  }

  /** Inspects `update` by both paths (they must agree), and applies it when accepted. */
  send(kind: keyof typeof AUTHORED_MAPS, writer: Writer, update: Uint8Array): Verdict {
    const maps = AUTHORED_MAPS[kind];
    const verdict = inspectUpdate(this.server, update, maps, writer);
    const copy = inspectByCopy(this.server, update, maps, writer);
    expect(copy.ok).toBe(verdict.ok);
    if (verdict.ok) Y.applyUpdate(this.server, update);
    return verdict;
  }

  /** Brings `client` up to the server's state. */
  sync(client: Y.Doc): void {
    Y.applyUpdate(client, Y.encodeStateAsUpdate(this.server, Y.encodeStateVector(client)));
  }
}

export const replies = (doc: Y.Doc) => doc.getMap<unknown>("replies");
export const annotations = (doc: Y.Doc) => doc.getMap<unknown>("annotations");
