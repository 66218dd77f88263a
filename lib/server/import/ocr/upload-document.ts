import { z } from "zod";
import { idSchema } from "../../../core/validation";
import { defineOperation } from "../../ops/define";
import { importDocumentOp } from "../import-document";
import { queueOcrImport } from "./queue-ocr-import";

/**
 * An uploaded file (the upload route, the CLI): a PDF with scanned pages becomes a background OCR
 * job whose document appears when it is done; every other file is imported at once.
 */
export const uploadDocumentOp = defineOperation({
  name: "documents.upload",
  permission: { kind: "workspace", action: "document.create" },
  input: z.object({ workspaceId: idSchema, fileName: z.string(), bytes: z.instanceof(Uint8Array) }),
  async run(ctx, input) {
    // The name is cleaned by importDocumentOp; here it only names the job until then.
    const queued = await queueOcrImport({ workspaceId: ctx.workspaceId, actorId: ctx.actor.id, fileName: input.fileName.slice(0, 255), bytes: input.bytes });
    return queued ?? importDocumentOp.execute(ctx.actor, input, { clientKey: ctx.clientKey, now: ctx.now });
  },
});
