"use client";

import { useMemo } from "react";
import type { ReplyEntry } from "@/lib/collab/model";
import type { DocumentCommands } from "../commands/document-commands";
import { storeOf } from "../stores/observed-store";
import { REPLIES } from "../stores/replies";
import { useSnapshot } from "./use-snapshot";

const NO_REPLIES: ReplyEntry[] = [];

/** The replies of one annotation, live, oldest first. */
export function useReplies(commands: DocumentCommands, annotationId: string): ReplyEntry[] {
  const all = useSnapshot(storeOf(REPLIES, commands.docs.discussion.doc), NO_REPLIES);
  return useMemo(() => all.filter((r) => r.annotationId === annotationId), [all, annotationId]);
}
