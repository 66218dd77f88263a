/** What inspecting one incoming update decides, and helpers both inspection paths share. */
import type * as Y from "yjs";
import type { RefusalReason } from "./authorship-rules";

export type InspectionPath = "fast" | "copy";

export type Verdict =
  | { ok: true; path: InspectionPath }
  | { ok: false; path: InspectionPath; reason: RefusalReason | "nested-entry" | "update-incomplete" | "update-malformed"; map?: string; key?: string };

/** Any shared type (the event type parameter is irrelevant here). */
export type SharedType = Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>;

/** The value an item holds as a map entry (a map shows its last element). */
export function valueOf(item: Y.Item): unknown {
  const content = item.content.getContent();
  return content[content.length - 1];
}
