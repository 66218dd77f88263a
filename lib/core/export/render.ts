/** Writers by format, and a helper that renders in-memory groups to one string. */
import type { ExportFormat } from "./options";
import { csvWriter } from "./render-csv";
import { htmlWriter } from "./render-html";
import { jsonLdWriter } from "./render-jsonld";
import { markdownWriter } from "./render-markdown";
import type { Excerpt, ExportGroup, ExportMeta, ExportWriter } from "./types";

export type TextFormat = Exclude<ExportFormat, "docx" | "pdf" | "qdpx" | "qdc">;

export function isTextFormat(format: ExportFormat): format is TextFormat {
  return format !== "docx" && format !== "pdf" && format !== "qdpx" && format !== "qdc";
}

export function textWriter(format: TextFormat): ExportWriter {
  switch (format) {
    case "md":
      return markdownWriter();
    case "csv":
      return csvWriter();
    case "html":
      return htmlWriter();
    case "jsonld":
      return jsonLdWriter();
  }
}

/** Renders groups with a writer (flat formats list each excerpt once, whatever the grouping). */
export function renderToString(writer: ExportWriter, meta: ExportMeta, groups: { group: ExportGroup; excerpts: Excerpt[] }[]): string {
  const parts = [writer.begin(meta)];
  const seen = new Set<string>();
  for (const g of groups) {
    parts.push(writer.group(g.group));
    for (const e of g.excerpts) {
      if (writer.flat && seen.has(e.id)) continue;
      seen.add(e.id);
      parts.push(writer.excerpt(e));
    }
  }
  parts.push(writer.end({ count: seen.size }));
  return parts.join("");
}
