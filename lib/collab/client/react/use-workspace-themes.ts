"use client";

import type * as Y from "yjs";
import { storeOf } from "../stores/observed-store";
import { NO_THEMES, THEMES, type WorkspaceThemes } from "../stores/themes";
import { useSnapshot } from "./use-snapshot";

/**
 * The themes of the workspace doc, live; one snapshot per change shared by every component of
 * the page. Pass the meta doc of the page's session.
 */
export function useWorkspaceThemes(metaDoc: Y.Doc | null | undefined): WorkspaceThemes {
  return useSnapshot(metaDoc ? storeOf(THEMES, metaDoc) : null, NO_THEMES);
}
