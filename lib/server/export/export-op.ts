import { z } from "zod";
import { exportOptionsSchema } from "../../core/export";
import { idSchema } from "../../core/validation";
import { LOCALES } from "../../i18n/config";
import { defineOperation } from "../ops/define";
import { createExport, publicBaseUrl } from "./create-export";

/** Exports the workspace's annotated excerpts as a file (any member may: `export.run`). */
export const runExportOp = defineOperation({
  name: "export.run",
  permission: { kind: "workspace", action: "export.run" },
  input: z.object({
    workspaceId: idSchema,
    options: exportOptionsSchema,
    origin: z.string().max(300).nullable().optional(),
    locale: z.enum(LOCALES).default("ja"),
    /** The reader's IANA time zone; an unknown one falls back to UTC. */
    timeZone: z.string().max(64).optional(),
  }),
  async run(ctx, input) {
    return createExport({ workspaceId: ctx.workspaceId, options: input.options, baseUrl: publicBaseUrl(input.origin), locale: input.locale, ...(input.timeZone ? { timeZone: input.timeZone } : {}), now: ctx.now, userId: ctx.actor.id });
  },
});
