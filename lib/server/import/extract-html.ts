import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { htmlToMarkdown } from "./html-to-markdown";
import { IMPORT_LIMITS, type ImportLimits } from "./limits";
import { scanHtml } from "./scan-html";

export interface HtmlExtract {
  markdown: string;
  title: string | null;
  byline: string | null;
  warnings: string[];
}

/**
 * The main content of an HTML page (Readability, as Firefox's reader view), as
 * Markdown-like text. linkedom never runs scripts; we also never keep markup.
 * A linear pre-scan refuses hostile nesting before any DOM exists, and pages too
 * deep or too large for Readability (quadratic in depth) keep their whole text instead.
 */
export function extractHtml(html: string, limits: ImportLimits = IMPORT_LIMITS): HtmlExtract {
  const scan = scanHtml(html, limits);
  const warnings: string[] = [];
  if (scan.depth > limits.readabilityMaxDepth || scan.elements * scan.depth > limits.readabilityMaxWork) {
    warnings.push("html_simplified");
    return { markdown: scan.markdown, title: scan.title, byline: null, warnings };
  }
  const { document } = parseHTML(html);
  let article: { content?: string | null; title?: string | null; byline?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 200, maxElemsToParse: limits.maxHtmlElements }).parse();
  } catch {
    article = null;
  }
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    const markdown = htmlToMarkdown(content.body as never);
    if (markdown.trim()) return { markdown, title: article.title?.trim() || scan.title, byline: article.byline?.trim() || null, warnings };
  }
  warnings.push("html_main_content_not_found");
  return { markdown: scan.markdown, title: scan.title, byline: null, warnings };
}
