"use client";

import type { DocumentCommands } from "../commands/document-commands";
import { storeOf } from "../stores/observed-store";
import { NOTE_LINES, REPLY_COUNTS } from "../stores/list-previews";
import { useSnapshot } from "./use-snapshot";

const NONE = new Map<string, never>();

export interface ListPreviews {
  /** annotation id → the first line of its note (absent: no note text). */
  notes: ReadonlyMap<string, string>;
  /** annotation id → its number of replies (absent: none). */
  replies: ReadonlyMap<string, number>;
}

/** What the annotation list shows of each row beyond its quote, live; empty until connected. */
export function useListPreviews(commands: DocumentCommands | null): ListPreviews {
  const notes = useSnapshot(commands ? storeOf(NOTE_LINES, commands.docs.annotations.doc) : null, NONE);
  const replies = useSnapshot(commands ? storeOf(REPLY_COUNTS, commands.docs.discussion.doc) : null, NONE);
  return { notes, replies };
}
