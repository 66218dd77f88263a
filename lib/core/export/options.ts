/**
 * What an export asks for: filters, grouping, order, what to include and the format. One zod
 * schema shared by the export builder (client), the route handler, the CLI and the services.
 */
import { z } from "zod";
import { idSchema } from "../validation";
import { ANNOTATION_STATUSES } from "../collab/entries";

export const EXPORT_FORMATS = ["md", "csv", "html", "jsonld", "docx", "pdf", "qdpx", "qdc"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const GROUP_BY = ["document", "theme", "node", "none"] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const ORDERS = ["position", "created", "author"] as const;
export type ExportOrder = (typeof ORDERS)[number];

const ids = z.array(idSchema).max(500);
/** `YYYY-MM-DD` or a full ISO timestamp. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/, { message: "invalid_date" });

export const exportFiltersSchema = z.object({
  documentIds: ids.optional(),
  themeIds: ids.optional(),
  authorIds: ids.optional(),
  /** Created on or after this day (inclusive). */
  from: day.optional(),
  /** Created on or before this day (inclusive, the whole day). */
  to: day.optional(),
  status: z.enum(ANNOTATION_STATUSES).optional(),
  linked: z.enum(["linked", "unlinked"]).optional(),
});
export type ExportFilters = z.infer<typeof exportFiltersSchema>;

export const exportIncludeSchema = z.object({
  notes: z.boolean().default(true),
  replies: z.boolean().default(false),
  links: z.boolean().default(false),
  /** DOCX only: notes as Word comments on the quote instead of paragraphs under it. */
  comments: z.boolean().default(false),
});
export type ExportInclude = z.infer<typeof exportIncludeSchema>;

export const exportOptionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  filters: exportFiltersSchema.default({}),
  groupBy: z.enum(GROUP_BY).default("document"),
  order: z.enum(ORDERS).default("position"),
  include: exportIncludeSchema.default({ notes: true, replies: false, links: false, comments: false }),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

/** REFI-QDA exchange files: the whole project (qdpx) or the codebook alone (qdc), not excerpts. */
export function isQdaFormat(format: ExportFormat): format is "qdpx" | "qdc" {
  return format === "qdpx" || format === "qdc";
}

/** Formats that keep one flat list (an annotation appears once), whatever the grouping. */
export function isFlatFormat(format: ExportFormat): boolean {
  return format === "csv" || format === "jsonld" || isQdaFormat(format);
}

/** The inclusive createdAt range of the filters, as instants (`to` covers its whole day). */
export function dateRange(filters: Pick<ExportFilters, "from" | "to">): { gte?: Date; lte?: Date } {
  const out: { gte?: Date; lte?: Date } = {};
  if (filters.from) out.gte = new Date(filters.from.length === 10 ? `${filters.from}T00:00:00.000Z` : filters.from);
  if (filters.to) out.lte = new Date(filters.to.length === 10 ? `${filters.to}T23:59:59.999Z` : filters.to);
  return out;
}

/** Parses the query string of GET /export (repeated or comma-separated ids, flags as 1/0). */
export function optionsFromSearchParams(params: URLSearchParams): unknown {
  const list = (key: string): string[] | undefined => {
    const values = params.getAll(key).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    return values.length ? values : undefined;
  };
  const flag = (key: string): boolean | undefined => (params.has(key) ? ["1", "true", "yes"].includes(params.get(key) ?? "") : undefined);
  const opt = (key: string) => params.get(key) || undefined;
  const include: Record<string, boolean> = {};
  for (const k of ["notes", "replies", "links", "comments"]) {
    const v = flag(k);
    if (v !== undefined) include[k] = v;
  }
  return {
    format: opt("format"),
    filters: {
      documentIds: list("documents"),
      themeIds: list("themes"),
      authorIds: list("authors"),
      from: opt("from"),
      to: opt("to"),
      status: opt("status"),
      linked: opt("linked"),
    },
    groupBy: opt("groupBy"),
    order: opt("order"),
    include: { notes: true, replies: false, links: false, comments: false, ...include },
  };
}

/** The query string that `optionsFromSearchParams` reads back (used by the builder and the CLI). */
export function optionsToSearchParams(options: ExportOptions): URLSearchParams {
  const p = new URLSearchParams();
  p.set("format", options.format);
  const f = options.filters;
  if (f.documentIds?.length) p.set("documents", f.documentIds.join(","));
  if (f.themeIds?.length) p.set("themes", f.themeIds.join(","));
  if (f.authorIds?.length) p.set("authors", f.authorIds.join(","));
  for (const k of ["from", "to", "status", "linked"] as const) if (f[k]) p.set(k, f[k]!);
  p.set("groupBy", options.groupBy);
  p.set("order", options.order);
  for (const k of ["notes", "replies", "links", "comments"] as const) p.set(k, options.include[k] ? "1" : "0");
  return p;
}
