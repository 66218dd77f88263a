import * as Y from "yjs";
import type { CollabDocRef } from "../../../core/collab";
import { noteMentions, noteText } from "../../model/note-text";
import { annotationsMap, linksMap, nodesMap, notesMap, repliesMap, themesMap } from "../../model/structure";

/** The raw entries of one Y.Doc, unvalidated: the projection decides what of it is sound. */
export type DocSnapshot =
  | { kind: "annotations"; annotations: [string, unknown][]; notes: Map<string, NoteSnapshot> }
  | { kind: "discussion"; replies: [string, unknown][] }
  | { kind: "meta"; themes: [string, unknown][]; links: [string, unknown][]; nodes: [string, unknown][] };

/** A note's plain text and the user ids its mentions name, or a value that is no note. */
export type NoteSnapshot = { text: string; mentions: string[] } | { malformed: true };

/** Copies the entries out of `doc` synchronously, so they match a state encoded in the same tick. */
export function snapshotEntries(ref: CollabDocRef, doc: Y.Doc): DocSnapshot {
  if (ref.kind === "discussion") return { kind: "discussion", replies: [...repliesMap(doc).entries()] };
  if (ref.kind === "meta") return { kind: "meta", themes: [...themesMap(doc).entries()], links: [...linksMap(doc).entries()], nodes: [...nodesMap(doc).entries()] };
  const notes = new Map<string, NoteSnapshot>();
  for (const [id, value] of notesMap(doc).entries()) {
    // A client can put anything under `notes`; only an XmlFragment is a note.
    notes.set(id, value instanceof Y.XmlFragment ? { text: safeNoteText(value), mentions: safeMentions(value) } : { malformed: true });
  }
  return { kind: "annotations", annotations: [...annotationsMap(doc).entries()], notes };
}

function safeNoteText(fragment: Y.XmlFragment): string {
  try {
    return noteText(fragment);
  } catch {
    return "";
  }
}

function safeMentions(fragment: Y.XmlFragment): string[] {
  try {
    return noteMentions(fragment);
  } catch {
    return [];
  }
}
