import { AppError } from "../../core/errors";

/**
 * Reads a request body as bytes, refusing it as soon as it exceeds `maxBytes`:
 * first by Content-Length (before reading anything), then while streaming.
 */
export async function readBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("too_large", "import_too_large", { details: { limit: maxBytes } });
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError("too_large", "import_too_large", { details: { limit: maxBytes } });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** The file name a client sends in X-File-Name (URI-encoded, so any script survives the header). */
export function fileNameFrom(req: Request): string {
  const raw = req.headers.get("x-file-name") ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
