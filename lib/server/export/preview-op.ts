import { z } from "zod";
import { exportFiltersSchema, exportOptionsSchema, type Excerpt, type ExportGroup } from "../../core/export";
import { idSchema } from "../../core/validation";
import { LOCALES } from "../../i18n/config";
import { prisma } from "../../infra/db/client";
import { defineOperation } from "../ops/define";
import { publicBaseUrl } from "./create-export";
import { exportLabels } from "./labels";
import { loadSources } from "./load-sources";
import { baseWhere, exportEvents } from "./query-excerpts";

export interface ExportPreview {
  /** Excerpts the export will hold (each once, whatever the grouping). */
  total: number;
  groups: { group: ExportGroup; excerpts: Excerpt[] }[];
}

/** The first excerpts of an export, grouped as the file will be, and how many there are. */
export const previewExportOp = defineOperation({
  name: "export.preview",
  permission: { kind: "workspace", action: "export.run" },
  input: z.object({
    workspaceId: idSchema,
    options: exportOptionsSchema.omit({ format: true }).extend({ filters: exportFiltersSchema.default({}) }),
    limit: z.number().int().min(1).max(100).default(20),
    origin: z.string().max(300).nullable().optional(),
    locale: z.enum(LOCALES).default("ja"),
  }),
  async run(ctx, input): Promise<ExportPreview> {
    const options = { ...input.options, format: "md" as const };
    const sources = await loadSources(ctx.workspaceId);
    const groups: ExportPreview["groups"] = [];
    for await (const ev of exportEvents(options, sources, exportLabels(input.locale), publicBaseUrl(input.origin), input.limit)) {
      if (ev.type === "group") groups.push({ group: ev.group, excerpts: [] });
      else groups[groups.length - 1]?.excerpts.push(ev.excerpt);
    }
    return { total: await countExcerpts(ctx.workspaceId, options), groups };
  },
});

async function countExcerpts(workspaceId: string, options: z.infer<typeof exportOptionsSchema>): Promise<number> {
  const where = baseWhere(workspaceId, options);
  if (!options.filters.linked) return prisma.annotation.count({ where });
  const links = await prisma.link.findMany({ where: { workspaceId }, select: { fromKind: true, fromId: true, toKind: true, toId: true } });
  const linked = new Set(links.flatMap((l) => [l.fromKind === "annotation" ? l.fromId : "", l.toKind === "annotation" ? l.toId : ""]));
  const ids = await prisma.annotation.findMany({ where, select: { id: true } });
  return ids.filter((a) => linked.has(a.id) === (options.filters.linked === "linked")).length;
}
