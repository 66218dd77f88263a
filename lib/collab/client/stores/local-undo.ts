/**
 * Undo and redo across a pane's two Y.Docs (annotations and discussion), in the order the
 * local user made the changes. Each Y.UndoManager tracks only this client's origin, so undo
 * never reverts another person's work.
 */
import type * as Y from "yjs";
import { createUndoManager } from "@/lib/collab/model";
import type { DocumentSession } from "../session/workspace-session";

export class LocalUndo {
  private readonly undoOrder: Y.UndoManager[] = [];
  private readonly redoOrder: Y.UndoManager[] = [];
  private readonly offs: (() => void)[] = [];
  private readonly listeners = new Set<() => void>();
  version = 0;

  constructor(private readonly managers: Y.UndoManager[]) {
    for (const m of managers) {
      const added = ({ type }: { type: "undo" | "redo" }) => {
        (type === "undo" ? this.undoOrder : this.redoOrder).push(m);
        this.changed();
      };
      const popped = () => this.changed();
      m.on("stack-item-added", added);
      m.on("stack-item-popped", popped);
      this.offs.push(() => {
        m.off("stack-item-added", added);
        m.off("stack-item-popped", popped);
      });
    }
  }

  canUndo(): boolean {
    return this.managers.some((m) => m.undoStack.length > 0);
  }

  canRedo(): boolean {
    return this.managers.some((m) => m.redoStack.length > 0);
  }

  undo(): boolean {
    return this.step(this.undoOrder, (m) => m.undoStack.length > 0, (m) => m.undo());
  }

  redo(): boolean {
    return this.step(this.redoOrder, (m) => m.redoStack.length > 0, (m) => m.redo());
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;

  destroy(): void {
    for (const off of this.offs) off();
    for (const m of this.managers) m.destroy();
  }

  private step(order: Y.UndoManager[], has: (m: Y.UndoManager) => boolean, run: (m: Y.UndoManager) => unknown): boolean {
    while (order.length) {
      const m = order.pop()!;
      if (has(m)) {
        run(m);
        return true;
      }
    }
    const any = this.managers.find(has);
    if (any) run(any);
    return !!any;
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}

/** Undo of the local user's changes to one document: its annotations and its discussion. */
export function documentUndo(docs: DocumentSession): LocalUndo {
  return new LocalUndo([createUndoManager(docs.annotations.doc, "annotations"), createUndoManager(docs.discussion.doc, "discussion")]);
}
