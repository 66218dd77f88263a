import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { htmlToMarkdown } from "./html-to-markdown";

export interface HtmlExtract {
  markdown: string;
  title: string | null;
  byline: string | null;
  warnings: string[];
}

/**
 * The main content of an HTML page (Readability, as Firefox's reader view), as
 * Markdown-like text. linkedom never runs scripts; we also never keep markup.
 */
export function extractHtml(html: string): HtmlExtract {
  const { document } = parseHTML(html);
  const warnings: string[] = [];
  const title = document.querySelector("title")?.textContent?.trim() || null;
  let article: { content?: string | null; title?: string | null; byline?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    const markdown = htmlToMarkdown(content.body as never);
    if (markdown.trim()) return { markdown, title: article.title?.trim() || title, byline: article.byline?.trim() || null, warnings };
  }
  warnings.push("html_main_content_not_found");
  const { document: whole } = parseHTML(html);
  return { markdown: htmlToMarkdown(whole.body as never), title, byline: null, warnings };
}
