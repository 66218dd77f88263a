/** A self-contained HTML page to read (and print when asked): everything escaped, no scripts. */
import { citationLine } from "./build-excerpt";
import { formatInstant, linkLine } from "./format";
import { labelsOf, type Excerpt, type ExportLabels, type ExportMeta, type ExportWriter } from "./types";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Only http(s) and root-relative links are rendered as links. */
function safeHref(url: string): string | null {
  return /^(https?:\/\/|\/(?!\/))/i.test(url) ? escapeHtml(url) : null;
}

// A page to read on screen first (a centred column, excerpts as cards, a contents list of the
// groups); `@media print` turns it into a clean printout when the reader chooses to print.
const STYLE = `:root{color-scheme:light}
body{font-family:system-ui,-apple-system,"Hiragino Sans","Yu Gothic",Meiryo,"Noto Sans JP",sans-serif;margin:0;background:#f7f6f3;color:#1f2328;line-height:1.75}
header{background:#fff;border-bottom:1px solid #dcdad4;padding:1.5rem 1rem}
header>div,main{max-width:46rem;margin:0 auto}
main{padding:1rem 1rem 4rem}
h1{font-size:1.6rem;line-height:1.3;margin:0 0 .25rem}
h2{font-size:1.2rem;margin:2.5rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid #2f5d8a}
article{background:#fff;border:1px solid #dcdad4;border-radius:8px;padding:1rem 1.25rem;margin:0 0 1rem}
blockquote{margin:0 0 .5rem;padding:.25rem 0 .25rem 1rem;border-left:4px solid var(--c,#999);white-space:pre-wrap;font-size:1.02rem}
.cite{font-size:.85rem;color:#5d6470;margin:.25rem 0}.cite a{color:#2f5d8a}
.note{margin:.5rem 0}.tags{margin:.25rem 0}.tags span{display:inline-block;border:1px solid #c9ccd1;border-radius:999px;padding:0 .55rem;margin:0 .3rem .2rem 0;font-size:.78rem}
ul{margin:.25rem 0;padding-left:1.25rem;font-size:.92rem}
@media print{body{background:#fff}header{border:0;padding:0 0 1rem}article{border:0;border-radius:0;padding:0;margin-bottom:1.25rem;break-inside:avoid}a{color:inherit}}`;

export function htmlWriter(): ExportWriter {
  let labels: ExportLabels;
  let when: Pick<ExportMeta, "locale" | "timeZone"> = {};
  return {
    contentType: "text/html; charset=utf-8",
    extension: "html",
    flat: false,
    begin(meta) {
      labels = labelsOf(meta);
      when = meta;
      const title = `${meta.workspaceName} — ${labels.title}`;
      const lang = escapeHtml(meta.locale ?? "ja");
      return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>\n<header><div><h1>${escapeHtml(title)}</h1>\n<p class="cite">${escapeHtml(labels.generated)}: ${escapeHtml(formatInstant(meta.generatedAt, when))}</p></div></header>\n<main>\n`;
    },
    group(g) {
      return `<h2>${escapeHtml(g.title)}</h2>\n${g.subtitle ? `<p class="cite">${escapeHtml(g.subtitle)}</p>\n` : ""}`;
    },
    excerpt(e: Excerpt) {
      const href = safeHref(e.citation.permalink);
      const cite = escapeHtml(citationLine(e.citation, labels));
      const colour = /^#[0-9a-f]{3,8}$/i.test(e.colour) ? ` style="--c:${e.colour}"` : "";
      const parts = [`<article data-id="${escapeHtml(e.id)}"${colour}>`, `<blockquote>${escapeHtml(e.quote)}</blockquote>`, `<p class="cite">— ${href ? `<a href="${href}">${cite}</a>` : cite}</p>`];
      if (e.themes.length) parts.push(`<p class="tags">${e.themes.map((t) => `<span>${escapeHtml(t.name)}</span>`).join("")}</p>`);
      if (e.note) parts.push(`<p class="note"><strong>${escapeHtml(labels.note)}</strong> (${escapeHtml(e.author.name)}): ${escapeHtml(e.note).replace(/\n/g, "<br>")}</p>`);
      if (e.replies.length) parts.push(`<p><strong>${escapeHtml(labels.replies)}</strong></p><ul>${e.replies.map((r) => `<li>${escapeHtml(r.authorName)} <span class="cite">${escapeHtml(formatInstant(r.createdAt, when))}</span>: ${escapeHtml(r.body)}</li>`).join("")}</ul>`);
      if (e.links.length) parts.push(`<p><strong>${escapeHtml(labels.links)}</strong></p><ul>${e.links.map((l) => `<li>${escapeHtml(linkLine(l, labels))}</li>`).join("")}</ul>`);
      parts.push("</article>\n");
      return parts.join("");
    },
    end({ count }) {
      return `${count === 0 ? `<p>${escapeHtml(labels.empty)}</p>\n` : ""}</main></body></html>\n`;
    },
  };
}
