import * as Y from "yjs";
import type { CollabActor, DirectOperation } from "../../../core/collab";
import { normaliseRelation, type EndpointCatalog } from "../../../core/argument";
import { AppError } from "../../../core/errors";
import { addFreeNode, addReply, createLink, placeAnnotation, createAnnotation, deleteAnnotation, getAnnotation, mergeThemes, retagAnnotations, setPositions, setStatus, updateAnnotation, upsertTheme } from "../../model";

/** Applies one operation with the client library; returns the id it created or touched. */
export function applyOperation(doc: Y.Doc, op: DirectOperation, actor: CollabActor, now: Date): string {
  switch (op.op) {
    case "createAnnotation":
      return createAnnotation(doc, op.input, actor, now).id;
    case "updateAnnotation":
      return updateAnnotation(doc, op.id, op.patch, now).id;
    case "deleteAnnotation":
      deleteAnnotation(doc, op.id, now);
      return op.id;
    case "requireAnnotation": {
      const found = getAnnotation(doc, op.id);
      if (!found || found.deleted) throw new AppError("not_found", "annotation_not_found");
      return op.id;
    }
    case "setStatus":
      return setStatus(doc, op.id, op.status, now).id;
    case "addReply":
      return addReply(doc, op.input, actor, now).id;
    case "upsertTheme":
      return upsertTheme(doc, op.input, now).id;
    case "addLink": {
      const { id, from, to, kind, note, label } = op.input;
      const relation = normaliseRelation(kind);
      if (!relation) throw new AppError("invalid_input", "unknown_relation");
      const text = note ?? label;
      return createLink(doc, { ...(id ? { id } : {}), from, to, relation, ...(text !== undefined ? { note: text } : {}) }, DIRECT_CATALOG, actor, now).id;
    }
    case "addMapNode":
      return addFreeNode(doc, op.input, actor, now).id;
    case "setMapPositions":
      setPositions(doc, op.positions);
      // The id returned is the count of positions written, as text.
      return String(Object.keys(op.positions).length);
    case "placeAnnotation":
      return placeAnnotation(doc, op.annotationId, op.position, actor, now).id;
    case "mergeThemes":
      return mergeThemes(doc, op.sourceId, op.targetId, now).id;
    case "retagAnnotations":
      // The id returned is the count of retagged annotations, as text (ids are strings).
      return String(retagAnnotations(doc, op.fromThemeId, op.toThemeId, now));
  }
}

/**
 * Applies all operations or none: Yjs has no rollback, so they are first tried on a copy of the
 * document, and only when every one succeeds applied to `doc` itself (ids fixed by the dry run,
 * so both runs create the same entries).
 */
export function applyAllOrNothing(doc: Y.Doc, ops: DirectOperation[], actor: CollabActor, now: Date): string[] {
  return applyTried(doc, tryOperations(doc, ops, actor, now), actor, now);
}

/** Runs `ops` on a copy of `doc` (throwing as the real run would); returns them with fixed ids. */
export function tryOperations(doc: Y.Doc, ops: DirectOperation[], actor: CollabActor, now: Date): DirectOperation[] {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const fixed = ops.map((op) => withFixedId(op));
  try {
    for (const op of fixed) applyOperation(copy, op, actor, now);
  } finally {
    copy.destroy();
  }
  return fixed;
}

/** Applies operations that `tryOperations` accepted, in one transaction; returns their ids. */
export function applyTried(doc: Y.Doc, fixed: DirectOperation[], actor: CollabActor, now: Date): string[] {
  const ids: string[] = [];
  doc.transact(() => {
    for (const op of fixed) ids.push(applyOperation(doc, op, actor, now));
  });
  return ids;
}

function withFixedId(op: DirectOperation): DirectOperation {
  if ("input" in op && !op.input.id) return { ...op, input: { ...op.input, id: globalThis.crypto.randomUUID() } } as DirectOperation;
  return op;
}

/**
 * What a direct write can check of a link's ends: annotations live in the documents' own docs,
 * which this request does not hold, and a map node may have been placed by a client whose update
 * has not reached the server yet — so both are taken as present here. Self-links and duplicates
 * are refused (createLink's rules); a link whose end turns out missing is flagged and left out
 * by the projection (project-links.ts), never stored as dangling.
 */
const DIRECT_CATALOG: EndpointCatalog = { hasAnnotation: () => true, hasNode: () => true };
