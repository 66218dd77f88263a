import { Parser } from "htmlparser2";
import { AppError } from "../../core/errors";
import { MarkdownSink } from "./html-to-markdown";
import { IMPORT_LIMITS, type ImportLimits } from "./limits";

export interface HtmlScan {
  /** Deepest element nesting, as linkedom (which parses with the same htmlparser2) will build it. */
  depth: number;
  elements: number;
  title: string | null;
  /** The whole page's text as Markdown, from the same pass: the fallback when Readability is skipped. */
  markdown: string;
}

/**
 * One linear tokenizer pass over an HTML page, before any DOM is built: refuses pages
 * nested deeper or holding more elements than the limits (stopping at the first
 * element past the cap) and collects the page's text on the way.
 */
export function scanHtml(html: string, limits: ImportLimits = IMPORT_LIMITS): HtmlScan {
  const sink = new MarkdownSink();
  let depth = 0;
  let maxDepth = 0;
  let elements = 0;
  let inTitle = false;
  let title = "";
  const parser = new Parser(
    {
      onopentag(name) {
        elements++;
        depth++;
        if (depth > maxDepth) maxDepth = depth;
        if (depth > limits.maxHtmlDepth)
          throw new AppError("too_large", "import_too_complex_nesting", { details: { limit: limits.maxHtmlDepth } });
        if (elements > limits.maxHtmlElements)
          throw new AppError("too_large", "import_too_complex_elements", { details: { limit: limits.maxHtmlElements } });
        if (name === "title") inTitle = true;
        sink.open(name);
      },
      onclosetag(name) {
        depth--;
        if (name === "title") inTitle = false;
        sink.close(name);
      },
      ontext(text) {
        if (inTitle) title += text;
        sink.text(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { depth: maxDepth, elements, title: title.trim() || null, markdown: sink.result() };
}
