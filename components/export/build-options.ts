import type { ExportFormat, ExportOptions, GroupBy, ExportOrder } from "@/lib/core/export";

/** The builder's form state; every field maps to one export option. */
export interface BuilderState {
  format: ExportFormat;
  documentIds: string[];
  themeIds: string[];
  authorIds: string[];
  from: string;
  to: string;
  status: "" | "open" | "resolved";
  linked: "" | "linked" | "unlinked";
  groupBy: GroupBy;
  order: ExportOrder;
  notes: boolean;
  replies: boolean;
  links: boolean;
  comments: boolean;
}

export const INITIAL_STATE: BuilderState = {
  format: "docx", documentIds: [], themeIds: [], authorIds: [], from: "", to: "", status: "", linked: "",
  // Replies and links are what a group adds to a passage: a newcomer's export should show them.
  groupBy: "document", order: "position", notes: true, replies: true, links: true, comments: false,
};

/** Form state → export options (empty choices mean "all"). */
export function toOptions(s: BuilderState): ExportOptions {
  return {
    format: s.format,
    filters: {
      ...(s.documentIds.length ? { documentIds: s.documentIds } : {}),
      ...(s.themeIds.length ? { themeIds: s.themeIds } : {}),
      ...(s.authorIds.length ? { authorIds: s.authorIds } : {}),
      // Days are the reader's days: local midnight to local end of day, sent as instants.
      ...(s.from ? { from: localDayBound(s.from, "start") } : {}),
      ...(s.to ? { to: localDayBound(s.to, "end") } : {}),
      ...(s.status ? { status: s.status } : {}),
      ...(s.linked ? { linked: s.linked } : {}),
    },
    groupBy: s.groupBy,
    order: s.order,
    include: { notes: s.notes, replies: s.replies, links: s.links, comments: s.comments },
  };
}

/** "1.2 MB" */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** The UTF-8 file name of a Content-Disposition header (filename*), else the plain one. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? "")?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // fall through to the ASCII name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? "")?.[1] ?? fallback;
}

/** `YYYY-MM-DD` in the browser's time zone → the ISO instant of its first or last millisecond. */
export function localDayBound(day: string, bound: "start" | "end"): string {
  const d = new Date(`${day}T${bound === "start" ? "00:00:00.000" : "23:59:59.999"}`);
  return Number.isNaN(d.getTime()) ? day : d.toISOString();
}
