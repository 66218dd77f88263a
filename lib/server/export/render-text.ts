/** Streams a text format (Markdown, CSV, HTML, JSON-LD) from export events, in ~64 KB chunks. */
import { textWriter, type ExportMeta, type TextFormat } from "../../core/export";
import type { ExportEvent } from "./query-excerpts";

const CHUNK = 64 * 1024;

export async function* renderText(format: TextFormat, events: AsyncIterable<ExportEvent>, meta: ExportMeta): AsyncGenerator<Uint8Array> {
  const writer = textWriter(format);
  const encoder = new TextEncoder();
  let pending = writer.begin(meta);
  let count = 0;
  for await (const ev of events) {
    if (ev.type === "group") pending += writer.group(ev.group);
    else {
      count++;
      pending += writer.excerpt(ev.excerpt);
    }
    if (pending.length >= CHUNK) {
      yield encoder.encode(pending);
      pending = "";
    }
  }
  pending += writer.end({ count });
  yield encoder.encode(pending);
}
