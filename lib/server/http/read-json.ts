import { AppError } from "../../core/errors";

/** Reads a JSON body up to `maxBytes`, refusing larger bodies before reading them whole. */
export async function readJson(req: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("too_large", "body_too_large");
  const text = await req.text();
  if (text.length > maxBytes) throw new AppError("too_large", "body_too_large");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "invalid_json");
  }
}
