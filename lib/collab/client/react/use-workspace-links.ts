"use client";

import type * as Y from "yjs";
import type { ArgumentLink } from "@/lib/core/argument/link-schema";
import { LINKS } from "../stores/links";
import { storeOf } from "../stores/observed-store";
import { useSnapshot } from "./use-snapshot";

const NO_LINKS: ArgumentLink[] = [];

/** The workspace's live links, one snapshot per change shared by every component of the page. */
export function useWorkspaceLinks(metaDoc: Y.Doc | null | undefined): ArgumentLink[] {
  return useSnapshot(metaDoc ? storeOf(LINKS, metaDoc) : null, NO_LINKS);
}
