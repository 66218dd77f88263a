/** A self-contained HTML print view: everything escaped, no scripts, print-friendly CSS. */
import { citationLine } from "./build-excerpt";
import { labelsOf, type Excerpt, type ExportLabels, type ExportWriter } from "./types";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Only http(s) and root-relative links are rendered as links. */
function safeHref(url: string): string | null {
  return /^(https?:\/\/|\/(?!\/))/i.test(url) ? escapeHtml(url) : null;
}

const STYLE = `body{font-family:"Noto Sans JP","Hiragino Sans","Yu Gothic",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.7;color:#111}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:2rem}
blockquote{margin:1rem 0 .25rem;padding:.25rem 1rem;border-left:4px solid #999;background:#f7f7f7;white-space:pre-wrap}
.cite{font-size:.85rem;color:#444}.note{margin:.25rem 0}.tags span{display:inline-block;border:1px solid #aaa;border-radius:3px;padding:0 .3rem;margin-right:.25rem;font-size:.8rem}
article{break-inside:avoid;margin-bottom:1.25rem}@media print{a{color:inherit}}`;

export function htmlWriter(): ExportWriter {
  let labels: ExportLabels;
  return {
    contentType: "text/html; charset=utf-8",
    extension: "html",
    flat: false,
    begin(meta) {
      labels = labelsOf(meta);
      const title = `${meta.workspaceName} — ${labels.title}`;
      return `<!doctype html>\n<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>\n<h1>${escapeHtml(title)}</h1>\n<p class="cite">${escapeHtml(labels.generated)}: ${escapeHtml(meta.generatedAt)}</p>\n`;
    },
    group(g) {
      return `<h2>${escapeHtml(g.title)}</h2>\n${g.subtitle ? `<p class="cite">${escapeHtml(g.subtitle)}</p>\n` : ""}`;
    },
    excerpt(e: Excerpt) {
      const href = safeHref(e.citation.permalink);
      const cite = escapeHtml(citationLine(e.citation, labels));
      const parts = [`<article data-id="${escapeHtml(e.id)}">`, `<blockquote>${escapeHtml(e.quote)}</blockquote>`, `<p class="cite">— ${href ? `<a href="${href}">${cite}</a>` : cite}</p>`];
      if (e.themes.length) parts.push(`<p class="tags">${e.themes.map((t) => `<span>${escapeHtml(t.name)}</span>`).join("")}</p>`);
      if (e.note) parts.push(`<p class="note"><strong>${escapeHtml(labels.note)}</strong> (${escapeHtml(e.author.name)}): ${escapeHtml(e.note).replace(/\n/g, "<br>")}</p>`);
      if (e.replies.length) parts.push(`<p><strong>${escapeHtml(labels.replies)}</strong></p><ul>${e.replies.map((r) => `<li>${escapeHtml(r.authorName)}: ${escapeHtml(r.body)}</li>`).join("")}</ul>`);
      if (e.links.length)
        parts.push(`<p><strong>${escapeHtml(labels.links)}</strong></p><ul>${e.links.map((l) => `<li>${l.direction === "out" ? "→" : "←"} ${escapeHtml(l.kind)}${l.label ? ` (${escapeHtml(l.label)})` : ""}: ${escapeHtml(l.otherText ?? l.otherId)}</li>`).join("")}</ul>`);
      parts.push("</article>\n");
      return parts.join("");
    },
    end({ count }) {
      return `${count === 0 ? `<p>${escapeHtml(labels.empty)}</p>\n` : ""}</body></html>\n`;
    },
  };
}
