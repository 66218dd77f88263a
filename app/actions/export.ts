"use server";

import { serverAction } from "@/lib/server/http/adapt";
import { previewExportOp } from "@/lib/server/export/preview-op";
import { createApiTokenOp, revokeApiTokenOp } from "@/lib/server/api-tokens/manage-tokens";

export const previewExport = serverAction(previewExportOp);
export const createApiToken = serverAction(createApiTokenOp);
export const revokeApiToken = serverAction(revokeApiTokenOp);
