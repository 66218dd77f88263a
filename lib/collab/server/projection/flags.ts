import type { z } from "zod";

/** One refused entry: what it was, which id it had, and why it is not in the projection. */
export interface Flag {
  entryKind: "annotation" | "note" | "reply" | "theme" | "link";
  entryId: string;
  reason: string;
  detail?: Record<string, unknown>;
}

/** The flag for an entry that fails its schema: the first issues, never the raw value. */
export function schemaFlag(entryKind: Flag["entryKind"], entryId: string, error: z.ZodError): Flag {
  return {
    entryKind,
    entryId: entryId.slice(0, 200),
    reason: "schema",
    detail: { issues: error.issues.slice(0, 5).map((i) => ({ path: i.path.join("."), message: i.message })) },
  };
}
