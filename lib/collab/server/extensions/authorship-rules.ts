/**
 * Who may write which entry of a collaborative document, per entry: the rule the collab server
 * enforces on every incoming update (check-authorship.ts). Hocuspocus authorises per document
 * name (authenticate.ts makes a connection read-only or not); these rules refine that inside a
 * writable document, for the maps whose entries carry an `author`. Derived from can() — no other
 * permission source:
 *
 *   map (document kind)        create (author = oneself)   change someone else's entry
 *   annotations (annotations)  annotation.create           annotation.edit (author kept)
 *   replies (discussion)       annotation.reply            nobody (replies are edited by their author only)
 *   links, nodes (meta)        link.manage                 link.manage (author kept)
 *
 * - A new entry must name the writer as author (`author.id`; the name is not checked). One that
 *   names no author at all is let through: it is invalid for the entry schemas, so no view
 *   shows it and the projection flags it — it claims nobody's authorship.
 * - Entries are plain JSON: a Y type as a value (or changes inside one) is refused.
 * - An existing entry's author never changes: the same `author.id`, and for someone else's entry
 *   the same `author.name` too.
 * - Removing a key (a hard delete; the library deletes softly, only undoing one's own creation
 *   removes a key) is allowed for one's own entries only.
 * - An entry without a valid author counts as someone else's: replacing it requires the
 *   "change someone else's" permission, and the new value names the writer (or nobody).
 *
 * Other maps (notes, themes, positions) carry no author: whoever may write the document may
 * write them, as before.
 */
import type { CollabDocKind } from "../../../core/collab";
import { can, type Action } from "../../../core/permissions";
import type { Role } from "../../../core/roles";

export interface EntryPolicy {
  /** Needed to add an entry (with oneself as author), to change or remove one's own. */
  create: Action;
  /** Needed to change someone else's entry (its author stays); null: nobody may. */
  editOthers: Action | null;
}

export type AuthoredMaps = Readonly<Record<string, EntryPolicy>>;

/** The maps whose entries carry an author, per document kind (names from lib/collab/model/structure.ts). */
export const AUTHORED_MAPS: Readonly<Record<CollabDocKind, AuthoredMaps>> = {
  annotations: { annotations: { create: "annotation.create", editOthers: "annotation.edit" } },
  discussion: { replies: { create: "annotation.reply", editOthers: null } },
  meta: {
    links: { create: "link.manage", editOthers: "link.manage" },
    nodes: { create: "link.manage", editOthers: "link.manage" },
  },
};

export interface Writer {
  userId: string;
  role: Role;
}

export interface EntryAuthor {
  id: string;
  name: string;
}

/** Why an entry change is refused (logged, and tested). */
export type RefusalReason =
  | "author-forged" //           a new entry names someone else
  | "author-missing" //          the new value has no valid author
  | "author-changed" //          an existing entry's author was rewritten
  | "not-author" //              someone else's entry changed without the permission to
  | "entry-removed" //           someone else's entry removed (hard delete)
  | "entry-not-json" //          a Y type (or other non-JSON value) as an entry
  | "role-forbidden"; //         the role may not write this map at all

/** True for plain JSON values (what the library writes); false for Y types and other objects. */
function isJson(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  if (Array.isArray(value)) return value.every(isJson);
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && Object.values(value).every(isJson);
}

/** The `author` of a plain JSON entry, or null when it has no valid one. */
export function authorOf(value: unknown): EntryAuthor | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const author = (value as { author?: unknown }).author;
  if (typeof author !== "object" || author === null) return null;
  const { id, name } = author as { id?: unknown; name?: unknown };
  return typeof id === "string" && typeof name === "string" ? { id, name } : null;
}

/** The author id an entry claims (even if the rest of its author is malformed), or null. */
function claimedAuthorId(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const author = (value as { author?: unknown }).author;
  if (typeof author !== "object" || author === null) return null;
  const id = (author as { id?: unknown }).id;
  return typeof id === "string" ? id : null;
}

/**
 * Whether `writer` may turn the entry `before` into `after` (undefined = the key is absent).
 * Returns null when allowed, else the reason.
 */
export function checkEntryChange(policy: EntryPolicy, writer: Writer, before: unknown, after: unknown): RefusalReason | null {
  if (before === undefined && after === undefined) return null;
  if (!can(writer.role, policy.create)) return "role-forbidden";
  if (after !== undefined && !isJson(after)) return "entry-not-json";
  const was = before === undefined ? undefined : authorOf(before);
  const own = was !== undefined && was !== null && was.id === writer.userId;
  if (after === undefined) return own ? null : "entry-removed";
  const claimed = claimedAuthorId(after);
  if (was === undefined) {
    // A new entry. One that names no author claims nobody's authorship: the schemas refuse it,
    // so no view shows it and the projection flags it (reason "schema").
    return claimed === null || claimed === writer.userId ? null : "author-forged";
  }
  const now = authorOf(after);
  if (own) return !now ? "author-missing" : now.id === was.id ? null : "author-changed";
  // Someone else's entry, or one without a valid author.
  if (!policy.editOthers || !can(writer.role, policy.editOthers)) return "not-author";
  if (was === null) return claimed === null || claimed === writer.userId ? null : "author-forged";
  return !now ? "author-missing" : now.id === was.id && now.name === was.name ? null : "author-changed";
}
