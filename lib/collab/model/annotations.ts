/**
 * Annotations of one source document: plain JSON entries in `annotations` plus a Tiptap note
 * (Y.XmlFragment) in `notes`, created in the same transaction so that two clients can never
 * race to create the note of one annotation (map last-writer-wins would drop one side's text).
 */
import * as Y from "yjs";
import { AppError } from "../../core/errors";
import {
  annotationEntrySchema,
  type AnnotationEntry,
  type AnnotationStatus,
  type CollabActor,
  type TextAnchor,
} from "../../core/collab";
import { annotationsMap, localOriginOf, newEntryId, notesMap, transactLocal } from "./structure";
import { parseEntry } from "./validate";
import { noteText } from "./note-text";
import { collate } from "../../core/text/collate";

export interface CreateAnnotationInput {
  id?: string;
  anchor: TextAnchor;
  colour: string;
  themeIds?: string[];
  /** Initial plain-text note (one paragraph per line). */
  note?: string;
}

/** Creates an annotation and its (possibly empty) note; returns the stored entry. */
export function createAnnotation(doc: Y.Doc, input: CreateAnnotationInput, actor: CollabActor, now: Date): AnnotationEntry {
  const at = now.toISOString();
  const entry = parseEntry(annotationEntrySchema, {
    id: input.id ?? newEntryId(),
    anchor: input.anchor,
    author: { id: actor.id, name: actor.name },
    colour: input.colour,
    status: "open",
    themeIds: [...new Set(input.themeIds ?? [])],
    createdAt: at,
    updatedAt: at,
  });
  return transactLocal(doc, () => {
    if (annotationsMap(doc).has(entry.id)) throw new AppError("conflict", "annotation_exists");
    annotationsMap(doc).set(entry.id, entry);
    const fragment = new Y.XmlFragment();
    notesMap(doc).set(entry.id, fragment);
    if (input.note) fragment.insert(0, paragraphs(input.note));
    return entry;
  });
}

export interface AnnotationPatch {
  anchor?: TextAnchor;
  colour?: string;
  themeIds?: string[];
}

/** Changes fields of an annotation; throws `not_found` for an unknown or deleted one. */
export function updateAnnotation(doc: Y.Doc, id: string, patch: AnnotationPatch, now: Date): AnnotationEntry {
  return transactLocal(doc, () => {
    const current = requireAnnotation(doc, id);
    const next = parseEntry(annotationEntrySchema, {
      ...current,
      ...(patch.anchor ? { anchor: patch.anchor } : {}),
      ...(patch.colour ? { colour: patch.colour } : {}),
      ...(patch.themeIds ? { themeIds: [...new Set(patch.themeIds)] } : {}),
      updatedAt: now.toISOString(),
    });
    annotationsMap(doc).set(id, next);
    return next;
  });
}

/** Opens or resolves an annotation. */
export function setStatus(doc: Y.Doc, id: string, status: AnnotationStatus, now: Date): AnnotationEntry {
  return transactLocal(doc, () => {
    const next = parseEntry(annotationEntrySchema, { ...requireAnnotation(doc, id), status, updatedAt: now.toISOString() });
    annotationsMap(doc).set(id, next);
    return next;
  });
}

/**
 * Deletes an annotation softly: the entry stays (marked `deleted`) with its note, so that undo
 * restores both and replies in the discussion document keep their context.
 */
export function deleteAnnotation(doc: Y.Doc, id: string, now: Date): void {
  transactLocal(doc, () => {
    const current = requireAnnotation(doc, id);
    annotationsMap(doc).set(id, { ...current, deleted: true, updatedAt: now.toISOString() });
  });
}

/**
 * The annotation stored under `key`, if the entry passes the schema and carries that key as its
 * id. Entries come from other clients, so both can fail: an entry copied under a second key
 * would otherwise be read as a second annotation with the same id (counted twice in the
 * matrix), and the projection refuses it too (`id_mismatch`).
 */
function readEntry(key: string, value: unknown): AnnotationEntry | undefined {
  const parsed = annotationEntrySchema.safeParse(value);
  return parsed.success && parsed.data.id === key ? parsed.data : undefined;
}

/** A valid annotation entry, or undefined (unknown id, or an entry that fails the checks above). */
export function getAnnotation(doc: Y.Doc, id: string): AnnotationEntry | undefined {
  return readEntry(id, annotationsMap(doc).get(id));
}

/** Every valid annotation, oldest first; deleted ones only when asked for. */
export function listAnnotations(doc: Y.Doc, opts: { includeDeleted?: boolean } = {}): AnnotationEntry[] {
  const out: AnnotationEntry[] = [];
  for (const [key, value] of annotationsMap(doc).entries()) {
    const entry = readEntry(key, value);
    if (entry && (opts.includeDeleted || !entry.deleted)) out.push(entry);
  }
  return out.sort((a, b) => collate(a.createdAt, b.createdAt) || collate(a.id, b.id));
}

/** The note fragment to bind a Tiptap editor to (`Collaboration.configure({ fragment })`). */
export function getNoteFragment(doc: Y.Doc, id: string): Y.XmlFragment | undefined {
  const value = notesMap(doc).get(id);
  return value instanceof Y.XmlFragment ? value : undefined;
}

/** Calls `listener` after every change of the annotations or notes; returns the unsubscribe. */
export function observeAnnotations(doc: Y.Doc, listener: () => void): () => void {
  const onAnnotations = () => listener();
  annotationsMap(doc).observe(onAnnotations);
  notesMap(doc).observeDeep(onAnnotations);
  return () => {
    annotationsMap(doc).unobserve(onAnnotations);
    notesMap(doc).unobserveDeep(onAnnotations);
  };
}

/**
 * Calls `listener` with the ids of the annotation entries a transaction changed (created,
 * edited, deleted) and whether the change was this client's own. For views that update
 * incrementally: with thousands of annotations, re-reading every entry on each remote change
 * costs more than a frame.
 */
export function observeAnnotationChanges(doc: Y.Doc, listener: (ids: string[], local: boolean) => void): () => void {
  const map = annotationsMap(doc);
  const fn = (e: Y.YMapEvent<unknown>) => listener([...e.keysChanged], e.transaction.origin === localOriginOf(doc));
  map.observe(fn);
  return () => map.unobserve(fn);
}

function requireAnnotation(doc: Y.Doc, id: string): AnnotationEntry {
  const current = getAnnotation(doc, id);
  if (!current || current.deleted) throw new AppError("not_found", "annotation_not_found");
  return current;
}

/** Tiptap's document shape for plain text: one `paragraph` element per line. */
function paragraphs(text: string): Y.XmlElement[] {
  return text.split("\n").map((line) => {
    const p = new Y.XmlElement("paragraph");
    if (line) p.insert(0, [new Y.XmlText(line)]);
    return p;
  });
}

/**
 * The first non-empty line of every note of a document (id → line, notes without text left out),
 * for the annotation list. Reads every note: run it on a change, not per row.
 */
export function noteFirstLines(doc: Y.Doc): Map<string, string> {
  const out = new Map<string, string>();
  notesMap(doc).forEach((value, id) => {
    if (!(value instanceof Y.XmlFragment)) return;
    const line = noteText(value).split("\n").find((l) => l.trim());
    if (line) out.set(id, line.trim());
  });
  return out;
}
