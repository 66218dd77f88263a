"use server";

import { serverAction } from "@/lib/server/http/adapt";
import { importPastedTextOp } from "@/lib/server/import/import-document";

export const pasteDocument = serverAction(importPastedTextOp);
