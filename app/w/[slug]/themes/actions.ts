"use server";

import { serverAction } from "@/lib/server/http/adapt";
import { mergeThemesOp } from "@/lib/server/themes/merge-themes";

/** Merges one theme into another across every document (see mergeThemesOp). */
export const mergeThemes = serverAction(mergeThemesOp);
