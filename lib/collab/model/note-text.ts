import * as Y from "yjs";

type XmlNode = Y.XmlElement | Y.XmlFragment | Y.XmlText | Y.XmlHook;

/** Node name of a mention (Tiptap's Mention extension): an inline atom with `id` and `label`. */
export const MENTION_NODE = "mention";

function textOf(node: XmlNode): string {
  // A mention has no text children: its text is the label it shows.
  if (node instanceof Y.XmlElement && node.nodeName === MENTION_NODE) return `@${String(node.getAttribute("label") ?? "")}`;
  if (node instanceof Y.XmlText) return node.toDelta().map((d: { insert?: unknown }) => (typeof d.insert === "string" ? d.insert : "")).join("");
  if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) return node.toArray().map(textOf).join("");
  return "";
}

function collectBlocks(node: Y.XmlElement | Y.XmlFragment, out: string[]): void {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) out.push(textOf(child));
    else if (child instanceof Y.XmlElement) {
      // A block whose children include text is a line (paragraph, heading); others nest blocks.
      if (child.length === 0 || child.nodeName === MENTION_NODE || child.toArray().some((c) => c instanceof Y.XmlText)) out.push(textOf(child));
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

/** The user ids mentioned in a note (each once, in order), at most `max`. */
export function noteMentions(fragment: Y.XmlFragment | undefined, max = 50): string[] {
  const ids = new Set<string>();
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (ids.size >= max) return;
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === MENTION_NODE) {
        const id = child.getAttribute("id");
        if (typeof id === "string" && id) ids.add(id);
      } else walk(child);
    }
  };
  if (fragment) walk(fragment);
  return [...ids];
}
