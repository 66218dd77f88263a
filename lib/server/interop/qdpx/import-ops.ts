/**
 * The operations behind "import a REFI-QDA project or codebook" (workspace settings, CLI):
 * editors and owners, who may create documents and manage themes. A .qdpx is a zip (it starts
 * with "PK"); anything else is read as a .qdc codebook.
 */
import { z } from "zod";
import { idSchema } from "../../../core/validation";
import { defineOperation } from "../../ops/define";
import { importQdc, type QdcImportReport } from "./import-qdc";
import { importQdpx, type QdpxImportReport } from "./import-qdpx";

export type QdaImportResult = { kind: "qdpx"; report: QdpxImportReport } | { kind: "qdc"; report: QdcImportReport };

export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

export const importQdaOp = defineOperation({
  name: "qda.import",
  permission: { kind: "workspace", action: "document.create" },
  input: z.object({ workspaceId: idSchema, bytes: z.instanceof(Uint8Array) }),
  async run(ctx, input): Promise<QdaImportResult> {
    const actor = { id: ctx.actor.id, name: ctx.actor.name };
    if (isZip(input.bytes)) return { kind: "qdpx", report: await importQdpx({ workspaceId: ctx.workspaceId, bytes: input.bytes, actor, now: ctx.now }) };
    return { kind: "qdc", report: await importQdc({ workspaceId: ctx.workspaceId, bytes: input.bytes, actor }) };
  },
});
