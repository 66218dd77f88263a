import * as Y from "yjs";

type XmlNode = Y.XmlElement | Y.XmlFragment | Y.XmlText | Y.XmlHook;

function textOf(node: XmlNode): string {
  if (node instanceof Y.XmlText) return node.toDelta().map((d: { insert?: unknown }) => (typeof d.insert === "string" ? d.insert : "")).join("");
  if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) return node.toArray().map(textOf).join("");
  return "";
}

function collectBlocks(node: Y.XmlElement | Y.XmlFragment, out: string[]): void {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) out.push(textOf(child));
    else if (child instanceof Y.XmlElement) {
      // A block whose children include text is a line (paragraph, heading); others nest blocks.
      if (child.length === 0 || child.toArray().some((c) => c instanceof Y.XmlText)) out.push(textOf(child));
      else collectBlocks(child, out);
    }
  }
}

/**
 * The plain text of a note fragment (for search, export and the projection): one line per
 * block, marks dropped. Unknown node types are ignored, so a malformed fragment yields text,
 * never an exception.
 */
export function noteText(fragment: Y.XmlFragment | undefined): string {
  if (!fragment) return "";
  const lines: string[] = [];
  collectBlocks(fragment, lines);
  return lines.join("\n").trim();
}
