"use server";

import { serverAction } from "@/lib/server/http/adapt";
import { importPastedTextOp } from "@/lib/server/import/import-document";
import { deleteDocumentOp, updateDocumentOp } from "@/lib/server/documents/update-document";

export const pasteDocument = serverAction(importPastedTextOp);
export const updateDocument = serverAction(updateDocumentOp);
export const deleteDocument = serverAction(deleteDocumentOp);
