/**
 * Turns an HTML element tree into Markdown-like text that the normaliser reads
 * with `format: "markdown"`: headings as `#`, one block per line, list items as
 * "- ". Only text is kept: no markup, attributes or scripts survive.
 */
interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

const BLOCKS = new Set(["P", "DIV", "SECTION", "ARTICLE", "BLOCKQUOTE", "PRE", "TR", "FIGCAPTION", "DT", "DD", "CAPTION", "ADDRESS", "MAIN", "HEADER", "FOOTER", "ASIDE"]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "SVG", "CANVAS", "NAV", "FORM", "BUTTON", "SELECT", "INPUT", "TEXTAREA"]);

export function htmlToMarkdown(root: NodeLike): string {
  const lines: string[] = [];
  let current = "";
  const flush = (prefix = "") => {
    const text = current.replace(/\s+/g, " ").trim();
    if (text) lines.push(prefix + text);
    current = "";
  };
  const walk = (node: NodeLike) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const heading = /^H([1-6])$/.exec(name);
    if (heading) {
      flush();
      for (const child of Array.from(node.childNodes)) walk(child);
      flush("#".repeat(Number(heading[1])) + " ");
      return;
    }
    if (name === "LI") {
      flush();
      for (const child of Array.from(node.childNodes)) walk(child);
      flush("- ");
      return;
    }
    if (name === "BR") {
      current += " ";
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
    if (name === "TD" || name === "TH") current += " ";
  };
  walk(root);
  flush();
  return lines.join("\n\n");
}
