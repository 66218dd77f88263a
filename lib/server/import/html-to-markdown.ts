/**
 * Turns HTML into Markdown-like text that the normaliser reads with
 * `format: "markdown"`: headings as `#`, one block per line, list items as "- ".
 * Only text is kept: no markup, attributes or scripts survive. The rules live in
 * one sink fed either by a DOM walk or by a tokenizer's events; neither recurses,
 * so no nesting depth can overflow the stack.
 */
interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

const BLOCKS = new Set(["P", "DIV", "SECTION", "ARTICLE", "BLOCKQUOTE", "PRE", "TR", "FIGCAPTION", "DT", "DD", "CAPTION", "ADDRESS", "MAIN", "HEADER", "FOOTER", "ASIDE"]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "SVG", "CANVAS", "NAV", "FORM", "BUTTON", "SELECT", "INPUT", "TEXTAREA", "HEAD", "TITLE"]);

/** Collects blocks from open/close/text events of an element tree. */
export class MarkdownSink {
  private readonly lines: string[] = [];
  private current = "";
  /** Depth inside skipped elements (scripts, navigation…): their text is dropped. */
  private skipping = 0;

  private flush(prefix = ""): void {
    const text = this.current.replace(/\s+/g, " ").trim();
    if (text) this.lines.push(prefix + text);
    this.current = "";
  }

  open(tagName: string): void {
    const name = tagName.toUpperCase();
    if (this.skipping > 0 || SKIP.has(name)) {
      this.skipping++;
      return;
    }
    if (name === "BR") this.current += " ";
    else if (/^H[1-6]$/.test(name) || name === "LI" || BLOCKS.has(name)) this.flush();
  }

  close(tagName: string): void {
    if (this.skipping > 0) {
      this.skipping--;
      return;
    }
    const name = tagName.toUpperCase();
    const heading = /^H([1-6])$/.exec(name);
    if (heading) this.flush("#".repeat(Number(heading[1])) + " ");
    else if (name === "LI") this.flush("- ");
    else if (BLOCKS.has(name)) this.flush();
    else if (name === "TD" || name === "TH") this.current += " ";
  }

  text(text: string): void {
    if (this.skipping === 0) this.current += text;
  }

  result(): string {
    this.flush();
    return this.lines.join("\n\n");
  }
}

/** Markdown of a DOM subtree, walked with an explicit stack. */
export function htmlToMarkdown(root: NodeLike): string {
  const sink = new MarkdownSink();
  const stack: { node: NodeLike; closing: boolean }[] = [{ node: root, closing: false }];
  while (stack.length > 0) {
    const { node, closing } = stack.pop()!;
    if (node.nodeType === 3) {
      sink.text(node.textContent ?? "");
      continue;
    }
    if (node.nodeType !== 1) continue;
    if (closing) {
      sink.close(node.nodeName);
      continue;
    }
    sink.open(node.nodeName);
    stack.push({ node, closing: true });
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, closing: false });
  }
  return sink.result();
}
