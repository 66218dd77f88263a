import type { DocumentContent, DocumentMeta } from "../documents/create-document";

/**
 * Turns a demo text into a document. A plain paragraph split until the import
 * pipeline (issue #3) replaces it: blank-line separated paragraphs, lines joined.
 */
export function prepareDemoDocument(bytes: Uint8Array, fileName: string): { meta: DocumentMeta; content: DocumentContent } {
  const raw = new TextDecoder("utf-8").decode(bytes).normalize("NFC");
  const paragraphs = raw
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, "").trim())
    .filter((p) => p.length > 0);
  const blocks: { kind: string; start: number; end: number }[] = [];
  let text = "";
  for (const p of paragraphs) {
    if (text) text += "\n\n";
    blocks.push({ kind: "paragraph", start: text.length, end: text.length + p.length });
    text += p;
  }
  const title = (paragraphs[0] ?? fileName).slice(0, 120);
  return { meta: { title, language: "ja" }, content: { text, blocks } };
}
