/**
 * Links between annotations (or map nodes) in the workspace Y.Doc, with the relation types of
 * issue #7 (entries of the first model's kinds are read through LEGACY_RELATIONS). Every
 * write checks the link first: no self-links, no duplicates (same ends and relation), both
 * ends present in this workspace — which is also what refuses a link to another workspace's annotation, since the catalog only
 * knows this one's.
 */
import type * as Y from "yjs";
import { AppError } from "../../core/errors";
import {
  argumentLinkSchema,
  assertLinkAllowed,
  normaliseNote,
  type ArgumentLink,
  type EndpointCatalog,
  type LinkEndpoint,
  type Relation,
} from "../../core/argument";
import type { CollabActor } from "../../core/collab";
import { linksMap, newEntryId, transactLocal } from "./structure";
import { parseEntry } from "./validate";

export interface CreateLinkInput {
  id?: string;
  from: LinkEndpoint;
  to: LinkEndpoint;
  relation: Relation;
  note?: string;
}

/** Creates a typed, directed link; throws `invalid_input` (link_to_itself, link_duplicate, link_endpoint_missing). */
export function createLink(doc: Y.Doc, input: CreateLinkInput, catalog: EndpointCatalog, actor: CollabActor, now: Date): ArgumentLink {
  const note = normaliseNote(input.note);
  const entry = parseEntry(argumentLinkSchema, {
    id: input.id ?? newEntryId(),
    from: input.from,
    to: input.to,
    kind: input.relation,
    ...(note ? { note } : {}),
    author: { id: actor.id, name: actor.name },
    createdAt: now.toISOString(),
  });
  return transactLocal(doc, () => {
    assertLinkAllowed(entry, listArgumentLinks(doc), catalog);
    if (linksMap(doc).has(entry.id)) throw new AppError("invalid_input", "link_duplicate");
    linksMap(doc).set(entry.id, entry);
    return entry;
  });
}

/** Changes a link's relation or note (same rules: changing the relation must not duplicate). */
export function updateLink(doc: Y.Doc, id: string, patch: { relation?: Relation; note?: string | null }, catalog: EndpointCatalog, now: Date): ArgumentLink {
  return transactLocal(doc, () => {
    const current = readLink(doc, id);
    if (!current || current.deleted) throw new AppError("not_found", "link_not_found");
    const note = patch.note === null ? undefined : patch.note !== undefined ? normaliseNote(patch.note) : current.note;
    const { note: _old, ...rest } = current;
    const next = parseEntry(argumentLinkSchema, { ...rest, kind: patch.relation ?? current.kind, ...(note ? { note } : {}), updatedAt: now.toISOString() });
    assertLinkAllowed(next, listArgumentLinks(doc).filter((l) => l.id !== id), catalog);
    linksMap(doc).set(id, next);
    return next;
  });
}

/** Deletes a link softly (undo restores it). */
export function removeLink(doc: Y.Doc, id: string): void {
  transactLocal(doc, () => {
    const current = readLink(doc, id);
    if (!current || current.deleted) throw new AppError("not_found", "link_not_found");
    linksMap(doc).set(id, { ...current, deleted: true });
  });
}

/**
 * Deletes (softly) every live link touching `endpointId`, in one transaction. Call it with the
 * annotation's own deletion so the map and the cards never show a link to nothing; the
 * projection removes such links anyway when another client forgets to.
 */
export function removeLinksOf(doc: Y.Doc, endpointId: string): number {
  return transactLocal(doc, () => {
    let n = 0;
    for (const l of listArgumentLinks(doc)) {
      if (l.from.id !== endpointId && l.to.id !== endpointId) continue;
      linksMap(doc).set(l.id, { ...l, deleted: true });
      n++;
    }
    return n;
  });
}

/** Live links (legacy kinds mapped), invalid entries skipped. */
export function listArgumentLinks(doc: Y.Doc): ArgumentLink[] {
  const out: ArgumentLink[] = [];
  for (const value of linksMap(doc).values()) {
    const parsed = argumentLinkSchema.safeParse(value);
    if (parsed.success && !parsed.data.deleted) out.push(parsed.data);
  }
  return out;
}

/** Live links with `annotationId` at either end: what an annotation card lists. */
export function linksOfAnnotation(doc: Y.Doc, annotationId: string): ArgumentLink[] {
  return listArgumentLinks(doc).filter((l) => (l.from.kind === "annotation" && l.from.id === annotationId) || (l.to.kind === "annotation" && l.to.id === annotationId));
}

/** Calls `listener` after any change of the links. */
export function observeLinks(doc: Y.Doc, listener: () => void): () => void {
  const fn = () => listener();
  linksMap(doc).observe(fn);
  return () => linksMap(doc).unobserve(fn);
}

function readLink(doc: Y.Doc, id: string): ArgumentLink | undefined {
  const parsed = argumentLinkSchema.safeParse(linksMap(doc).get(id));
  return parsed.success ? parsed.data : undefined;
}
