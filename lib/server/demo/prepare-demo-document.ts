import type { DocumentContent, DocumentMeta } from "../documents/create-document";
import { extractInWorker } from "../import/extract-pool";
import { contentOf } from "../import/content-of";

/** Turns a demo paper into a document through the same import pipeline as any upload. */
export async function prepareDemoDocument(bytes: Uint8Array, fileName: string): Promise<{ meta: DocumentMeta; content: DocumentContent }> {
  const src = await extractInWorker(fileName, bytes);
  return { meta: { title: src.title ?? fileName, language: src.normalised.language }, content: contentOf(src) };
}
