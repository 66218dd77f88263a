/** Markdown: a heading per group, each excerpt a block quote followed by its citation and note. */
import { citationLine } from "./build-excerpt";
import { formatInstant, linkLine } from "./format";
import { labelsOf, type Excerpt, type ExportLabels, type ExportMeta, type ExportWriter } from "./types";

/** Escapes characters Markdown would read as syntax at the start of a line or inline. */
export function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/g, "\\$1").replace(/^(\s*)([-+]|\d+\.)(\s)/gm, "$1\\$2$3");
}

const quoteLines = (s: string) => s.split(/\r?\n/).map((l) => `> ${escapeMarkdown(l)}`.trimEnd()).join("\n");

export function markdownWriter(): ExportWriter {
  let labels: ExportLabels;
  let when: Pick<ExportMeta, "locale" | "timeZone"> = {};
  return {
    contentType: "text/markdown; charset=utf-8",
    extension: "md",
    flat: false,
    begin(meta) {
      labels = labelsOf(meta);
      when = meta;
      return `# ${escapeMarkdown(meta.workspaceName)} — ${escapeMarkdown(labels.title)}\n\n_${labels.generated}: ${formatInstant(meta.generatedAt, when)}_\n\n`;
    },
    group(g) {
      return `## ${escapeMarkdown(g.title)}\n\n${g.subtitle ? `${escapeMarkdown(g.subtitle)}\n\n` : ""}`;
    },
    excerpt(e: Excerpt) {
      const lines = [quoteLines(e.quote), "", `— ${escapeMarkdown(citationLine(e.citation, labels))} ([link](<${e.citation.permalink}>))`];
      if (e.themes.length) lines.push("", e.themes.map((t) => `\`${t.name.replace(/`/g, "'")}\``).join(" "));
      if (e.note) lines.push("", `**${labels.note}** (${escapeMarkdown(e.author.name)}): ${escapeMarkdown(e.note).replace(/\n/g, "  \n")}`);
      if (e.replies.length) lines.push("", `**${labels.replies}**`, "", ...e.replies.map((r) => `- ${escapeMarkdown(r.authorName)} (${formatInstant(r.createdAt, when)}): ${escapeMarkdown(r.body).replace(/\n/g, " ")}`));
      if (e.links.length)
        lines.push("", `**${labels.links}**`, "", ...e.links.map((l) => `- ${escapeMarkdown(linkLine(l, labels))}`));
      return `${lines.join("\n")}\n\n---\n\n`;
    },
    end({ count }) {
      return count === 0 ? `_${labels.empty}_\n` : "";
    },
  };
}
